// Cross-sell and up-sell are learned from the whole portfolio's purchases: seconds of work at
// 100,000 accounts, too slow for each request. So they are learned once and kept while the
// orders, the catalogue and the accounts are unchanged: the data version (a few aggregates) is
// read at each request, and a new or changed order relearns them at the next one.
//
// They are learned from every account even for a rep who sees only their own: their figures
// are counts over many accounts (never fewer than minAccounts), and the lists served from them
// are cut to what the reader may see.
import { associationRules, type AssociationRule } from '../../analytics/recommend/association-rules.js';
import { buildBaskets } from '../../analytics/recommend/baskets.js';
import { type CoPurchaseModel, learnCoPurchases } from '../../analytics/recommend/co-purchases.js';
import { type RecommendSettings, type RecommendSettingsInput, resolveRecommendSettings } from '../../analytics/recommend/settings.js';
import { type UpsellOpportunity, upsellOpportunities } from '../../analytics/recommend/upsell.js';
import type { ProductNames } from '../../analytics/recommend/wording.js';
import { daysBefore, YEAR_DAYS } from '../../analytics/portfolio/calendar.js';
import type { CatalogueFact } from '../../store/repositories/recommendation-facts.js';
import type { Store } from '../../store/store.js';
import { VersionedCache } from './versioned-cache.js';

export interface CrossSell {
  model: CoPurchaseModel;
  catalogue: ReadonlyMap<number, CatalogueFact>;
  names: ProductNames;
  /** Products still sold: the only ones suggested. */
  sellable: ReadonlySet<number>;
  builtAt: string;
  /** Association rules already listed from this model, by their settings. */
  rules: VersionedCache<AssociationRule[]>;
}

export interface Upsell {
  /** The 12 months compared, both days included. */
  period: { from: string; to: string };
  opportunities: readonly UpsellOpportunity[];
  ownerOf: ReadonlyMap<number, number | null>;
}

export type RuleSettingsInput = Pick<RecommendSettingsInput, 'minSupport' | 'minConfidence'>;

const startOf = (day: string) => new Date(`${day}T00:00:00Z`);
const today = () => new Date().toISOString().slice(0, 10);

export class RecommendModels {
  private readonly crossSells = new VersionedCache<CrossSell>(2);
  private readonly upsells = new VersionedCache<Upsell>(4);

  constructor(private readonly store: Store, readonly settings: RecommendSettings = resolveRecommendSettings()) {}

  /** What every account bought up to the end of today, and which products go together. */
  async crossSell(): Promise<CrossSell> {
    const day = today();
    const { sales } = await this.store.recommendationFacts.version();
    return this.crossSells.get(day, sales, () => this.learnCrossSell(startOf(daysBefore(day, -1))));
  }

  /** Checks the rule settings (an invalid error names the field), then lists the rules they give. */
  async rules(input: RuleSettingsInput): Promise<{ settings: RecommendSettings; crossSell: CrossSell; rules: AssociationRule[] }> {
    const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    const settings = resolveRecommendSettings({ ...this.settings, ...given });
    const crossSell = await this.crossSell();
    const rules = await crossSell.rules.get(`${settings.minSupport}|${settings.minConfidence}`, '',
      async () => associationRules(crossSell.model.baskets, settings));
    return { settings, crossSell, rules };
  }

  /** Each account's spend per category over the 12 months ending on `asOf`, against alike accounts. */
  async upsell(asOf: string): Promise<Upsell> {
    const { sales, accounts } = await this.store.recommendationFacts.version();
    return this.upsells.get(asOf, `${sales}|${accounts}`, () => this.compareSpend(asOf));
  }

  private async learnCrossSell(before: Date): Promise<CrossSell> {
    const facts = this.store.recommendationFacts;
    const lines = await facts.lines({ before });
    const catalogue = await facts.catalogue();
    return {
      model: learnCoPurchases(buildBaskets(lines), this.settings),
      catalogue: new Map(catalogue.map((p) => [p.id, p])),
      names: new Map(catalogue.map((p) => [p.id, p.name])),
      sellable: new Set(catalogue.filter((p) => p.active).map((p) => p.id)),
      builtAt: new Date().toISOString(),
      rules: new VersionedCache(8),
    };
  }

  private async compareSpend(asOf: string): Promise<Upsell> {
    const from = daysBefore(asOf, YEAR_DAYS - 1);
    const lines = await this.store.recommendationFacts.lines({ from: startOf(from), before: startOf(daysBefore(asOf, -1)) });
    const accounts = await this.store.analysisFacts.accounts();
    return {
      period: { from, to: asOf },
      opportunities: upsellOpportunities(lines, accounts, this.settings),
      ownerOf: new Map(accounts.map((a) => [a.id, a.ownerId])),
    };
  }
}
