// The newest purchase a portfolio holds on or before the as-of day: how far the file reaches.
import { type DataFreshness, freshnessOf } from '../../domain/data-freshness.js';
import type { PurchaseHistory } from '../../domain/portfolio/facts.js';

export function dataFreshness(histories: readonly PurchaseHistory[], asOf: string): DataFreshness {
  let newest: string | null = null;
  for (const { days } of histories) {
    // Days are in order: the newest on or before asOf is the last one not after it.
    for (let i = days.length - 1; i >= 0; i--) {
      const { day } = days[i]!;
      if (day <= asOf) {
        if (newest === null || day > newest) newest = day;
        break;
      }
    }
  }
  return freshnessOf(newest, asOf);
}
