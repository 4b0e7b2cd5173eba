// The Pareto curve: accounts ranked by revenue against the share of revenue they make, with the
// A, B and C zones shaded. A click anywhere in a zone opens that class in the list.
import { useMemo } from 'react';
import { t } from '../../shared/i18n/i18n';
import { useAsync } from '../../shared/api/use-async';
import { navigate } from '../../shared/router/navigation';
import { formatMoney, formatNumber, formatPercent } from '../../shared/ui/words';
import { listLink } from '../accounts/account-filters';
import { analysisApi, type Pareto } from './analysis-api';
import { paretoZone } from './chart-links';
import { ChartCanvas, ChartCard, ListLinks } from './chart-card';
import { ACCENT, AXIS_TEXT, ZONES } from './colors';
import { useChart } from './use-chart';

/** The plot's margins, fixed so a click's position maps to a share of accounts. */
export const PARETO_GRID = { left: 56, right: 24, top: 24, bottom: 44 };

function paretoOption(data: Pareto) {
  const aEnd = (data.classes.A.accountShare ?? 0) * 100;
  const bEnd = aEnd + (data.classes.B.accountShare ?? 0) * 100;
  const zone = (name: 'A' | 'B' | 'C', from: number, to: number) => [
    { name: t('web.dashboard.zone', { class: name, accounts: formatPercent(data.classes[name].accountShare), revenue: formatPercent(data.classes[name].revenueShare) }), xAxis: from, itemStyle: { color: ZONES[name], opacity: 0.12 } },
    { xAxis: to },
  ];
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatPercent(v / 100, 1) },
    grid: PARETO_GRID,
    xAxis: { type: 'value', min: 0, max: 100, name: t('web.dashboard.paretoAxis'), nameLocation: 'middle', nameGap: 28, axisLabel: { color: AXIS_TEXT, formatter: '{value} %' } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: AXIS_TEXT, formatter: '{value} %' } },
    series: [{
      name: t('web.dashboard.shareOfRevenue'), type: 'line', showSymbol: false, smooth: false, lineStyle: { color: ACCENT, width: 3 },
      data: data.points.map((p) => [p.accountShare * 100, p.revenueShare * 100]),
      markArea: {
        silent: true,
        label: { show: true, position: 'insideTop', color: AXIS_TEXT, fontWeight: 'bold', formatter: (p: { name: string }) => p.name.slice(0, 1) },
        data: [zone('A', 0, aEnd), zone('B', aEnd, bEnd), zone('C', bEnd, 100)],
      },
    }],
  };
}

export function ParetoChart() {
  const pareto = useAsync((signal) => analysisApi.pareto(signal), []);
  const data = pareto.data;
  const option = useMemo(() => (data ? paretoOption(data) : null), [data]);
  const ref = useChart(option, {
    onPlotClick: (chart, pixel) => {
      if (!data || !chart.containPixel('grid', pixel)) return;
      const [x] = chart.convertFromPixel('grid', pixel) as number[];
      const zone = paretoZone((x ?? -1) / 100, data.classes);
      if (zone) navigate(listLink({ abc: zone, ranking: 'period' }, '-revenue'));
    },
  });
  const classes = data ? (['A', 'B', 'C'] as const).map((c) => ({ c, ...data.classes[c] })) : [];
  return (
    <ChartCard title={t('web.dashboard.paretoTitle')} loading={pareto.loading && !data} error={pareto.error}
      note={data && t('web.dashboard.paretoNote', { share: formatPercent(data.topShare.accountShare), accounts: formatNumber(data.rankedAccounts), revenueShare: formatPercent(data.topShare.revenueShare), total: formatMoney(data.totalRevenue, data.currency) })}>
      <ChartCanvas chartRef={ref} summary={t('web.dashboard.paretoSummary', { classes: classes.map((c) => t('web.dashboard.classSummary', { class: c.c, accounts: formatNumber(c.accounts), share: formatPercent(c.revenueShare) })).join('; ') })} />
      <ListLinks title={t('web.dashboard.openInList')} items={classes.map((c) => ({
        label: t('web.dashboard.className', { class: c.c }), to: listLink({ abc: c.c, ranking: 'period' }, '-revenue'),
        count: t('web.dashboard.classCount', { accounts: formatNumber(c.accounts), share: formatPercent(c.revenueShare) }),
      }))} />
    </ChartCard>
  );
}
