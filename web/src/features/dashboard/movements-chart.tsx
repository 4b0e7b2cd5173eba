// Movements between classes since the last snapshot, as flows from the class then to the class
// now. The chart reads the counts alone; a clicked flow asks for its own accounts, largest
// first, so any flow lists them however small. A class on the right opens it in the list.
import { useMemo, useState } from 'react';
import { t } from '../../shared/i18n/i18n';
import { useAsync } from '../../shared/api/use-async';
import type { AnalysisRun } from '../../shared/analysis/use-analysis-run';
import { Link } from '../../shared/router/link';
import { navigate } from '../../shared/router/navigation';
import { classWords } from '../../shared/ui/class-words';
import { ErrorMessage } from '../../shared/ui/error-message';
import { SelectField } from '../../shared/ui/field';
import { formatDate, formatMoney, formatNumber } from '../../shared/ui/words';
import { listLink } from '../accounts/account-filters';
import { analysisApi, type Movements } from './analysis-api';
import { ChartCanvas, ChartCard } from './chart-card';
import { AXIS_TEXT, ZONES } from './colors';
import { useChart } from './use-chart';

const DIMENSIONS = [
  { value: 'abc', filter: 'abc' }, { value: 'status', filter: 'status' }, { value: 'rfm', filter: 'rfm' },
  { value: 'volumeTier', filter: 'tier' }, { value: 'frequency', filter: 'frequency' },
];

const FLOW_ACCOUNTS = 50;
/** A class's node on the left (then) and on the right (now). */
const then = (dimension: string, value: string) => t('web.dashboard.then', { label: classWords(dimension, value) });
const now = (dimension: string, value: string) => t('web.dashboard.now', { label: classWords(dimension, value) });

function flowOption(data: Movements, dimension: string) {
  const moves = data.cells.filter((c) => c.from !== c.to && c.accounts > 0);
  const names = new Set(moves.flatMap((c) => [then(dimension, c.from), now(dimension, c.to)]));
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item' },
    series: [{
      type: 'sankey', left: 8, right: 8, top: 8, bottom: 8, nodeGap: 10, draggable: false, cursor: 'pointer',
      label: { color: AXIS_TEXT },
      // Classes then on the left with their names to the right; classes now on the right, named to the left.
      levels: [{ depth: 0, label: { position: 'right' } }, { depth: 1, label: { position: 'left' } }],
      lineStyle: { color: 'gradient', opacity: 0.35 },
      itemStyle: { color: ZONES.A },
      data: [...names].map((name) => ({ name })),
      links: moves.map((c) => ({ source: then(dimension, c.from), target: now(dimension, c.to), value: c.accounts, from: c.from, to: c.to })),
    }],
  };
}

export function MovementsChart({ runs }: { runs: AnalysisRun[] }) {
  const [dimension, setDimension] = useState('abc');
  const [flow, setFlow] = useState<{ from: string; to: string } | null>(null);
  const latest = runs[0];
  const snapshot = latest && runs.some((r) => r.kind === 'snapshot' && r.id < latest.id);
  const movements = useAsync((signal) => (snapshot ? analysisApi.movements(dimension, signal) : Promise.resolve(null)), [dimension, snapshot]);
  const data = movements.data;
  const option = useMemo(() => (data ? flowOption(data, dimension) : null), [data, dimension]);
  const flowAccounts = useAsync((signal) => (flow ? analysisApi.movedAccounts(dimension, flow, FLOW_ACCOUNTS, signal) : Promise.resolve(null)),
    [dimension, flow?.from, flow?.to]);
  const filterKey = DIMENSIONS.find((d) => d.value === dimension)!.filter;
  const ref = useChart(option, {
    onItemClick: ({ data: item }) => {
      const link = item as { from?: string; to?: string; name?: string };
      if (link.from !== undefined && link.to !== undefined) return setFlow({ from: link.from, to: link.to });
      const cell = data?.cells.find((c) => now(dimension, c.to) === link.name);
      if (cell) navigate(listLink({ [filterKey]: cell.to }));
    },
  });

  if (!snapshot) {
    return (
      <ChartCard title={t('web.dashboard.movementsTitle')}>
        <p className="muted">{t('web.dashboard.noSnapshot')}</p>
      </ChartCard>
    );
  }
  // The previous flow's answer stays in the state while the next one loads: show only this flow's.
  const moved = flow ? (flowAccounts.data?.moved ?? []).filter((m) => m.from === flow.from && m.to === flow.to) : [];
  const flowCount = flow ? data?.cells.find((c) => c.from === flow.from && c.to === flow.to)?.accounts ?? 0 : 0;
  return (
    <ChartCard title={t('web.dashboard.movementsTitle')} loading={movements.loading && !data} error={movements.error}
      note={data && t('web.dashboard.movementsNote', { count: data.movedAccounts, accounts: formatNumber(data.movedAccounts), from: formatDate(data.from.asOf), to: formatDate(data.to.asOf) })}>
      <SelectField label={t('web.dashboard.classification')} value={dimension} onChange={(e) => { setDimension(e.target.value); setFlow(null); }}
        choices={DIMENSIONS.map((d) => ({ value: d.value, label: t(`web.dashboard.movementDimension.${d.value}`) }))} />
      <ChartCanvas chartRef={ref} height={300}
        summary={t('web.dashboard.flowsSummary', { flows: data?.cells.filter((c) => c.from !== c.to && c.accounts > 0).map((c) => t('web.dashboard.flowSummary', { accounts: formatNumber(c.accounts), from: classWords(dimension, c.from), to: classWords(dimension, c.to) })).join('; ') ?? '' })} />
      {flow && (
        <div role="status">
          <h3>{t('web.dashboard.flowTitle', { from: classWords(dimension, flow.from), to: classWords(dimension, flow.to) })}</h3>
          {flowAccounts.error ? <ErrorMessage error={flowAccounts.error} />
            : moved.length === 0 ? <p className="muted">{t(flowAccounts.loading ? 'web.dashboard.loadingAccounts' : 'web.dashboard.noFlowAccount')}</p> : (
              <>
                {flowCount > moved.length && <p className="muted">{t('web.dashboard.largestOf', { shown: formatNumber(moved.length), total: formatNumber(flowCount) })}</p>}
                <ul className="plain moved-list">
                  {moved.map((m) => <li key={m.accountId}><Link to={`/accounts/${m.accountId}`}>{m.name}</Link> <span className="muted">{formatMoney(m.revenue, flowAccounts.data!.currency)}</span></li>)}
                </ul>
              </>
            )}
        </div>
      )}
      <details>
        <summary>{t('web.dashboard.asTable')}</summary>
        <div className="table-wrap">
          <table className="data-table">
            <thead><tr><th scope="col">{t('web.dashboard.from')}</th><th scope="col">{t('web.dashboard.to')}</th><th scope="col" className="number">{t('web.dashboard.accounts')}</th></tr></thead>
            <tbody>
              {data?.cells.filter((c) => c.from !== c.to && c.accounts > 0).map((c) => (
                <tr key={`${c.from}-${c.to}`}><td>{classWords(dimension, c.from)}</td><td><Link to={listLink({ [filterKey]: c.to })}>{classWords(dimension, c.to)}</Link></td><td className="number">{formatNumber(c.accounts)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </ChartCard>
  );
}
