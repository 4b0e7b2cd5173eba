// The portfolio analysis run every figure is read from, if any: the list offers class filters
// and the dashboard draws charts only once the portfolio has been analysed.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/http';

/** The run a figure is read from, as the API answers it: a run listed, or the run of a view. */
export type { RunInfo as AnalysisRun } from '../../../../src/domain/schemas/analysis-views';
import type { RunInfo as AnalysisRun } from '../../../../src/domain/schemas/analysis-views';

let cache: Promise<AnalysisRun | null> | null = null;

/** The list of runs answers even before the first one, where "latest" would answer 404. */
export function loadLatestRun(refresh = false): Promise<AnalysisRun | null> {
  if (!cache || refresh) {
    cache = api.get<{ items: AnalysisRun[] }>('/analysis/runs').then((r) => r.items[0] ?? null);
    cache.catch(() => { cache = null; });
  }
  return cache;
}

export function useAnalysisRun(): { run: AnalysisRun | null | undefined; refresh(): void } {
  const [run, setRun] = useState<AnalysisRun | null | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    loadLatestRun(generation > 0).then((r) => { if (live) setRun(r); }, () => { if (live) setRun(null); });
    return () => { live = false; };
  }, [generation]);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  return { run, refresh };
}
