// The portfolio at a glance. Every chart opens the list filtered to what was clicked. Until the
// portfolio has been analysed there is nothing to draw; managers can run the analysis from here.
import { t } from '../../shared/i18n/i18n';
import { useState } from 'react';
import { describeError } from '../../shared/api/api-error';
import { useAsync } from '../../shared/api/use-async';
import { loadLatestRun } from '../../shared/analysis/use-analysis-run';
import { useUser } from '../../shared/session/session';
import { ErrorMessage } from '../../shared/ui/error-message';
import { analysisApi } from './analysis-api';
import { ChurnList } from './churn-list';
import { GoalsPanel } from './goals-panel';
import { HeadlineFigures } from './headline-figures';
import { MovementsChart } from './movements-chart';
import { ParetoChart } from './pareto-chart';
import { QuietAccountsCard } from './quiet-accounts-card';
import { RfmHeatmap } from './rfm-heatmap';
import { SectionsChart } from './sections-chart';
import { StaleDataNotice } from './stale-data-notice';
import { StatusChart } from './status-chart';
import { TierFrequencyChart } from './tier-frequency-chart';

function RunButtons({ onDone }: { onDone(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (snapshot: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await analysisApi.run(snapshot);
      await loadLatestRun(true);
      onDone();
    } catch (failure) {
      setError(describeError(failure));
    }
    setBusy(false);
  };
  return (
    <div className="form-actions">
      <button type="button" className="primary" disabled={busy} onClick={() => void run(false)}>{busy ? t('web.dashboard.analysing') : t('web.dashboard.analyse')}</button>
      <button type="button" disabled={busy} onClick={() => void run(true)}>{t('web.dashboard.snapshot')}</button>
      {error && <p className="error-banner" role="alert">{error}</p>}
    </div>
  );
}

export default function DashboardPage() {
  const user = useUser();
  // The overview is asked for as soon as a run is known, before the charts ask for their data:
  // the headline figures come first when the server answers one request at a time.
  const runs = useAsync(async () => {
    const list = await analysisApi.runs();
    const overview = list.items[0] ? analysisApi.overview() : Promise.resolve(null);
    overview.catch(() => undefined);
    return { ...list, overview };
  }, []);
  const latest = runs.data?.items[0];
  const overview = useAsync(() => runs.data?.overview ?? Promise.resolve(null), [runs.data]);
  const canRun = user.role !== 'rep';

  return (
    <section className="page dashboard" aria-labelledby="dashboard-title">
      <div className="page-title">
        <h1 id="dashboard-title">{t('web.dashboard.title')}</h1>
        {canRun && latest && <RunButtons onDone={runs.reload} />}
      </div>
      <ErrorMessage error={runs.error ?? overview.error} />
      {runs.data && !latest && (
        <div className="card stack">
          <p>{t('web.dashboard.notAnalysed')}</p>
          {canRun ? <RunButtons onDone={runs.reload} /> : <p className="muted">{t('web.dashboard.askManager')}</p>}
        </div>
      )}
      {latest && (
        <>
          <StaleDataNotice run={latest} canRun={canRun} onDone={() => { void loadLatestRun(true); runs.reload(); }} />
          {overview.data ? <HeadlineFigures overview={overview.data} /> : <p className="muted" role="status">{t('web.dashboard.loadingFigures')}</p>}
          {/* Keyed by run, so every chart reads the new run after an analysis; each loads its own data at once. */}
          <div className="dashboard-grid" key={latest.id}>
            {overview.data ? <StatusChart overview={overview.data} /> : <div className="card chart-card" aria-hidden="true" />}
            {overview.data && <QuietAccountsCard overview={overview.data} />}
            <ParetoChart />
            <RfmHeatmap />
            <TierFrequencyChart />
            <SectionsChart />
            <MovementsChart runs={runs.data!.items} />
            <ChurnList total={overview.data?.churn.accounts} />
            <GoalsPanel />
          </div>
        </>
      )}
    </section>
  );
}
