// The RFM grid: accounts by recency score (rows) and frequency score (columns) as a heat map.
// A cell opens its segment in the list; where spending splits a cell, both segments are offered.
import { useMemo, useState } from 'react';
import { t } from '../../shared/i18n/i18n';
import { useAsync } from '../../shared/api/use-async';
import { Link } from '../../shared/router/link';
import { navigate } from '../../shared/router/navigation';
import { classWords } from '../../shared/ui/class-words';
import { formatNumber, joinAlternatives } from '../../shared/ui/words';
import { listLink } from '../accounts/account-filters';
import { analysisApi, type RfmGrid } from './analysis-api';
import { rfmCellSegments } from './chart-links';
import { ChartCanvas, ChartCard, ListLinks } from './chart-card';
import { AXIS_TEXT, HEAT } from './colors';
import { useChart } from './use-chart';

const SCORES = ['1', '2', '3', '4', '5'];

function rfmOption(grid: RfmGrid) {
  const most = Math.max(1, ...grid.cells.map((c) => c.accounts));
  return {
    aria: { enabled: true },
    tooltip: {
      formatter: (p: { value: [number, number, number] }) => `${t('web.dashboard.rfmCell', { recency: p.value[1] + 1, frequency: p.value[0] + 1, accounts: formatNumber(p.value[2]) })}<br>${
        joinAlternatives(rfmCellSegments(p.value[1] + 1, p.value[0] + 1).map((s) => classWords('rfm', s)))}`,
    },
    grid: { left: 64, right: 16, top: 16, bottom: 72 },
    xAxis: { type: 'category', data: SCORES, name: t('web.dashboard.frequencyAxis'), nameLocation: 'middle', nameGap: 26, axisLabel: { color: AXIS_TEXT } },
    yAxis: { type: 'category', data: SCORES, name: t('web.dashboard.recencyAxis'), nameLocation: 'middle', nameGap: 40, axisLabel: { color: AXIS_TEXT } },
    visualMap: { min: 0, max: most, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: HEAT }, textStyle: { color: AXIS_TEXT } },
    series: [{
      name: t('web.dashboard.accounts'), type: 'heatmap', cursor: 'pointer',
      data: grid.cells.map((c) => [c.frequency - 1, c.recency - 1, c.accounts]),
      label: { show: true, color: '#111' },
      itemStyle: { borderColor: '#fff', borderWidth: 2 },
    }],
  };
}

export function RfmHeatmap() {
  const grid = useAsync((signal) => analysisApi.rfm(signal), []);
  const [split, setSplit] = useState<{ recency: number; frequency: number; segments: string[] } | null>(null);
  const data = grid.data;
  const option = useMemo(() => (data ? rfmOption(data) : null), [data]);
  const ref = useChart(option, {
    onItemClick: ({ value }) => {
      const [f, r] = value as [number, number];
      const segments = rfmCellSegments(r + 1, f + 1);
      if (segments.length === 1) navigate(listLink({ rfm: segments[0]! }));
      else setSplit({ recency: r + 1, frequency: f + 1, segments });
    },
  });
  const segments = data ? Object.entries(data.segments).sort((a, b) => b[1] - a[1]) : [];
  return (
    <ChartCard title={t('web.dashboard.rfmTitle')} loading={grid.loading && !data} error={grid.error} note={t('web.dashboard.rfmNote')}>
      <ChartCanvas chartRef={ref} height={320}
        summary={t('web.dashboard.rfmSummary', { segments: segments.map(([s, n]) => `${classWords('rfm', s)} ${formatNumber(n)}`).join(', ') })} />
      {split && (
        <p role="status" className="split-cell">
          {t('web.dashboard.rfmSplit', { recency: split.recency, frequency: split.frequency })}{' '}
          {split.segments.map((s, i) => (
            <span key={s}>{i > 0 && t('web.dashboard.or')}<Link to={listLink({ rfm: s })}>{classWords('rfm', s)}</Link></span>
          ))}
        </p>
      )}
      <ListLinks title={t('web.dashboard.segments')} items={segments.filter(([, n]) => n > 0).map(([s, n]) => ({ label: classWords('rfm', s), to: listLink({ rfm: s }), count: `(${formatNumber(n)})` }))} />
    </ChartCard>
  );
}
