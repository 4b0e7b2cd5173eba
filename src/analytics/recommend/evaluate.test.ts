import { describe, expect, it } from 'vitest';
import { evaluateRecommender } from './evaluate.js';
import { resolveRecommendSettings } from './settings.js';
import { line, linesOf } from './testing/lines.js';

const settings = resolveRecommendSettings({ minSupport: 0, minAccounts: 2 });

// Before 2025: Paper+Toner go together (accounts 1–3), Pens+Laptop (4, 5); Dock is bought
// alone by four accounts. Popularity: Paper 4 and Dock 4, then Toner 3 and Pens 3, Laptop 2.
const train = linesOf({ 1: [1, 2], 2: [1, 2], 3: [1, 2], 4: [3, 4], 5: [3, 4], 6: [5], 7: [5], 8: [5], 9: [5], 11: [1], 12: [3] }, '2024-03-01');
const test = [
  line(11, 2, { orderedAt: '2025-02-01' }), // Toner: what Paper buyers take
  line(12, 4, { orderedAt: '2025-02-01' }), line(12, 5, { orderedAt: '2025-03-01' }), // Laptop and Dock
  line(12, 2, { orderedAt: '2025-03-01' }), line(12, 2, { orderedAt: '2025-03-02', quantity: -1 }), // Toner, returned
  line(6, 1, { orderedAt: '2025-01-01T00:00:00Z' }), // on the cut-off: counts as after it
  line(1, 2, { orderedAt: '2025-04-01' }), // nothing new: not evaluated
  line(10, 1, { orderedAt: '2025-04-01' }), // no history before the cut-off: not evaluated
];

describe('time-split evaluation against the most popular products', () => {
  it('computes precision and recall at k for both, by hand', () => {
    const result = evaluateRecommender([...train, ...test], settings, { cutoff: '2025-01-01', k: 1 });
    // Account 11 (Paper): suggested Toner, bought it; baseline Dock, not bought.
    // Account 12 (Pens) bought Laptop and Dock: suggested Laptop (1 of 2); baseline Paper, not bought.
    // Account 6 (Dock, no pair): both lists are Paper, which it bought.
    expect(result).toEqual({
      cutoff: '2025-01-01',
      k: 1,
      trainAccounts: 11,
      accounts: 3,
      recommender: { precisionAtK: 1, recallAtK: (1 + 0.5 + 1) / 3, hits: 3 },
      baseline: { precisionAtK: 1 / 3, recallAtK: 1 / 3, hits: 1 },
    });
  });

  it('divides precision by k even when fewer products were bought', () => {
    const result = evaluateRecommender([...train, ...test], settings, { cutoff: '2025-01-01', k: 2 });
    // Recommender: 11 → Toner, Dock (hit 1); 12 → Laptop, Paper (hit 1); 6 → Paper, Toner (hit 1).
    // Baseline: 11 → Dock, Toner (hit 1); 12 → Paper, Dock (hit 1); 6 → Paper, Toner (hit 1).
    expect(result.recommender).toEqual({ precisionAtK: 0.5, recallAtK: (1 + 0.5 + 1) / 3, hits: 3 });
    expect(result.baseline).toEqual({ precisionAtK: 0.5, recallAtK: (1 + 0.5 + 1) / 3, hits: 3 });
  });

  it('suggests only sellable products in both lists', () => {
    const result = evaluateRecommender([...train, ...test], settings, { cutoff: '2025-01-01', k: 1, sellable: new Set([1, 3, 4, 5]) });
    // Toner is withdrawn: account 11 now gets Dock from both methods.
    expect(result.recommender.hits).toBe(2);
    expect(result.baseline.hits).toBe(1);
  });

  it('refuses a cut-off that is not a date and a list length below 1, naming the field', () => {
    expect(() => evaluateRecommender(train, settings, { cutoff: 'soon' })).toThrow(expect.objectContaining({ code: 'invalid', field: 'cutoff' }));
    expect(() => evaluateRecommender(train, settings, { cutoff: '2025-01-01', k: 0 })).toThrow(expect.objectContaining({ field: 'k' }));
  });
});
