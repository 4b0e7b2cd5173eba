// Movements between classes since the last snapshot, as flows from the class then to the class
// now. The chart reads the counts alone; a clicked flow asks for its own accounts, largest
// first, so any flow lists them however small. A class on the right opens it in the list.
import { useMemo, useState } from 'react';
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
  { value: 'abc', label: 'ABC class', filter: 'abc' }, { value: 'status', label: 'Activity status', filter: 'status' },
  { value: 'rfm', label: 'RFM segment', filter: 'rfm' }, { value: 'volumeTier', label: 'Volume tier', filter: 'tier' },
  { value: 'frequency', label: 'Frequency', filter: 'frequency' },
];

const FLOW_ACCOUNTS = 50;
const THEN = ' (then)';
const NOW = ' (now)';

function flowOption(data: Movements, dimension: string) {
  const moves = data.cells.filter((c) => c.from !== c.to && c.accounts > 0);
  const names = new Set(moves.flatMap((c) => [`${classWords(dimension, c.from)}${THEN}`, `${classWords(dimension, c.to)}${NOW}`]));
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
      links: moves.map((c) => ({ source: `${classWords(dimension, c.from)}${THEN}`, target: `${classWords(dimension, c.to)}${NOW}`, value: c.accounts, from: c.from, to: c.to })),
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
      const cell = data?.cells.find((c) => `${classWords(dimension, c.to)}${NOW}` === link.name);
      if (cell) navigate(listLink({ [filterKey]: cell.to }));
    },
  });

  if (!snapshot) {
    return (
      <ChartCard title="Movements between classes">
        <p className="muted">No snapshot to compare with yet. Take one now and movements show at the next analysis.</p>
      </ChartCard>
    );
  }
  // The previous flow's answer stays in the state while the next one loads: show only this flow's.
  const moved = flow ? (flowAccounts.data?.moved ?? []).filter((m) => m.from === flow.from && m.to === flow.to) : [];
  const flowCount = flow ? data?.cells.find((c) => c.from === flow.from && c.to === flow.to)?.accounts ?? 0 : 0;
  return (
    <ChartCard title="Movements between classes" loading={movements.loading && !data} error={movements.error}
      note={data && `${formatNumber(data.movedAccounts)} accounts changed class between ${formatDate(data.from.asOf)} and ${formatDate(data.to.asOf)}. Click a flow for its accounts.`}>
      <SelectField label="Classification" value={dimension} onChange={(e) => { setDimension(e.target.value); setFlow(null); }} choices={DIMENSIONS} />
      <ChartCanvas chartRef={ref} height={300}
        summary={`Flows between classes: ${data?.cells.filter((c) => c.from !== c.to && c.accounts > 0).map((c) => `${c.accounts} from ${classWords(dimension, c.from)} to ${classWords(dimension, c.to)}`).join('; ') ?? ''}.`} />
      {flow && (
        <div role="status">
          <h3>From {classWords(dimension, flow.from)} to {classWords(dimension, flow.to)}</h3>
          {flowAccounts.error ? <ErrorMessage error={flowAccounts.error} />
            : moved.length === 0 ? <p className="muted">{flowAccounts.loading ? 'Loading the accounts…' : 'No account took this flow.'}</p> : (
              <>
                {flowCount > moved.length && <p className="muted">The {formatNumber(moved.length)} largest by revenue of {formatNumber(flowCount)}.</p>}
                <ul className="plain moved-list">
                  {moved.map((m) => <li key={m.accountId}><Link to={`/accounts/${m.accountId}`}>{m.name}</Link> <span className="muted">{formatMoney(m.revenue, flowAccounts.data!.currency)}</span></li>)}
                </ul>
              </>
            )}
        </div>
      )}
      <details>
        <summary>As a table</summary>
        <div className="table-wrap">
          <table className="data-table">
            <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col" className="number">Accounts</th></tr></thead>
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
