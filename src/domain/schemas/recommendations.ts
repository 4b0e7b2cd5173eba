// The cross-sell and up-sell API's inputs and answers. Settings are typed here and their ranges
// checked by resolveRecommendSettings, which names the field at fault (a 422).
import { Type, type Static } from 'typebox';
import { Count, Enum, Id, InCurrency, Money, Nullable, strict } from './common.js';
import { IsoDay } from './analysis.js';

const Limit = (most: number, fallback: number) => Type.Optional(Type.Integer({ minimum: 1, maximum: most, default: fallback }));
const Offset = Type.Optional(Count({ default: 0 }));
/** The last day of the 12 months compared (default today). */
const AsOf = Type.Optional(IsoDay);

export const SuggestionsQuerySchema = Type.Object({ limit: Limit(50, 5) }, strict);
export const SimilarQuerySchema = Type.Object({ limit: Limit(50, 10) }, strict);
export const RulesQuerySchema = Type.Object({
  minSupport: Type.Optional(Type.Number({ description: 'Fewest accounts that bought both, as a share of all accounts (default 0.001)' })),
  minConfidence: Type.Optional(Type.Number({ description: "Fewest of X's buyers that also bought Y, as a share (default 0.1)" })),
  limit: Limit(500, 50),
  offset: Offset,
}, strict);
export const AccountUpsellQuerySchema = Type.Object({ asOf: AsOf }, strict);
export const UpsellListQuerySchema = Type.Object({ asOf: AsOf, limit: Limit(500, 50), offset: Offset }, strict);
export const EvaluationOptionsSchema = Type.Object({
  /** Orders before it teach, orders from it test. */
  cutoff: IsoDay,
  k: Limit(50, 5),
}, strict);

export type SuggestionsQuery = Static<typeof SuggestionsQuerySchema>;
export type SimilarQuery = Static<typeof SimilarQuerySchema>;
export type RulesQuery = Static<typeof RulesQuerySchema>;
export type AccountUpsellQuery = Static<typeof AccountUpsellQuerySchema>;
export type UpsellListQuery = Static<typeof UpsellListQuerySchema>;
export type EvaluationOptions = Static<typeof EvaluationOptionsSchema>;

const ProductRef = {
  productId: Id,
  sku: Type.String(),
  name: Type.String(),
  category: Type.String({ description: 'Uncategorised when the product has none' }),
};

const Model = Type.Object({
  accounts: Type.Integer({ description: 'Buying accounts the model learned from' }),
  builtAt: Type.String({ description: 'When the model was learned; a new or changed order relearns it at the next request' }),
});

export const SuggestionsSchema = Type.Object({
  accountId: Id,
  model: Model,
  items: Type.Array(Type.Object({
    ...ProductRef,
    basis: Enum(['bought_together', 'popular'] as const, 'Bought together with the account\'s products, or one of the most bought products filling the list'),
    score: Type.Number({ description: 'Bought together: the summed similarity to the account\'s products; popular: the share of accounts that bought it' }),
    reason: Type.String(),
    evidence: Nullable(Type.Object({
      boughtProductId: Id,
      boughtProductName: Type.String(),
      boughtBy: Type.Integer({ description: 'Accounts that bought the account\'s product' }),
      together: Type.Integer({ description: 'How many of them also bought the suggestion' }),
      confidence: Type.Number(),
      lift: Type.Number(),
    })),
  })),
}, { $id: 'Suggestions' });

export const SimilarProductsSchema = Type.Object({
  product: Type.Object(ProductRef),
  model: Model,
  items: Type.Array(Type.Object({
    ...ProductRef,
    active: Type.Boolean({ description: 'Still sold' }),
    cosine: Type.Number({ description: 'Shared buyers / √(buyers of one × buyers of the other)' }),
    together: Type.Integer({ description: 'Accounts that bought both' }),
  })),
}, { $id: 'SimilarProducts' });

const RuleSide = Type.Object({ productId: Id, sku: Type.String(), name: Type.String() });

export const AssociationRulesSchema = Type.Object({
  model: Model,
  minSupport: Type.Number(),
  minConfidence: Type.Number(),
  total: Type.Integer(),
  items: Type.Array(Type.Object({
    antecedent: RuleSide,
    consequent: RuleSide,
    accounts: Type.Integer({ description: 'Accounts that bought both' }),
    support: Type.Number({ description: 'Share of all accounts that bought both' }),
    confidence: Type.Number({ description: 'Share of the antecedent\'s buyers that also bought the consequent' }),
    lift: Type.Number({ description: 'Above 1 when bought together more often than by chance' }),
  })),
}, { $id: 'AssociationRules' });

const UpsellItem = Type.Object({
  accountId: Id,
  accountName: Type.String(),
  category: Type.String(),
  spent: Money,
  peerGroup: Enum(['segment_and_size', 'size', 'portfolio'] as const),
  peerCount: Type.Integer(),
  peerMedian: Money,
  shortfall: Money,
  ratioToPeers: Type.Number({ description: 'What the account spent over the peers\' median' }),
  reason: Type.String(),
});

const Period = Type.Object({ from: IsoDay, to: IsoDay }, { description: 'Both days included' });

export const AccountUpsellSchema = Type.Object({ accountId: Id, period: Period, items: Type.Array(UpsellItem), ...InCurrency }, { $id: 'AccountUpsell' });
export const UpsellListSchema = Type.Object({
  period: Period, total: Type.Integer(), hasMore: Type.Boolean(), items: Type.Array(UpsellItem), ...InCurrency,
}, { $id: 'UpsellList' });
