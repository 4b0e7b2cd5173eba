// Who a demo account is and how it behaves: identity (country, city, sector, size), lifecycle
// (when it was created, became a customer, churned) and buying habits (how often, how much,
// trending up or down). Drawn from the account's own random stream, so the same seed and index
// always give the same account whatever else is generated.
import type { AccountKind, AccountSize, AccountStatus, RelationshipType } from '../../domain/customer-file.js';
import type { PortfolioUser } from '../../domain/portfolio-records.js';
import { type DemoSector, SECTOR_WEIGHTS, SECTORS } from './demo-catalogue.js';
import { type DemoCity, type DemoCountry, DEMO_COUNTRIES } from './demo-countries.js';
import type { DemoTeam } from './demo-team.js';
import { DAY, workingTime, YEAR } from './demo-time.js';
import { mixSeed, Random } from './seeded-random.js';

export type Frequency = 'frequent' | 'regular' | 'occasional';
/** How purchases evolve over the years. `lapsing` customers stopped ordering recently but are still customers. */
export type Trend = 'steady' | 'shrinking' | 'growing' | 'lapsing';

export interface BuyingHabits {
  frequency: Frequency;
  /** Orders per year at trend 1, before seasonality. */
  ordersPerYear: number;
  /** Typical order value in cents at trend 1. */
  orderValueCents: number;
  trend: Trend;
  /** Orders in the window happen in [from, until). */
  from: number;
  until: number;
}

export interface AccountProfile {
  index: number;
  externalId: string;
  country: DemoCountry;
  countryIndex: number;
  city: DemoCity;
  kind: AccountKind;
  sector: DemoSector | null;
  size: AccountSize | null;
  relationshipType: RelationshipType;
  status: AccountStatus;
  owner: PortfolioUser | null;
  createdAt: number;
  /** The history of statuses, oldest first; the last is the current status. */
  statuses: { status: AccountStatus; at: number }[];
  buying: BuyingHabits | null;
  /** When the account stopped buying (ex-customers), for win-back activity after it. */
  churnedAt: number | null;
}

export interface Window {
  start: number;
  end: number;
}

const STATUS_WEIGHTS: readonly (readonly [AccountStatus, number])[] = [
  ['customer', 44], ['ex_customer', 16], ['prospect', 14], ['lead', 10], ['suspect', 11], ['partner', 5],
];

const FREQUENCY_BY_SIZE: Record<AccountSize | 'person', readonly (readonly [Frequency, number])[]> = {
  enterprise: [['frequent', 45], ['regular', 45], ['occasional', 10]],
  mid_market: [['frequent', 25], ['regular', 50], ['occasional', 25]],
  small: [['frequent', 12], ['regular', 43], ['occasional', 45]],
  person: [['frequent', 5], ['regular', 35], ['occasional', 60]],
};

const ORDERS_PER_YEAR: Record<Frequency, [number, number]> = { frequent: [8, 20], regular: [3, 6], occasional: [0.5, 2] };

/** Typical order value by size, in cents; each account spreads around it by a lognormal factor. */
const ORDER_VALUE: Record<AccountSize | 'person', number> = { enterprise: 700_000, mid_market: 150_000, small: 35_000, person: 12_000 };

const cityWeights = (country: DemoCountry) => country.cities.map((city, i) => [city, i === 0 ? 3 : i < 3 ? 1.5 : 1] as const);

function chooseOwner(r: Random, team: DemoTeam, countryIndex: number, cityIndex: number, status: AccountStatus, size: AccountSize | null): PortfolioUser | null {
  if (status === 'suspect' && r.chance(0.3)) return null;
  if (size === 'enterprise' && r.chance(0.15)) return team.manager;
  const roll = r.next();
  if (roll < 0.85) return team.territoryRep(countryIndex, cityIndex);
  if (roll < 0.97) return r.pick(team.reps);
  return roll < 0.98 ? team.manager : null;
}

export function drawProfile(seed: number, index: number, team: DemoTeam, window: Window): AccountProfile {
  const r = new Random(mixSeed(seed, index, 1));
  const { start, end } = window;
  const span = end - start;

  const countryIndex = r.weighted(DEMO_COUNTRIES.map((c, i) => [i, c.weight] as const));
  const country = DEMO_COUNTRIES[countryIndex]!;
  const city = r.weighted(cityWeights(country));
  const cityIndex = country.cities.indexOf(city);
  const kind: AccountKind = r.chance(0.07) ? 'person' : 'company';
  const sector = kind === 'person' ? null : r.weighted(SECTORS.map((s) => [s, SECTOR_WEIGHTS[s]] as const));
  const size: AccountSize | null = kind === 'person' ? null
    : sector === 'public administration' ? r.weighted([['small', 10], ['mid_market', 60], ['enterprise', 30]] as const)
      : r.weighted([['small', 60], ['mid_market', 30], ['enterprise', 10]] as const);
  const status = r.weighted(STATUS_WEIGHTS);
  const relationshipType: RelationshipType = status === 'partner' ? 'partner'
    : kind === 'person' ? 'direct'
      : size === 'enterprise' && r.chance(0.4) ? 'national_account'
        : r.weighted([['direct', 83], ['distributor', 6], ['reseller', 8], ['other', 3]] as const);
  const owner = chooseOwner(r, team, countryIndex, cityIndex, status, size);

  const statuses: { status: AccountStatus; at: number }[] = [];
  let createdAt: number;
  let buying: BuyingHabits | null = null;
  let churnedAt: number | null = null;

  if (status === 'customer' || status === 'ex_customer' || status === 'partner') {
    // Half the buyers were already customers when the window opens; the others are won during it.
    const established = r.chance(0.5);
    const latestStart = status === 'ex_customer' ? span - 1.2 * YEAR : span - 0.25 * YEAR;
    let customerSince: number;
    if (established) {
      createdAt = start - r.uniform(0.3, 6) * YEAR;
      customerSince = Math.min(createdAt + r.uniform(0.05, 0.4) * YEAR, start - DAY);
    } else {
      createdAt = start + r.uniform(0, Math.max(latestStart, 0.1 * YEAR));
      // The conversion is the first order, placed in working hours.
      customerSince = workingTime(Math.min(createdAt + r.uniform(10, 150) * DAY, end - 10 * DAY), r, kind === 'company');
    }
    statuses.push({ status: established || r.chance(0.5) ? 'prospect' : 'lead', at: createdAt });
    statuses.push({ status: status === 'partner' ? 'partner' : 'customer', at: customerSince });

    const sizeKey = size ?? 'person';
    const frequency = r.weighted(FREQUENCY_BY_SIZE[sizeKey]);
    const [low, high] = ORDERS_PER_YEAR[frequency];
    const from = Math.max(customerSince, start);
    let until = end;
    let trend: Trend = 'steady';
    if (status === 'ex_customer') {
      const earliest = Math.max(from + 0.25 * YEAR, start + 0.1 * YEAR);
      churnedAt = earliest + r.next() * Math.max(end - 0.5 * YEAR - earliest, 0);
      until = churnedAt;
      trend = r.chance(0.4) ? 'shrinking' : 'steady';
      statuses.push({ status: 'ex_customer', at: Math.min(churnedAt + r.uniform(0.3, 1) * YEAR, end - DAY) });
    } else if (status === 'customer') {
      trend = r.weighted([['steady', 58], ['shrinking', 15], ['growing', 12], ['lapsing', 15]] as const);
      if (trend === 'lapsing') {
        until = end - r.uniform(0.5, 1.25) * YEAR;
        if (until - from < 0.3 * YEAR) {
          trend = 'steady';
          until = end;
        }
      }
    }
    buying = {
      frequency,
      ordersPerYear: r.uniform(low, high),
      orderValueCents: ORDER_VALUE[sizeKey] * r.logNormal(0, 0.8),
      trend,
      from,
      until,
    };
  } else if (status === 'prospect') {
    createdAt = end - r.uniform(0.05, 2.5) * YEAR;
    if (r.chance(0.6)) statuses.push({ status: 'lead', at: createdAt });
    statuses.push({ status: 'prospect', at: statuses.length ? createdAt + r.uniform(0.1, 0.6) * (end - createdAt) : createdAt });
  } else if (status === 'lead') {
    createdAt = end - r.uniform(0.02, 1.5) * YEAR;
    if (r.chance(0.5)) statuses.push({ status: 'suspect', at: createdAt });
    statuses.push({ status: 'lead', at: statuses.length ? createdAt + r.uniform(0.1, 0.7) * (end - createdAt) : createdAt });
  } else {
    createdAt = end - r.uniform(0.01, 4) * YEAR;
    statuses.push({ status: 'suspect', at: createdAt });
  }

  return {
    index,
    externalId: `DEMO-${String(index + 1).padStart(6, '0')}`,
    country, countryIndex, city, kind, sector, size, relationshipType, status, owner,
    createdAt, statuses, buying, churnedAt,
  };
}

/** Purchase intensity at a moment, relative to the account's base rate. */
export function frequencyTrend(trend: Trend, progress: number): number {
  if (trend === 'shrinking') return 1.5 - 1.1 * progress;
  if (trend === 'growing') return 0.5 + progress;
  return 1;
}

/** Order value at a moment, relative to the account's typical value. */
export function valueTrend(trend: Trend, progress: number): number {
  if (trend === 'shrinking') return 1.2 - 0.6 * progress;
  if (trend === 'growing') return 0.7 + 0.6 * progress;
  return 1;
}

export const MAX_FREQUENCY_TREND = 1.5;

/** Seasonality of B2B buying: quiet in August and at the year's end. */
export const MONTH_FACTORS = [0.85, 0.95, 1, 0.95, 0.95, 1, 0.8, 0.55, 1, 1, 1, 0.75] as const;
const MEAN_MONTH_FACTOR = MONTH_FACTORS.reduce((a, b) => a + b, 0) / 12;

/** How many orders the habits lead to on average, used to scale the portfolio to a target count. */
export function expectedOrders(habits: BuyingHabits, window: Window): number {
  const span = window.end - window.start;
  const progress = (t: number) => (t - window.start) / span;
  const meanTrend = (frequencyTrend(habits.trend, progress(habits.from)) + frequencyTrend(habits.trend, progress(habits.until))) / 2;
  return habits.ordersPerYear * ((habits.until - habits.from) / YEAR) * meanTrend * MEAN_MONTH_FACTOR;
}
