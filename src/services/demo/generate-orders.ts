// An account's orders: a Poisson process shaped by its trend and the seasons, each order with
// lines from the categories its sector buys, priced like the catalogue was at the time.
import type { OrderChannel, OrderStatus } from '../../domain/customer-file.js';
import { cents, lineTotal } from '../../domain/money.js';
import type { PortfolioOrder, PortfolioOrderLine, PortfolioProduct } from '../../domain/portfolio-records.js';
import {
  type AccountProfile, frequencyTrend, MAX_FREQUENCY_TREND, MONTH_FACTORS, valueTrend, type Window,
} from './account-profile.js';
import { SECTOR_CATEGORIES } from './demo-catalogue.js';
import { DAY, iso, workingTime, YEAR } from './demo-time.js';
import type { Random } from './seeded-random.js';

/** Prices rose about 2.5 % a year, so older orders were cheaper. */
const YEARLY_PRICE_RISE = 1.025;

export interface Catalogue {
  products: readonly PortfolioProduct[];
  byCategory: ReadonlyMap<string, readonly PortfolioProduct[]>;
}

export function indexCatalogue(products: readonly PortfolioProduct[]): Catalogue {
  const byCategory = new Map<string, PortfolioProduct[]>();
  for (const product of products) byCategory.set(product.category, [...(byCategory.get(product.category) ?? []), product]);
  return { products, byCategory };
}

function orderTimes(profile: AccountProfile, window: Window, rateScale: number, r: Random): number[] {
  const habits = profile.buying!;
  const span = window.end - window.start;
  const weekdaysOnly = profile.kind === 'company';
  const maxRate = habits.ordersPerYear * rateScale * MAX_FREQUENCY_TREND / YEAR;
  const times: number[] = [];
  // A customer won during the window places its first order the day it converts.
  if (habits.from > window.start) times.push(habits.from);
  // Thinning: candidates at the highest rate, kept in proportion to the rate at that moment.
  for (let t = habits.from + r.exponential(maxRate); t < habits.until; t += r.exponential(maxRate)) {
    const keep = frequencyTrend(habits.trend, (t - window.start) / span) / MAX_FREQUENCY_TREND * MONTH_FACTORS[new Date(t).getUTCMonth()]!;
    if (r.chance(keep)) times.push(workingTime(t, r, weekdaysOnly));
  }
  // Every buyer has bought at least once in the window, or it would look like it never did.
  if (times.length === 0) times.push(workingTime(habits.from + r.next() * Math.min(habits.until - habits.from, 0.5 * YEAR), r, weekdaysOnly));
  return times.filter((t) => t >= window.start && t < window.end).sort((a, b) => a - b);
}

function channelOf(profile: AccountProfile, r: Random): OrderChannel {
  if (profile.kind === 'person') return r.weighted([['web', 70], ['phone', 15], ['store', 15]] as const);
  if (profile.relationshipType === 'partner' || profile.relationshipType === 'distributor' || profile.relationshipType === 'reseller') {
    return r.weighted([['partner', 60], ['email', 20], ['web', 20]] as const);
  }
  if (profile.size === 'enterprise') return r.weighted([['direct', 50], ['email', 25], ['phone', 10], ['web', 15]] as const);
  return r.weighted([['web', 35], ['email', 25], ['phone', 20], ['direct', 15], ['other', 5]] as const);
}

function statusOf(orderedAt: number, end: number, r: Random): OrderStatus {
  const age = end - orderedAt;
  if (r.chance(0.02)) return 'cancelled';
  if (age > 30 * DAY && r.chance(0.01)) return 'returned';
  if (age < 3 * DAY) return r.chance(0.2) ? 'draft' : 'confirmed';
  if (age < 14 * DAY) return r.chance(0.5) ? 'confirmed' : 'shipped';
  if (age < 45 * DAY) return r.chance(0.5) ? 'shipped' : 'invoiced';
  return 'invoiced';
}

function discountBasisPoints(profile: AccountProfile, r: Random): number {
  if (profile.relationshipType === 'partner' || profile.relationshipType === 'distributor' || profile.relationshipType === 'reseller') {
    return r.pick([1500, 2000, 2500]);
  }
  if (profile.size === 'enterprise') return r.pick([500, 750, 1000, 1250, 1500]);
  if (profile.size === 'mid_market') return r.pick([0, 0, 250, 500, 750]);
  return profile.kind === 'person' ? 0 : r.pick([0, 0, 0, 0, 250, 500]);
}

const LINE_COUNT: Record<string, [base: number, extraMean: number, max: number]> = {
  enterprise: [2, 2.5, 10], mid_market: [1, 1.5, 6], small: [1, 0.8, 4], person: [1, 0.5, 3],
};

function lines(profile: AccountProfile, orderedAt: number, value: number, catalogue: Catalogue, end: number, r: Random): PortfolioOrderLine[] {
  const [base, extraMean, max] = LINE_COUNT[profile.size ?? 'person']!;
  const count = Math.min(base + r.poisson(extraMean), max);
  const preferred = profile.sector ? SECTOR_CATEGORIES[profile.sector] : ['Office supplies', 'IT hardware', 'Furniture'];
  // Discontinued products still appear in orders older than two years.
  const sellable = (p: PortfolioProduct) => p.active || orderedAt < end - 2 * YEAR;
  const chosen = new Set<PortfolioProduct>();
  for (let attempt = 0; chosen.size < count && attempt < count * 4; attempt++) {
    const pool = r.chance(0.85) ? catalogue.byCategory.get(r.pick(preferred)) ?? catalogue.products : catalogue.products;
    const product = r.pick(pool);
    if (sellable(product)) chosen.add(product);
  }
  const shares = [...chosen].map(() => r.uniform(0.3, 1));
  const totalShare = shares.reduce((a, b) => a + b, 0);
  const discount = discountBasisPoints(profile, r);
  const priceIndex = YEARLY_PRICE_RISE ** (-(end - orderedAt) / YEAR);
  return [...chosen].map((product, i): PortfolioOrderLine => {
    const unitPriceCents = cents(Math.max(1, Math.round(product.listPriceCents * priceIndex)));
    const quantity = Math.min(2000, Math.max(1, Math.round((value * shares[i]! / totalShare) / unitPriceCents)));
    return {
      lineNo: i + 1,
      productSku: product.sku,
      description: product.name,
      quantity,
      unitPriceCents,
      discountBasisPoints: discount,
      totalCents: lineTotal(quantity, unitPriceCents, discount / 100),
    };
  });
}

export function generateOrders(profile: AccountProfile, window: Window, rateScale: number, catalogue: Catalogue, r: Random): PortfolioOrder[] {
  const habits = profile.buying;
  if (!habits) return [];
  const span = window.end - window.start;
  const account = profile.externalId.replace(/^DEMO-/, '');
  return orderTimes(profile, window, rateScale, r).map((orderedAt, k) => {
    const value = habits.orderValueCents * valueTrend(habits.trend, (orderedAt - window.start) / span) * r.logNormal(0, 0.45);
    const orderLines = lines(profile, orderedAt, value, catalogue, window.end, r);
    return {
      number: `SO-${account}-${String(k + 1).padStart(4, '0')}`,
      orderedAt: iso(orderedAt),
      channel: channelOf(profile, r),
      status: statusOf(orderedAt, window.end, r),
      totalCents: orderLines.reduce((sum, line) => sum + line.totalCents, 0),
      itemCount: orderLines.reduce((sum, line) => sum + line.quantity, 0),
      lines: orderLines,
    };
  });
}
