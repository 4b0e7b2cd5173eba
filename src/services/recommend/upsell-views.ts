// Up-sell as the team reads it: the categories where an account spent well below alike
// accounts over the last 12 months, for one account or across the reader's portfolio.
import { inCurrency } from '../currency.js';
import type { UpsellOpportunity } from '../../analytics/recommend/upsell.js';
import { formatMoney } from '../../domain/money.js';
import type { AccountUpsellQuery, UpsellListQuery } from '../../domain/schemas/recommendations.js';
import { resolveAsOf } from '../analysis/run-analysis.js';
import { type Context, requireVisibleAccount, scopeOf } from '../context.js';
import type { RecommendModels } from './recommend-models.js';

function upsellJson(o: UpsellOpportunity, accountName: string) {
  return {
    accountId: o.accountId, accountName, category: o.category,
    spent: formatMoney(o.spent), peerGroup: o.peerGroup, peerCount: o.peerCount, peerMedian: formatMoney(o.peerMedian),
    shortfall: formatMoney(o.shortfall), ratioToPeers: o.ratioToPeers, reason: o.reason,
  };
}

async function namesOf(ctx: Context, opportunities: readonly UpsellOpportunity[]) {
  return ctx.store.recommendationFacts.accountNames([...new Set(opportunities.map((o) => o.accountId))]);
}

export async function accountUpsell(ctx: Context, models: RecommendModels, accountId: number, query: AccountUpsellQuery = {}) {
  const asOf = resolveAsOf(query.asOf, new Date());
  await requireVisibleAccount(ctx, accountId, 'id');
  const upsell = await models.upsell(asOf);
  const items = upsell.opportunities.filter((o) => o.accountId === accountId);
  const names = await namesOf(ctx, items);
  return inCurrency(ctx.store, { accountId, period: upsell.period, items: items.map((o) => upsellJson(o, names.get(o.accountId) ?? '')) });
}

/** The largest shortfalls first, among the accounts the reader sees. */
export async function upsellList(ctx: Context, models: RecommendModels, query: UpsellListQuery = {}) {
  const asOf = resolveAsOf(query.asOf, new Date());
  const { ownerId } = await scopeOf(ctx);
  const upsell = await models.upsell(asOf);
  const visible = ownerId === undefined ? upsell.opportunities : upsell.opportunities.filter((o) => upsell.ownerOf.get(o.accountId) === ownerId);
  const offset = query.offset ?? 0;
  const page = visible.slice(offset, offset + (query.limit ?? 50));
  const names = await namesOf(ctx, page);
  return inCurrency(ctx.store, {
    period: upsell.period,
    total: visible.length,
    hasMore: offset + page.length < visible.length,
    items: page.map((o) => upsellJson(o, names.get(o.accountId) ?? '')),
  });
}
