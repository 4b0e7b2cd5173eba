// When the file ends long before the analysis day, every account looks inactive because the
// orders stop, not because the customers did. Say so, and offer the file's own last day.
import { useState } from 'react';
import { freshnessOf } from '../../../../src/domain/data-freshness';
import { t } from '../../shared/i18n/i18n';
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
      <p id="stale-title"><strong>{t('web.dashboard.staleNewest', { day: formatDate(newest) })}</strong>
        {t('web.dashboard.staleBehind', { days: t('figures.days', { count: daysBehind, days: formatNumber(daysBehind) }), asOf: formatDate(run.asOf) })}</p>
      {canRun
        ? <div className="form-actions"><button type="button" className="primary" disabled={busy} onClick={() => void analyse()}>
            {busy ? t('web.dashboard.analysing') : t('web.dashboard.analyseAsOf', { day: formatDate(newest) })}</button></div>
        : <p className="muted">{t('web.dashboard.staleAsk', { day: formatDate(newest) })}</p>}
      {error && <p className="error-banner" role="alert">{error}</p>}
    </div>
  );
}
