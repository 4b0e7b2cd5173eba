// Cross-sell as the team reads it: what to offer an account next, the products bought with a
// given one, and the association rules behind both. Suggestions follow the account's own
// visibility; the rules describe the whole portfolio, so they are for managers and admins.
import { similarProducts } from '../../analytics/recommend/similar-products.js';
import { suggestProducts } from '../../analytics/recommend/suggest-products.js';
import type { CatalogueFact } from '../../store/repositories/recommendation-facts.js';
import type { RulesQuery, SimilarQuery, SuggestionsQuery } from '../../domain/schemas/recommendations.js';
import { canRunAnalysis } from '../analysis/run-analysis.js';
import { type Context, requireRole, requireVisibleAccount } from '../context.js';
import { products } from '../products.js';
import type { CrossSell, RecommendModels } from './recommend-models.js';

const modelInfo = (crossSell: CrossSell) => ({ accounts: crossSell.model.baskets.accountIds.length, builtAt: crossSell.builtAt });

function productOf(crossSell: CrossSell, id: number): CatalogueFact {
  // A product deleted since the model was learned still has its id on the model's lines.
  return crossSell.catalogue.get(id) ?? { id, sku: '', name: `product ${id}`, category: null, active: false };
}

const productRef = (product: CatalogueFact) => ({
  productId: product.id, sku: product.sku, name: product.name, category: product.category ?? 'Uncategorised',
});

export async function accountSuggestions(ctx: Context, models: RecommendModels, accountId: number, query: SuggestionsQuery = {}) {
  await requireVisibleAccount(ctx, accountId, 'id');
  const crossSell = await models.crossSell();
  const suggestions = suggestProducts(crossSell.model, accountId, { limit: query.limit ?? 5, sellable: crossSell.sellable, names: crossSell.names });
  return {
    accountId,
    model: modelInfo(crossSell),
    items: suggestions.map((s) => ({
      ...productRef(productOf(crossSell, s.productId)),
      basis: s.basis,
      score: s.score,
      reason: s.reason,
      evidence: s.evidence && {
        boughtProductId: s.evidence.boughtProductId, boughtProductName: productOf(crossSell, s.evidence.boughtProductId).name,
        boughtBy: s.evidence.boughtBy, together: s.evidence.together, confidence: s.evidence.confidence, lift: s.evidence.lift,
      },
    })),
  };
}

export async function productsBoughtWith(ctx: Context, models: RecommendModels, productId: number, query: SimilarQuery = {}) {
  const product = await products.get(ctx, productId);
  const crossSell = await models.crossSell();
  return {
    product: productRef(product),
    model: modelInfo(crossSell),
    items: similarProducts(crossSell.model, productId, query.limit ?? 10).map((similar) => {
      const other = productOf(crossSell, similar.productId);
      return { ...productRef(other), active: other.active, cosine: similar.cosine, together: similar.together };
    }),
  };
}

export async function associationRuleList(ctx: Context, models: RecommendModels, query: RulesQuery = {}) {
  requireRole(ctx, canRunAnalysis, 'read the association rules of the whole portfolio');
  const { settings, crossSell, rules } = await models.rules({ minSupport: query.minSupport, minConfidence: query.minConfidence });
  const offset = query.offset ?? 0;
  const side = (id: number) => {
    const { productId, sku, name } = productRef(productOf(crossSell, id));
    return { productId, sku, name };
  };
  return {
    model: modelInfo(crossSell),
    minSupport: settings.minSupport,
    minConfidence: settings.minConfidence,
    total: rules.length,
    items: rules.slice(offset, offset + (query.limit ?? 50)).map((rule) => ({
      antecedent: side(rule.antecedent), consequent: side(rule.consequent),
      accounts: rule.accounts, support: rule.support, confidence: rule.confidence, lift: rule.lift,
    })),
  };
}
