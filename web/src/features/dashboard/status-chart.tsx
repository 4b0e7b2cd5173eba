// Accounts and revenue per activity status; a bar opens the list of those accounts.
import { useMemo } from 'react';
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
    legend: { data: ['Accounts', 'Revenue'], top: 0, textStyle: { color: AXIS_TEXT } },
    grid: { left: 56, right: 72, top: 56, bottom: 56 },
    xAxis: { type: 'category', data: rows.map((r) => classWords('status', r.status)), axisLabel: { color: AXIS_TEXT, interval: 0, rotate: 20 } },
    yAxis: [
      { type: 'value', name: 'Accounts', axisLabel: { color: AXIS_TEXT } },
      { type: 'value', name: 'Revenue', axisLabel: { color: AXIS_TEXT, formatter: (v: number) => formatMoney(v, overview.currency) } },
    ],
    series: [
      { name: 'Accounts', type: 'bar', data: rows.map((r) => r.accounts), itemStyle: { color: ACCENT }, cursor: 'pointer' },
      { name: 'Revenue', type: 'bar', yAxisIndex: 1, data: rows.map((r) => Number(r.revenue)), itemStyle: { color: SECOND }, cursor: 'pointer' },
    ],
  }), [overview]);
  const ref = useChart(option, { onItemClick: ({ dataIndex }) => navigate(listLink({ status: rows[dataIndex]!.status })) });
  const summary = rows.map((r) => `${classWords('status', r.status)}: ${r.accounts} accounts, ${formatMoney(r.revenue, overview.currency)} revenue`).join('; ');
  return (
    <ChartCard title="Accounts and revenue by status" note="Activity as of the analysis. Click a bar for those accounts.">
      <ChartCanvas chartRef={ref} summary={`Bar chart. ${summary}.`} />
      <ListLinks title="Open in the list" items={rows.filter((r) => r.accounts > 0).map((r) => ({
        label: classWords('status', r.status), to: listLink({ status: r.status }), count: `(${formatNumber(r.accounts)})`,
      }))} />
    </ChartCard>
  );
}
