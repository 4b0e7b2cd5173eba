// Does cross-sell beat the most popular products on this store's own orders? Learns from the
// orders before the cut-off day and checks the suggestions against what each account went on
// to buy from it (see analytics/recommend/evaluate.ts). Reads the whole portfolio: managers
// and admins only.
import { requireDay } from '../../domain/date-range.js';
import { daysBefore, utcDay } from '../../analytics/portfolio/calendar.js';
import { type Evaluation, evaluateRecommender } from '../../analytics/recommend/evaluate.js';
import { type RecommendSettings, resolveRecommendSettings } from '../../analytics/recommend/settings.js';
import type { EvaluationOptions } from '../../domain/schemas/recommendations.js';
import { canRunAnalysis } from '../analysis/run-analysis.js';
import { type Context, requireRole } from '../context.js';

export async function evaluateRecommendations(
  ctx: Context, options: EvaluationOptions, settings: RecommendSettings = resolveRecommendSettings(),
): Promise<Evaluation & { sellableProducts: number }> {
  requireRole(ctx, canRunAnalysis, 'evaluate the recommendations');
  const cutoff = requireDay(options.cutoff, 'cutoff');
  const tomorrow = daysBefore(new Date().toISOString().slice(0, 10), -1);
  const facts = ctx.store.recommendationFacts;
  const lines = await facts.lines({ before: new Date(`${tomorrow}T00:00:00Z`), splitAt: new Date(`${cutoff}T00:00:00Z`) });
  const sellable = new Set((await facts.catalogue()).filter((p) => p.active).map((p) => p.id));
  return { ...evaluateRecommender(lines, settings, { cutoff, k: options.k ?? 5, sellable }), sellableProducts: sellable.size };
}
