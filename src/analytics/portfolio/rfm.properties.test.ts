// The balance of the RFM quintiles, proved on any values. With n scored accounts, let
// fair(s) = ⌈s·n/5⌉ − ⌈(s−1)·n/5⌉ (always ⌊n/5⌋ or ⌈n/5⌉), N(s) the accounts scoring s or less,
// and t the largest number of accounts sharing one value. Then for every s:
//   ⌈s·n/5⌉ ≤ N(s) ≤ min(n, ⌈s·n/5⌉ + t − 1),
// so each score holds fair(s) accounts give or take t − 1, and exactly fair(s) when no values
// tie (t = 1). Ties are the only imbalance: a tied block is never split between scores.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRfm, quintileScores } from './rfm.js';
import { emptyHistory, summarizeHistory, summarizePortfolio } from './summarize.js';
import { AS_OF, orderArb } from './testing/arbitraries.js';

/** Values with few distinct ones (many ties), some, or nearly all distinct. */
const valuesArb = fc.constantFrom(2, 6, 30, 1_000_000)
  .chain((spread) => fc.array(fc.integer({ min: 0, max: spread }), { minLength: 1, maxLength: 300 }));
const distinctArb = fc.uniqueArray(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 300 });
const betterArb = fc.constantFrom('higher' as const, 'lower' as const);

const isWorse = (value: number, than: number, better: 'higher' | 'lower') => (better === 'higher' ? value < than : value > than);

function countsOf(scores: readonly number[]): number[] {
  const counts = [0, 0, 0, 0, 0];
  for (const score of scores) counts[score - 1]! += 1;
  return counts;
}

const fair = (s: number, n: number) => Math.ceil((s * n) / 5) - Math.ceil(((s - 1) * n) / 5);

function largestTie(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Math.max(...counts.values());
}

describe('RFM quintile scores, for any values', () => {
  it('score 1 plus five times the share of values strictly worse, at most 5', () => {
    fc.assert(fc.property(valuesArb, betterArb, (values, better) => {
      const n = values.length;
      const scores = quintileScores(values, better);
      values.forEach((value, i) => {
        const worse = values.filter((other) => isWorse(other, value, better)).length;
        expect(scores[i]).toBe(Math.min(5, 1 + Math.floor((5 * worse) / n)));
      });
    }));
  });

  it('puts exactly ⌊n/5⌋ or ⌈n/5⌉ accounts in each score when no values tie', () => {
    fc.assert(fc.property(distinctArb, betterArb, (values, better) => {
      const n = values.length;
      const counts = countsOf(quintileScores(values, better));
      counts.forEach((count, i) => {
        expect(count).toBe(fair(i + 1, n));
        expect([Math.floor(n / 5), Math.ceil(n / 5)]).toContain(count);
      });
    }));
  });

  it('keeps the accounts scoring s or less between ⌈s·n/5⌉ and ⌈s·n/5⌉ + t − 1 when values tie', () => {
    fc.assert(fc.property(valuesArb, betterArb, (values, better) => {
      const n = values.length;
      const t = largestTie(values);
      const counts = countsOf(quintileScores(values, better));
      let atMost = 0;
      for (let s = 1; s <= 5; s++) {
        atMost += counts[s - 1]!;
        expect(atMost).toBeGreaterThanOrEqual(Math.ceil((s * n) / 5));
        expect(atMost).toBeLessThanOrEqual(Math.min(n, Math.ceil((s * n) / 5) + t - 1));
        expect(Math.abs(counts[s - 1]! - fair(s, n))).toBeLessThanOrEqual(t - 1);
      }
    }));
  });

  it('gives equal values equal scores and a better value a score at least as high', () => {
    fc.assert(fc.property(valuesArb, betterArb, (values, better) => {
      const scores = quintileScores(values, better);
      values.forEach((a, i) => values.forEach((b, j) => {
        if (a === b) expect(scores[i]).toBe(scores[j]);
        if (isWorse(b, a, better)) expect(scores[i]).toBeGreaterThanOrEqual(scores[j]!);
      }));
      expect(Math.min(...scores)).toBe(1);
    }));
  });

  it('does not depend on the order of the values', () => {
    fc.assert(fc.property(valuesArb.chain((values) => fc.tuple(fc.constant(values), fc.array(fc.nat(), { minLength: values.length, maxLength: values.length }))),
      betterArb, ([values, keys], better) => {
        const order = values.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
        const scores = quintileScores(values, better);
        const shuffled = quintileScores(order.map((i) => values[i]!), better);
        order.forEach((i, position) => expect(shuffled[position]).toBe(scores[i]));
      }));
  });
});

describe('RFM classification, for any portfolio', () => {
  const ids = Array.from({ length: 40 }, (_, i) => i + 1);
  const ordersArb = fc.array(orderArb(ids), { maxLength: 150 });

  it('scores every buyer once on each axis and names one segment for each', () => {
    fc.assert(fc.property(ordersArb, (orders) => {
      const summaries = summarizePortfolio(orders, AS_OF);
      const rfm = classifyRfm(summaries);
      expect(rfm.scoredAccounts).toBe(summaries.length);
      for (const counts of [rfm.scoreCounts.r, rfm.scoreCounts.f, rfm.scoreCounts.m]) {
        expect(counts.reduce((a, b) => a + b, 0)).toBe(summaries.length);
      }
      expect(Object.values(rfm.segments).reduce((a, b) => a + b, 0)).toBe(summaries.length);
      for (const summary of summaries) expect(rfm.classes.get(summary.accountId)!.class).not.toBe('none');
    }));
  });

  it('changes no score when accounts that never bought are added', () => {
    fc.assert(fc.property(ordersArb, fc.integer({ min: 1, max: 10 }), (orders, idle) => {
      const summaries = summarizePortfolio(orders, AS_OF);
      const never = Array.from({ length: idle }, (_, i) => summarizeHistory(emptyHistory(1000 + i), AS_OF));
      const alone = classifyRfm(summaries);
      const withIdle = classifyRfm([...never, ...summaries]);
      for (const [id, classification] of alone.classes) expect(withIdle.classes.get(id)).toEqual(classification);
      expect(withIdle.scoreCounts).toEqual(alone.scoreCounts);
    }));
  });
});
