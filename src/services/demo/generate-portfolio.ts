// A realistic, deterministic demo portfolio: a sales team, a catalogue, and accounts across
// eight countries and ten sectors with contacts, five years of orders whose values are
// long-tailed (a fifth of the buyers make most of the revenue), interactions and tasks.
// Pure: no clock, no IO. The same options give the same records, byte for byte. Accounts are
// produced one at a time, each from its own random stream, so 100,000 accounts and a million
// orders stream through in bounded memory.
import type { PortfolioAccountRecord, PortfolioProduct, PortfolioUser } from '../../domain/portfolio-records.js';
import { drawProfile, expectedOrders, type Window } from './account-profile.js';
import { demoCatalogue } from './demo-catalogue.js';
import { demoTeam } from './demo-team.js';
import { yearsBefore } from './demo-time.js';
import { generateAccount } from './generate-account.js';
import { generateInteractions, generateTasks } from './generate-activity.js';
import { generateContacts } from './generate-contacts.js';
import { generateOrders, indexCatalogue } from './generate-orders.js';
import { mixSeed, Random } from './seeded-random.js';

export interface PortfolioOptions {
  seed?: number;
  accounts?: number;
  years?: number;
  /** Orders end before this moment; the window is the `years` before it. */
  endDate?: Date | string;
  /** Total orders to aim for; by default the buying habits alone decide (about 10 per account). */
  orders?: number;
}

export const DEMO_DEFAULTS = { seed: 42, accounts: 2000, years: 5, endDate: '2026-01-01T00:00:00.000Z' } as const;

export interface DemoPortfolio {
  users: PortfolioUser[];
  products: PortfolioProduct[];
  accountCount: number;
  window: { start: string; end: string };
  /** Each account with everything that belongs to it, generated as it is read. */
  records(): Generator<PortfolioAccountRecord>;
}

export function generatePortfolio(options: PortfolioOptions = {}): DemoPortfolio {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const accountCount = options.accounts ?? DEMO_DEFAULTS.accounts;
  const years = options.years ?? DEMO_DEFAULTS.years;
  const end = new Date(options.endDate ?? DEMO_DEFAULTS.endDate).getTime();
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a whole number from 0, not ${seed}`);
  if (!Number.isInteger(accountCount) || accountCount < 1) throw new RangeError(`accounts must be a whole number from 1, not ${accountCount}`);
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`years must be a whole number from 1, not ${years}`);
  if (Number.isNaN(end)) throw new RangeError(`endDate is not a date: ${String(options.endDate)}`);
  if (options.orders !== undefined && !(options.orders >= 0)) throw new RangeError(`orders must be positive, not ${options.orders}`);

  const window: Window = { start: yearsBefore(end, years), end };
  const team = demoTeam(seed);
  const products = demoCatalogue();
  const catalogue = indexCatalogue(products);

  // To hit a target order count, scale every account's buying rate by the same factor, found
  // from the expected counts of all profiles (cheap: no orders are drawn for this).
  let rateScale = 1;
  if (options.orders !== undefined) {
    let expected = 0;
    for (let i = 0; i < accountCount; i++) {
      const buying = drawProfile(seed, i, team, window).buying;
      if (buying) expected += expectedOrders(buying, window);
    }
    rateScale = expected > 0 ? options.orders / expected : 1;
  }

  function* records(): Generator<PortfolioAccountRecord> {
    for (let index = 0; index < accountCount; index++) {
      const profile = drawProfile(seed, index, team, window);
      const r = new Random(mixSeed(seed, index, 2));
      const generated = generateAccount(profile, r);
      const contacts = generateContacts(profile, generated, end, r);
      yield {
        account: generated.account,
        statusChanges: generated.statusChanges,
        contacts,
        // Orders draw from their own stream so that scaling them leaves the rest unchanged.
        orders: generateOrders(profile, window, rateScale, catalogue, new Random(mixSeed(seed, index, 3))),
        interactions: generateInteractions(profile, contacts, team.manager, window, r),
        tasks: generateTasks(profile, team.manager, window, r),
      };
    }
  }

  return {
    users: [team.manager, ...team.reps],
    products,
    accountCount,
    window: { start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString() },
    records,
  };
}
