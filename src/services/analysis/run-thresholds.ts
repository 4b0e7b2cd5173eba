// The thresholds a run found for the portfolio, which every new order's account is placed
// against. A stored run's figures never change, so they are read once per store and run: the
// run's whole figures are megabytes at scale, and an order should cost milliseconds. A new run
// has a new id and so misses; the creation time in the key covers a database restored under
// the same connection, whose ids start again.
import type { RunThresholds } from '../../analytics/portfolio/reclassify-account.js';
import type { LatestRun } from '../../store/repositories/analysis-facts.js';
import type { Store } from '../../store/store.js';

interface Entry { key: string; thresholds: Promise<RunThresholds | undefined> }
const cache = new WeakMap<object, Entry>();

export function runThresholds(store: Store, run: LatestRun): Promise<RunThresholds | undefined> {
  const key = `${run.id}/${run.createdAt}`;
  const hit = cache.get(store.connection);
  if (hit?.key === key) return hit.thresholds;
  const thresholds = store.analysisRuns.portfolioPart(run.id, 'thresholds') as Promise<RunThresholds | undefined>;
  const entry = { key, thresholds };
  cache.set(store.connection, entry);
  // A failed read is tried again next time, and a run that had none yet is not remembered as having none.
  thresholds.then((found) => { if (!found && cache.get(store.connection) === entry) cache.delete(store.connection); },
    () => { if (cache.get(store.connection) === entry) cache.delete(store.connection); });
  return thresholds;
}
