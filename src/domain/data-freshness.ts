// Does the file reach the analysis day? A team that imports an old history and analyses it as
// of today sees every account inactive: not because customers stopped, but because the file
// does. When the newest purchase on file is more than STALE_AFTER_DAYS before the as-of day,
// the CLI, the API and the dashboard say so and offer that newest day instead.

/** About a quarter: no order at all for that long is a file that ends, not a quiet season. */
export const STALE_AFTER_DAYS = 90;

export interface DataFreshness {
  /** The newest purchase day on or before the as-of day; null when nothing was bought by then. */
  newestPurchase: string | null;
  /** Days from that purchase to the as-of day. */
  daysBehind: number | null;
  /** True when the file ends more than STALE_AFTER_DAYS before the as-of day. */
  stale: boolean;
}

const DAY_MS = 86_400_000;

export function freshnessOf(newestPurchase: string | null, asOf: string): DataFreshness {
  const daysBehind = newestPurchase === null ? null : Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${newestPurchase}T00:00:00Z`)) / DAY_MS);
  return { newestPurchase, daysBehind, stale: daysBehind !== null && daysBehind > STALE_AFTER_DAYS };
}
