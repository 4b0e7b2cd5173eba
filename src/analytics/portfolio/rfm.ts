// RFM scores 1 to 5 by quintiles among the accounts that have bought, and their segment.
// Recency is the days since the last purchase (fewer is better), frequency the number of
// orders, monetary the revenue, all up to the as-of day. A score is
//   1 + floor(5 × share of buyers with a strictly worse value), at most 5,
// so equal values always get equal scores and a score never depends on ids or input order.
// When many accounts tie (most have bought once), their block takes the score where it
// starts, and the next scores up may be skipped; quintiles are then unequal by design.
import { RFM_SEGMENTS, type RfmSegment, rfmSegmentRule } from '../../domain/portfolio/rfm-segments.js';
import type { AccountSummary, Classification } from '../../domain/portfolio/facts.js';
import { money, times } from './wording.js';

export type RfmClass = RfmSegment | 'none';

export interface RfmAnalysis {
  classes: Map<number, Classification<RfmClass>>;
  scoredAccounts: number;
  segments: Record<RfmSegment, number>;
  /** How many accounts got each score 1 to 5 (index 0 is score 1). */
  scoreCounts: { r: number[]; f: number[]; m: number[] };
}

/** Quintile scores of `values`, in their order; `better` says which way is up. */
export function quintileScores(values: ArrayLike<number>, better: 'higher' | 'lower'): number[] {
  return Array.from(quintileScoreColumn(values, better));
}

/** The same scores as a column, for a whole portfolio at once. */
export function quintileScoreColumn(values: ArrayLike<number>, better: 'higher' | 'lower'): Uint8Array {
  const n = values.length;
  const sign = better === 'higher' ? 1 : -1;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = sign * values[i]!;
  // A native sort, then each score from how many values sort strictly below: at least
  // ceil(s × n / 5) of them lift a value past score s, which is when the value at that
  // position is below it. Four comparisons a value rather than a search.
  const sorted = keys.slice().sort();
  const bounds = [1, 2, 3, 4].map((s) => sorted[Math.ceil((s * n) / 5) - 1]!);
  const [b1, b2, b3, b4] = bounds as [number, number, number, number];
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    scores[i] = 1 + (key > b1 ? 1 : 0) + (key > b2 ? 1 : 0) + (key > b3 ? 1 : 0) + (key > b4 ? 1 : 0);
  }
  return scores;
}

const NEVER_BOUGHT: Classification<RfmClass> = { class: 'none', rule: 'Has never bought, so has no RFM scores.', figures: {} };

/** A buyer's segment from its scores, with the facts behind them; a run keeps the scores and explains them when read. */
export function rfmClass(summary: AccountSummary, rs: number, fs: number, ms: number): Classification<RfmClass> {
  if (summary.orderCount === 0) return { ...NEVER_BOUGHT, figures: {} };
  const rule = rfmSegmentRule(rs, fs, ms);
  const facts = `last purchase ${times(summary.daysSinceLastPurchase!, 'day')} ago, ${times(summary.orderCount, 'order')}, ${money(summary.revenue)}`;
  return {
    class: rule.segment,
    rule: `Scores R${rs} F${fs} M${ms} (${facts}): ${rule.meaning}`,
    figures: {
      recency: rs, frequency: fs, monetary: ms, rfm: `${rs}${fs}${ms}`,
      daysSinceLastPurchase: summary.daysSinceLastPurchase, orders: summary.orderCount, revenue: summary.revenue,
    },
  };
}

/** The RFM classes of the summaries, in their order, with the portfolio's figures. */
export function classifyRfmInOrder(summaries: readonly AccountSummary[]): Omit<RfmAnalysis, 'classes'> & { classes: Classification<RfmClass>[] } {
  const buyers = summaries.filter((summary) => summary.orderCount > 0);
  const r = quintileScores(buyers.map((s) => s.daysSinceLastPurchase!), 'lower');
  const f = quintileScores(buyers.map((s) => s.orderCount), 'higher');
  const m = quintileScores(buyers.map((s) => s.revenue), 'higher');
  const segments = Object.fromEntries(RFM_SEGMENTS.map((segment) => [segment, 0])) as Record<RfmSegment, number>;
  const scoreCounts = { r: [0, 0, 0, 0, 0], f: [0, 0, 0, 0, 0], m: [0, 0, 0, 0, 0] };
  const classes = new Array<Classification<RfmClass>>(summaries.length);
  let i = 0;
  summaries.forEach((summary, at) => {
    if (summary.orderCount === 0) {
      classes[at] = { ...NEVER_BOUGHT, figures: {} };
      return;
    }
    const [rs, fs, ms] = [r[i]!, f[i]!, m[i]!];
    i += 1;
    classes[at] = rfmClass(summary, rs, fs, ms);
    segments[classes[at].class as RfmSegment] += 1;
    scoreCounts.r[rs - 1]! += 1;
    scoreCounts.f[fs - 1]! += 1;
    scoreCounts.m[ms - 1]! += 1;
  });
  return { classes, scoredAccounts: buyers.length, segments, scoreCounts };
}

export function classifyRfm(summaries: readonly AccountSummary[]): RfmAnalysis {
  const { classes: inOrder, ...analysis } = classifyRfmInOrder(summaries);
  const classes = new Map<number, Classification<RfmClass>>();
  // The accounts that never bought first, then the buyers, as the map has always listed them.
  summaries.forEach((summary, i) => { if (summary.orderCount === 0) classes.set(summary.accountId, inOrder[i]!); });
  summaries.forEach((summary, i) => { if (summary.orderCount > 0) classes.set(summary.accountId, inOrder[i]!); });
  return { classes, ...analysis };
}
