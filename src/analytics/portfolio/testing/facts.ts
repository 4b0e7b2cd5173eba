// Small builders for hand-made portfolios in the tests beside the analytics.
import { parseMoney } from '../../../domain/money.js';
import type { AccountFact, OrderFact } from '../../../domain/portfolio/facts.js';

export function order(accountId: number, orderedAt: string, total: string, items?: string[]): OrderFact {
  return { accountId, orderedAt, total: parseMoney(total), ...(items ? { items } : {}) };
}

export function account(id: number, fields: Partial<AccountFact> = {}): AccountFact {
  return {
    id,
    status: 'customer',
    segment: null,
    sector: null,
    size: null,
    relationshipType: null,
    country: null,
    ownerId: null,
    hasInterest: false,
    hasFinancialCapacity: false,
    since: '2020-01-01T00:00:00.000Z',
    ...fields,
  };
}

/** A seeded generator (mulberry32), so shuffled test data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
