// The RFM grid: accounts by recency score (rows) and frequency score (columns) as a heat map.
// A cell opens its segment in the list; where spending splits a cell, both segments are offered.
import { useMemo, useState } from 'react';
import { useAsync } from '../../shared/api/use-async';
import { Link } from '../../shared/router/link';
import { navigate } from '../../shared/router/navigation';
import { classWords } from '../../shared/ui/class-words';
import { formatNumber } from '../../shared/ui/words';
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
    tooltip: { formatter: (p: { value: [number, number, number] }) => `Recency ${p.value[1] + 1}, frequency ${p.value[0] + 1}: ${p.value[2]} accounts<br>${rfmCellSegments(p.value[1] + 1, p.value[0] + 1).map((s) => classWords('rfm', s)).join(' or ')}` },
    grid: { left: 64, right: 16, top: 16, bottom: 72 },
    xAxis: { type: 'category', data: SCORES, name: 'Frequency score →', nameLocation: 'middle', nameGap: 26, axisLabel: { color: AXIS_TEXT } },
    yAxis: { type: 'category', data: SCORES, name: 'Recency →', nameLocation: 'middle', nameGap: 40, axisLabel: { color: AXIS_TEXT } },
    visualMap: { min: 0, max: most, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: HEAT }, textStyle: { color: AXIS_TEXT } },
    series: [{
      name: 'Accounts', type: 'heatmap', cursor: 'pointer',
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
    <ChartCard title="RFM grid" loading={grid.loading && !data} error={grid.error}
      note="Recency and frequency scores from 1 (lowest) to 5. Click a cell for its segment.">
      <ChartCanvas chartRef={ref} height={320}
        summary={`Heat map of accounts by RFM scores. Segments: ${segments.map(([s, n]) => `${classWords('rfm', s)} ${n}`).join(', ')}.`} />
      {split && (
        <p role="status" className="split-cell">
          The cell recency {split.recency}, frequency {split.frequency} holds two segments, told apart by spending:{' '}
          {split.segments.map((s, i) => (
            <span key={s}>{i > 0 && ' or '}<Link to={listLink({ rfm: s })}>{classWords('rfm', s)}</Link></span>
          ))}
        </p>
      )}
      <ListLinks title="Segments" items={segments.filter(([, n]) => n > 0).map(([s, n]) => ({ label: classWords('rfm', s), to: listLink({ rfm: s }), count: `(${formatNumber(n)})` }))} />
    </ChartCard>
  );
}
