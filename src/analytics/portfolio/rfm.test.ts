import { describe, expect, it } from 'vitest';
import { classifyRfm, quintileScores } from './rfm.js';
import { RFM_SEGMENT_RULES, RFM_SEGMENTS, rfmSegmentRule } from '../../domain/portfolio/rfm-segments.js';
import { summarizeAccount } from './summarize.js';
import { order } from './testing/facts.js';

describe('RFM quintile scores', () => {
  it('splits ten distinct values into five equal quintiles', () => {
    expect(quintileScores([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 'higher')).toEqual([5, 1, 5, 1, 4, 2, 4, 2, 3, 3]);
  });

  it('scores fewer days since the last purchase higher', () => {
    expect(quintileScores([0, 400, 100, 30, 200], 'lower')).toEqual([5, 1, 3, 4, 2]);
  });

  it('gives tied values one score, the one where their block starts', () => {
    // Six of ten accounts bought once: all score 1, and the next score is 4 (60 % are below).
    expect(quintileScores([1, 1, 1, 1, 1, 1, 2, 2, 3, 5], 'higher')).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    expect(quintileScores([7, 7, 7], 'higher')).toEqual([1, 1, 1]);
  });

  it('does not depend on the order of the input', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const scores = quintileScores(values, 'higher');
    const reversed = quintileScores([...values].reverse(), 'higher').reverse();
    expect(reversed).toEqual(scores);
  });
});

describe('RFM segments', () => {
  const cases: [string, number, number, number][] = [
    ['champions', 5, 5, 5], ['champions', 4, 4, 4],
    ['loyal', 3, 5, 5], ['loyal', 5, 4, 2],
    ['potential_loyalists', 5, 3, 1], ['potential_loyalists', 4, 2, 5],
    ['new', 5, 1, 1], ['new', 5, 1, 5],
    ['promising', 4, 1, 2],
    ['need_attention', 3, 3, 3],
    ['about_to_sleep', 3, 2, 4], ['about_to_sleep', 3, 1, 1],
    ['cannot_lose', 1, 5, 5], ['cannot_lose', 2, 4, 4],
    ['at_risk', 2, 5, 3], ['at_risk', 1, 3, 5],
    ['hibernating', 2, 2, 2], ['hibernating', 2, 1, 5],
    ['lost', 1, 1, 1], ['lost', 1, 2, 5],
  ];

  it.each(cases)('maps to %s from R%i F%i M%i', (segment, r, f, m) => {
    expect(rfmSegmentRule(r, f, m).segment).toBe(segment);
  });

  it('covers every one of the 125 score combinations and names every segment', () => {
    const reached = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) reached.add(rfmSegmentRule(r, f, m).segment);
    expect([...reached].sort()).toEqual([...RFM_SEGMENTS].sort());
    expect(RFM_SEGMENT_RULES.map((rule) => rule.segment)).toEqual([...RFM_SEGMENTS]);
  });

  it('refuses scores outside 1 to 5', () => {
    expect(() => rfmSegmentRule(6, 1, 1)).toThrow(/outside 1 to 5/);
  });
});

describe('RFM classification', () => {
  const asOf = '2026-06-30';
  // Account i (1..5) last bought i×60 days ago, has i orders and spends i×100 in total.
  const orders = [1, 2, 3, 4, 5].flatMap((i) => Array.from({ length: i }, (_, k) => {
    const day = new Date(Date.UTC(2026, 5, 30) - (i * 60 + k * 7) * 86_400_000).toISOString();
    return order(i, day, '100.00');
  }));
  const summaries = [1, 2, 3, 4, 5, 6].map((id) => summarizeAccount(id, orders, asOf));
  const rfm = classifyRfm(summaries);

  it('scores recency, frequency and money among the buyers and explains the segment', () => {
    expect(rfm.classes.get(1)!.figures).toMatchObject({ recency: 5, frequency: 1, monetary: 1, rfm: '511' });
    expect(rfm.classes.get(5)!.figures).toMatchObject({ recency: 1, frequency: 5, monetary: 5, rfm: '155' });
    expect(rfm.classes.get(1)!.class).toBe('new');
    expect(rfm.classes.get(5)!.class).toBe('cannot_lose');
    expect(rfm.classes.get(5)!.rule).toBe(
      'Scores R1 F5 M5 (last purchase 300 days ago, 5 orders, 500.00): Bought often and spent the most, but not for a long time.',
    );
  });

  it('leaves accounts that never bought unscored and counts the rest', () => {
    expect(rfm.classes.get(6)!.class).toBe('none');
    expect(rfm.scoredAccounts).toBe(5);
    expect(rfm.scoreCounts.r).toEqual([1, 1, 1, 1, 1]);
    expect(Object.values(rfm.segments).reduce((a, b) => a + b, 0)).toBe(5);
  });
});
