// Revenue and active rate by geography, segment, sector, relationship type, size or owner; a bar
// opens the accounts of that section.
import { useMemo, useState } from 'react';
import { t } from '../../shared/i18n/i18n';
import { useAsync } from '../../shared/api/use-async';
import { SECTION_DIMENSIONS } from '../../shared/api/classes';
import { navigate } from '../../shared/router/navigation';
import { SelectField } from '../../shared/ui/field';
import { countryName, formatMoney, formatPercent, words } from '../../shared/ui/words';
import { useUsers } from '../../shared/users/use-users';
import { listLink } from '../accounts/account-filters';
import { analysisApi, type SectionRow } from './analysis-api';
import { sectionFilter } from './chart-links';
import { ChartCanvas, ChartCard, ListLinks } from './chart-card';
import { ACCENT, AXIS_TEXT, SECOND } from './colors';
import { useChart } from './use-chart';

const SHOWN = 12;

export function SectionsChart() {
  const users = useUsers();
  const [by, setBy] = useState<string>('country');
  const sections = useAsync((signal) => analysisApi.sections(by, signal), [by]);
  const currency = sections.data?.currency ?? '';
  const rows = useMemo(() => [...(sections.data?.rows ?? [])].sort((a, b) => Number(b.revenue) - Number(a.revenue)).slice(0, SHOWN), [sections.data]);
  const name = (row: SectionRow) => {
    const value = row.key[by];
    if (value === null || value === undefined || value === '') return t('web.dashboard.notSet');
    if (by === 'country') return countryName(String(value));
    if (by === 'owner') return users.nameOf(Number(value));
    return by === 'size' || by === 'relationshipType' ? words(String(value)) : String(value);
  };
  const option = useMemo(() => (rows.length === 0 ? null : {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { data: [t('web.dashboard.revenue'), t('web.dashboard.activeRate')], top: 0, textStyle: { color: AXIS_TEXT } },
    grid: { left: 72, right: 56, top: 56, bottom: 80 },
    xAxis: { type: 'category', data: rows.map(name), axisLabel: { color: AXIS_TEXT, interval: 0, rotate: 30, width: 90, overflow: 'truncate' } },
    yAxis: [
      { type: 'value', name: t('web.dashboard.revenue'), axisLabel: { color: AXIS_TEXT, formatter: (v: number) => formatMoney(v, currency) } },
      { type: 'value', name: t('web.dashboard.active'), min: 0, max: 100, axisLabel: { color: AXIS_TEXT, formatter: '{value} %' } },
    ],
    series: [
      { name: t('web.dashboard.revenue'), type: 'bar', data: rows.map((r) => Number(r.revenue)), itemStyle: { color: ACCENT }, cursor: 'pointer' },
      { name: t('web.dashboard.activeRate'), type: 'line', yAxisIndex: 1, data: rows.map((r) => (r.activeRate === null ? null : Math.round(r.activeRate * 1000) / 10)), itemStyle: { color: SECOND }, lineStyle: { color: SECOND } },
    ],
  }), [rows, users.list, currency]);
  const ref = useChart(option, {
    onItemClick: ({ dataIndex }) => {
      const filter = rows[dataIndex] && sectionFilter(by, rows[dataIndex]!.key);
      if (filter) navigate(listLink(filter, '-revenue'));
    },
  });
  return (
    <ChartCard title={t('web.dashboard.sectionsTitle')} loading={sections.loading && !sections.data} error={sections.error} note={t('web.dashboard.sectionsNote')}>
      <SelectField label={t('web.dashboard.by')} value={by} onChange={(e) => setBy(e.target.value)} choices={SECTION_DIMENSIONS.map((d) => ({ value: d, label: t(`web.dashboard.section.${d}`) }))} />
      <ChartCanvas chartRef={ref} height={300} summary={t('web.dashboard.sectionsSummary', {
        dimension: t(`web.dashboard.section.${by}`).toLocaleLowerCase(), rows: rows.map((r) => t('web.dashboard.sectionRow', { name: name(r), revenue: formatMoney(r.revenue, currency), share: formatPercent(r.activeRate) })).join('; '),
      })} />
      <ListLinks title={t('web.dashboard.openInList')} items={rows.flatMap((r) => {
        const filter = sectionFilter(by, r.key);
        return filter ? [{ label: name(r), to: listLink(filter, '-revenue'), count: `(${formatMoney(r.revenue, currency)})` }] : [];
      })} />
    </ChartCard>
  );
}
