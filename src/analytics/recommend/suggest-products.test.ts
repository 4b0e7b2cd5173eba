import { describe, expect, it } from 'vitest';
import { buildBaskets } from './baskets.js';
import { learnCoPurchases } from './co-purchases.js';
import { resolveRecommendSettings } from './settings.js';
import { suggestProducts } from './suggest-products.js';
import { linesOf, NAMES, OFFICE } from './testing/lines.js';

const settings = resolveRecommendSettings({ minSupport: 0.25, minAccounts: 2 });
const model = learnCoPurchases(buildBaskets(OFFICE), settings);
const suggest = (accountId: number, limit = 3, sellable?: Set<number>) =>
  suggestProducts(model, accountId, { limit, names: NAMES, ...(sellable ? { sellable } : {}) });

describe('cross-sell suggestions for an account', () => {
  it('suggests what the buyers of its products bought, quoting the strongest rule', () => {
    // Account 4 holds Paper and Pens; Paper's buyers also bought Toner (3 of 5).
    const [first] = suggest(4, 1);
    expect(first).toEqual({
      productId: 2,
      category: 'Office supplies',
      score: 3 / Math.sqrt(20),
      basis: 'bought_together',
      evidence: { boughtProductId: 1, boughtBy: 5, together: 3, confidence: 3 / 5, lift: (3 / 5) / (4 / 8) },
      reason: 'Bought by 60 % of the 5 accounts that bought Paper, against 50 % of all accounts.',
    });
  });

  it('ranks by similarity and fills the list with the most bought products it does not have', () => {
    // Account 3 holds Paper, Toner, Laptop: Dock (from Laptop, 0.87) before Pens (from Paper, 0.63).
    expect(suggest(3).map((s) => [s.productId, s.basis, s.reason])).toEqual([
      [5, 'bought_together', 'Bought by 75 % of the 4 accounts that bought Laptop, against 38 % of all accounts.'],
      [3, 'bought_together', 'Bought by 40 % of the 5 accounts that bought Paper, against 25 % of all accounts.'],
    ]);
    // Account 2 holds Paper and Toner: Pens from Paper, then Laptop and Dock by popularity
    // (Laptop is no bought-together suggestion: Paper buyers take it less than others do).
    expect(suggest(2).map((s) => [s.productId, s.basis, s.score])).toEqual([
      [3, 'bought_together', 2 / Math.sqrt(10)],
      [4, 'popular', 4 / 8],
      [5, 'popular', 3 / 8],
    ]);
    expect(suggest(2)[1]!.reason).toBe('One of the most bought products: bought by 50 % of all 8 accounts.');
  });

  it('never suggests what the account holds, nor a product outside the sellable ones', () => {
    for (const accountId of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const held = new Set(OFFICE.filter((l) => l.accountId === accountId).map((l) => l.productId));
      expect(suggest(accountId, 5).every((s) => !held.has(s.productId))).toBe(true);
    }
    expect(suggest(2, 5, new Set([4, 5])).map((s) => s.productId)).toEqual([4, 5]);
  });

  it('gives a new account the most bought products', () => {
    expect(suggest(99, 2).map((s) => [s.productId, s.basis])).toEqual([[1, 'popular'], [2, 'popular']]);
  });

  it('adds up the similarity from every product the account holds', () => {
    // Account 5 holds X=1 and Y=2. W=4 is closest to X alone (2/√10 = 0.63); Z=3 is bought with
    // both (2/√20 + 2/√12 = 1.02), so it comes first. Accounts 8–11 only pad the portfolio so
    // every pair here is bought together more than by chance.
    const lines = linesOf({ 1: [1, 4], 2: [1, 4], 3: [1, 3], 4: [2, 3], 5: [1, 2], 6: [2, 3], 7: [1, 3], 8: [9], 9: [9], 10: [9], 11: [9] });
    const padded = learnCoPurchases(buildBaskets(lines), resolveRecommendSettings({ minSupport: 0, minAccounts: 2 }));
    const suggestions = suggestProducts(padded, 5, { limit: 2, names: new Map([[1, 'X'], [2, 'Y']]) });
    expect(suggestions.map((s) => s.productId)).toEqual([3, 4]);
    expect(suggestions[0]!.score).toBeCloseTo(2 / Math.sqrt(20) + 2 / Math.sqrt(12), 12);
    // The reason quotes the strongest rule: 2 of Y's 3 buyers against 2 of X's 5.
    expect(suggestions[0]!.reason).toBe('Bought by 67 % of the 3 accounts that bought Y, against 36 % of all accounts.');
    expect(suggestions[1]!.reason).toBe('Bought by 40 % of the 5 accounts that bought X, against 18 % of all accounts.');
  });
});
