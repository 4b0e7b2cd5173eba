// Accounts and revenue per activity status; a bar opens the list of those accounts.
import { useMemo } from 'react';
import { t } from '../../shared/i18n/i18n';
import { navigate } from '../../shared/router/navigation';
import { classWords } from '../../shared/ui/class-words';
import { formatMoney, formatNumber } from '../../shared/ui/words';
import { listLink } from '../accounts/account-filters';
import type { Overview } from './analysis-api';
import { ChartCanvas, ChartCard, ListLinks } from './chart-card';
import { ACCENT, AXIS_TEXT, SECOND } from './colors';
import { useChart } from './use-chart';

const ORDER = ['current', 'active', 'inactive', 'ex_customer', 'probable', 'potential', 'unqualified'];

export function StatusChart({ overview }: { overview: Overview }) {
  const rows = ORDER.map((status) => ({ status, ...(overview.classes.status[status] ?? { accounts: 0, revenue: '0' }) }));
  const option = useMemo(() => ({
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { data: [t('web.dashboard.accounts'), t('web.dashboard.revenue')], top: 0, textStyle: { color: AXIS_TEXT } },
    grid: { left: 56, right: 72, top: 56, bottom: 56 },
    xAxis: { type: 'category', data: rows.map((r) => classWords('status', r.status)), axisLabel: { color: AXIS_TEXT, interval: 0, rotate: 20 } },
    yAxis: [
      { type: 'value', name: t('web.dashboard.accounts'), axisLabel: { color: AXIS_TEXT } },
      { type: 'value', name: t('web.dashboard.revenue'), axisLabel: { color: AXIS_TEXT, formatter: (v: number) => formatMoney(v, overview.currency) } },
    ],
    series: [
      { name: t('web.dashboard.accounts'), type: 'bar', data: rows.map((r) => r.accounts), itemStyle: { color: ACCENT }, cursor: 'pointer' },
      { name: t('web.dashboard.revenue'), type: 'bar', yAxisIndex: 1, data: rows.map((r) => Number(r.revenue)), itemStyle: { color: SECOND }, cursor: 'pointer' },
    ],
  }), [overview]);
  const ref = useChart(option, { onItemClick: ({ dataIndex }) => navigate(listLink({ status: rows[dataIndex]!.status })) });
  const summary = rows.map((r) => t('web.dashboard.statusRow', { status: classWords('status', r.status), accounts: formatNumber(r.accounts), revenue: formatMoney(r.revenue, overview.currency) })).join('; ');
  return (
    <ChartCard title={t('web.dashboard.statusTitle')} note={t('web.dashboard.statusNote')}>
      <ChartCanvas chartRef={ref} summary={t('web.dashboard.statusSummary', { rows: summary })} />
      <ListLinks title={t('web.dashboard.openInList')} items={rows.filter((r) => r.accounts > 0).map((r) => ({
        label: classWords('status', r.status), to: listLink({ status: r.status }), count: `(${formatNumber(r.accounts)})`,
      }))} />
    </ChartCard>
  );
}
