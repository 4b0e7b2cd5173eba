// When the file ends long before the analysis day, every account looks inactive because the
// orders stop, not because the customers did. Say so, and offer the file's own last day.
import { useState } from 'react';
import { freshnessOf } from '../../../../src/domain/data-freshness';
import { describeError } from '../../shared/api/api-error';
import type { AnalysisRun } from '../../shared/analysis/use-analysis-run';
import { formatDate, formatNumber } from '../../shared/ui/words';
import { analysisApi } from './analysis-api';

export function StaleDataNotice({ run, canRun, onDone }: { run: AnalysisRun; canRun: boolean; onDone(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const newest = run.newestPurchase;
  if (!run.dataStale || !newest) return null;
  const { daysBehind } = freshnessOf(newest, run.asOf);
  const analyse = async () => {
    setBusy(true);
    setError(null);
    try {
      await analysisApi.run(false, newest);
      onDone();
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };
  return (
    <div className="card stack stale-notice" role="note" aria-labelledby="stale-title">
      <p id="stale-title"><strong>The newest order on file is from {formatDate(newest)}</strong>, {formatNumber(daysBehind)} days before
        this analysis's day ({formatDate(run.asOf)}). Accounts look inactive because the file stops there, not because customers did.</p>
      {canRun
        ? <div className="form-actions"><button type="button" className="primary" disabled={busy} onClick={() => void analyse()}>
            {busy ? 'Analysing…' : `Analyse as of ${formatDate(newest)}`}</button></div>
        : <p className="muted">Ask a manager to analyse the portfolio as of {formatDate(newest)}.</p>}
      {error && <p className="error-banner" role="alert">{error}</p>}
    </div>
  );
}
