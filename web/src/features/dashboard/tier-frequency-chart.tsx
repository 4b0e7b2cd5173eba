// Volume tier against purchase frequency: where the big spenders buy often or rarely. A cell
// opens the accounts of that tier and frequency.
import { useMemo } from 'react';
import { t } from '../../shared/i18n/i18n';
import { useAsync } from '../../shared/api/use-async';
import { FREQUENCY_CLASSES, VOLUME_TIERS } from '../../shared/api/classes';
import { Link } from '../../shared/router/link';
import { navigate } from '../../shared/router/navigation';
import { classWords } from '../../shared/ui/class-words';
import { formatNumber } from '../../shared/ui/words';
import { listLink } from '../accounts/account-filters';
import { analysisApi, type Matrix } from './analysis-api';
import { ChartCanvas, ChartCard } from './chart-card';
import { AXIS_TEXT, HEAT } from './colors';
import { useChart } from './use-chart';

// Accounts that never bought have neither a tier nor a frequency: the empty corner is left out.
const TIERS = VOLUME_TIERS.filter((t) => t !== 'none').reverse();
const FREQUENCIES = FREQUENCY_CLASSES.filter((f) => f !== 'none').reverse();

function count(matrix: Matrix, tier: string, frequency: string) {
  return matrix.cells.find((c) => c.row === tier && c.column === frequency)?.accounts ?? 0;
}

function matrixOption(matrix: Matrix) {
  const data = TIERS.flatMap((tier, y) => FREQUENCIES.map((frequency, x) => [x, y, count(matrix, tier, frequency)]));
  return {
    aria: { enabled: true },
    tooltip: {
      formatter: (p: { value: [number, number, number] }) =>
        t('web.dashboard.tierCell', { tier: classWords('tier', TIERS[p.value[1]]), frequency: classWords('frequency', FREQUENCIES[p.value[0]]), accounts: formatNumber(p.value[2]) }),
    },
    grid: { left: 84, right: 16, top: 16, bottom: 72 },
    xAxis: { type: 'category', data: FREQUENCIES.map((f) => classWords('frequency', f)), name: t('web.dashboard.buysAxis'), nameLocation: 'middle', nameGap: 26, axisLabel: { color: AXIS_TEXT, interval: 0 } },
    yAxis: { type: 'category', data: TIERS.map((t) => classWords('tier', t)), axisLabel: { color: AXIS_TEXT } },
    visualMap: { min: 0, max: Math.max(1, ...data.map((d) => d[2]!)), orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: HEAT }, textStyle: { color: AXIS_TEXT } },
    series: [{ name: t('web.dashboard.accounts'), type: 'heatmap', cursor: 'pointer', data, label: { show: true, color: '#111' }, itemStyle: { borderColor: '#fff', borderWidth: 2 } }],
  };
}

export function TierFrequencyChart() {
  const matrix = useAsync((signal) => analysisApi.matrix('volumeTier', 'frequency', signal), []);
  const data = matrix.data;
  const option = useMemo(() => (data ? matrixOption(data) : null), [data]);
  const ref = useChart(option, {
    onItemClick: ({ value }) => {
      const [x, y] = value as [number, number];
      navigate(listLink({ tier: TIERS[y]!, frequency: FREQUENCIES[x]! }, '-revenue'));
    },
  });
  return (
    <ChartCard title={t('web.dashboard.tierTitle')} loading={matrix.loading && !data} error={matrix.error} note={t('web.dashboard.tierNote')}>
      <ChartCanvas chartRef={ref} height={300} summary={t('web.dashboard.tierSummary')} />
      {data && (
        <details>
          <summary>{t('web.dashboard.asTable')}</summary>
          <div className="table-wrap">
            <table className="data-table">
              <thead><tr><th scope="col">{t('web.dashboard.tier')}</th>{FREQUENCIES.map((f) => <th scope="col" className="number" key={f}>{classWords('frequency', f)}</th>)}</tr></thead>
              <tbody>
                {[...TIERS].reverse().map((tier) => (
                  <tr key={tier}>
                    <th scope="row">{classWords('tier', tier)}</th>
                    {FREQUENCIES.map((f) => (
                      <td className="number" key={f}><Link to={listLink({ tier, frequency: f }, '-revenue')}>{formatNumber(count(data, tier, f))}</Link></td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </ChartCard>
  );
}
