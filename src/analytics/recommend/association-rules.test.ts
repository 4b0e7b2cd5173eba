import { describe, expect, it } from 'vitest';
import { associationRules } from './association-rules.js';
import { buildBaskets } from './baskets.js';
import { resolveRecommendSettings } from './settings.js';
import { linesOf, OFFICE } from './testing/lines.js';

const rulesOf = (lines = OFFICE, settings = {}) => associationRules(
  buildBaskets(lines),
  resolveRecommendSettings({ minSupport: 0.25, minAccounts: 2, minConfidence: 0.5, ...settings }),
);

describe('association rules over account baskets', () => {
  it('computes support, confidence and lift by hand on eight accounts, highest lift first', () => {
    // minSupport 25 % of 8 accounts: pairs bought by 2 accounts or more; min confidence 50 %.
    // Paper→Pens (2/5) and Paper→Laptop (2/5) fall below the confidence; Toner+Pens and
    // Toner+Laptop (1 account each) below the support.
    const rules = rulesOf().map((r) => [r.antecedent, r.consequent, r.accounts, r.support, r.confidence, r.lift]);
    expect(rules).toEqual([
      [5, 4, 3, 3 / 8, 1, 1 / (4 / 8)], // Dock → Laptop: all 3 Dock buyers, lift 2
      [4, 5, 3, 3 / 8, 3 / 4, (3 / 4) / (3 / 8)], // lift 2, lower confidence
      [3, 1, 2, 2 / 8, 1, 1 / (5 / 8)], // Pens → Paper: lift 1.6
      [2, 1, 3, 3 / 8, 3 / 4, (3 / 4) / (5 / 8)], // Toner → Paper: lift 1.2
      [1, 2, 3, 3 / 8, 3 / 5, (3 / 5) / (4 / 8)], // Paper → Toner: lift 1.2, lower confidence
      [4, 1, 2, 2 / 8, 2 / 4, (2 / 4) / (5 / 8)], // Laptop → Paper: lift 0.8, listed as it passes both thresholds
    ]);
  });

  it('keeps only the rules that pass the thresholds', () => {
    expect(rulesOf(OFFICE, { minConfidence: 0.8 }).map((r) => [r.antecedent, r.consequent])).toEqual([[5, 4], [3, 1]]);
    // 3 accounts or more: only the two pairs bought by three.
    expect(rulesOf(OFFICE, { minSupport: 0.3, minConfidence: 0 }).map((r) => [r.antecedent, r.consequent]))
      .toEqual([[5, 4], [4, 5], [2, 1], [1, 2]]);
    // Never fewer than minAccounts, even when the support share asks for less.
    expect(rulesOf(OFFICE, { minSupport: 0, minAccounts: 1, minConfidence: 0 })).toHaveLength(14);
  });

  it('counts pairs among each account\'s most bought products only, up to maxBasketSize', () => {
    // Account 1 bought product 1 three times, 2 twice and 3 once; the others bought 1 and 3.
    const lines = [...linesOf({ 1: [1, 1, 1, 2, 2, 3], 2: [1, 3], 3: [1, 3] })];
    const rules = (maxBasketSize: number) => rulesOf(lines, { minSupport: 0, minAccounts: 1, minConfidence: 0, maxBasketSize })
      .filter((r) => r.antecedent === 1).map((r) => [r.consequent, r.accounts]);
    expect(rules(3)).toEqual([[3, 3], [2, 1]]);
    // Capped at two, account 1 counts Paper+Toner but not Paper+Pens; Pens still has 3 buyers,
    // so the cap can only lower a confidence, never raise it.
    expect(rules(2)).toEqual([[2, 1], [3, 2]]);
  });
});
