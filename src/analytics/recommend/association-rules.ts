// Association rules over account baskets: X → Y when enough accounts bought both (support)
// and enough of X's buyers bought Y (confidence); lift says how much more often than chance.
import type { Baskets } from './baskets.js';
import { forEachPairRow, minPairCount } from './pair-counts.js';
import type { RecommendSettings } from './settings.js';
import type { ProductId } from './types.js';

export interface AssociationRule {
  antecedent: ProductId;
  consequent: ProductId;
  /** Accounts that bought both. */
  accounts: number;
  /** Share of all accounts that bought both. */
  support: number;
  /** Share of the antecedent's buyers that also bought the consequent. */
  confidence: number;
  /** Confidence over the consequent's share of all accounts: above 1 when bought together more than by chance. */
  lift: number;
}

/** Every rule that passes min-support and min-confidence, highest lift first (then confidence, support). */
export function associationRules(baskets: Baskets, settings: RecommendSettings): AssociationRule[] {
  const accounts = baskets.accountIds.length;
  const minCount = minPairCount(accounts, settings.minSupport, settings.minAccounts);
  const rules: AssociationRule[] = [];
  forEachPairRow(baskets, minCount, settings.maxBasketSize, (i, others, together, length) => {
    const buyersI = baskets.buyers[i]!;
    for (let k = 0; k < length; k++) {
      const j = others[k]!;
      const confidence = together[k]! / buyersI;
      if (confidence < settings.minConfidence) continue;
      rules.push({
        antecedent: baskets.productIds[i]!,
        consequent: baskets.productIds[j]!,
        accounts: together[k]!,
        support: together[k]! / accounts,
        confidence,
        lift: confidence / (baskets.buyers[j]! / accounts),
      });
    }
  });
  return rules.sort((a, b) => b.lift - a.lift || b.confidence - a.confidence || b.support - a.support
    || a.antecedent - b.antecedent || a.consequent - b.consequent);
}
