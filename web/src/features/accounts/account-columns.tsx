// The columns the list can show; people choose which, and the choice is remembered.
import type { ReactNode } from 'react';
import type { Account } from '../../shared/api/types';
import { Link } from '../../shared/router/link';
import { classWords } from '../../shared/ui/class-words';
import { countryName, formatDate, formatMoney, formatPercent, words } from '../../shared/ui/words';
import { StatusBadge } from './status-badge';

export interface Column {
  key: string;
  /** The catalog key of its heading (src/domain/i18n). */
  label: string;
  /** Width in the grid template (px or fr). */
  width: string;
  /** The API's sort key, for the columns the list can sort by. */
  sort?: string;
  render(account: Account, nameOf: (id: number | null) => string): ReactNode;
  /** Columns from the portfolio analysis, offered once it has run. */
  analysis?: boolean;
  /**
   * `number`: an amount, count or share, right-aligned in tabular figures; `date`: tabular
   * figures. Either is never cut: the column widens to its longest value (text may truncate).
   */
  figure?: 'number' | 'date';
}

export const COLUMNS: Column[] = [
  { key: 'name', label: 'web.column.name', width: 'minmax(12rem, 2fr)', sort: 'name', render: (a) => <Link to={`/accounts/${a.id}`}>{a.name}</Link> },
  { key: 'status', label: 'web.column.status', width: '8rem', render: (a) => <StatusBadge status={a.status} /> },
  { key: 'owner', label: 'web.column.owner', width: 'minmax(7rem, 1fr)', render: (a, nameOf) => nameOf(a.ownerId) },
  { key: 'segment', label: 'web.column.segment', width: 'minmax(6rem, 1fr)', render: (a) => a.segment },
  { key: 'sector', label: 'web.column.sector', width: 'minmax(6rem, 1fr)', render: (a) => a.sector },
  { key: 'size', label: 'web.column.size', width: '7rem', render: (a) => words(a.size, 'accountSize') },
  { key: 'country', label: 'web.column.country', width: 'minmax(6rem, 1fr)', render: (a) => countryName(a.country) },
  { key: 'city', label: 'web.column.city', width: 'minmax(6rem, 1fr)', render: (a) => a.city },
  { key: 'relationshipType', label: 'web.column.relationshipType', width: '8rem', render: (a) => words(a.relationshipType, 'relationshipType') },
  { key: 'tags', label: 'web.column.tags', width: 'minmax(6rem, 1fr)', render: (a) => a.tags.join(', ') },
  { key: 'email', label: 'web.column.email', width: 'minmax(9rem, 1.5fr)', render: (a) => a.email },
  { key: 'phone', label: 'web.column.phone', width: '9rem', render: (a) => a.phone },
  { key: 'activity', label: 'web.column.activity', width: '7rem', analysis: true, render: (a) => classWords('status', a.classes?.status) },
  { key: 'abc', label: 'web.column.abc', width: '4.5rem', analysis: true, render: (a) => classWords('abc', a.classes?.abc) },
  { key: 'rfm', label: 'web.column.rfm', width: 'minmax(8rem, 1fr)', analysis: true, render: (a) => classWords('rfm', a.classes?.rfm) },
  { key: 'tier', label: 'web.column.tier', width: '7rem', analysis: true, render: (a) => classWords('tier', a.classes?.volumeTier) },
  { key: 'frequency', label: 'web.column.frequency', width: '7rem', analysis: true, render: (a) => classWords('frequency', a.classes?.frequency) },
  { key: 'revenue', label: 'web.column.revenue', figure: 'number', width: '7rem', sort: 'revenue', analysis: true, render: (a) => formatMoney(a.classes?.revenue, a.currency) },
  { key: 'value', label: 'web.column.value', figure: 'number', width: '7rem', sort: 'value', analysis: true, render: (a) => formatMoney(a.classes?.value, a.currency) },
  { key: 'clv', label: 'web.column.clv', figure: 'number', width: '6.5rem', sort: 'clv', analysis: true, render: (a) => formatMoney(a.classes?.clv, a.currency) },
  { key: 'pAlive', label: 'web.column.pAlive', figure: 'number', width: '5.5rem', analysis: true, render: (a) => formatPercent(a.classes?.pAlive) },
  { key: 'churn', label: 'web.column.churn', width: 'minmax(8rem, 1fr)', analysis: true,
    render: (a) => (a.classes?.churnSignals ?? []).map((s) => classWords('churn', s)).join(', ') },
  { key: 'updatedAt', label: 'web.column.updatedAt', figure: 'date', width: '7.5rem', sort: 'updatedAt', render: (a) => formatDate(a.updatedAt) },
  { key: 'createdAt', label: 'web.column.createdAt', figure: 'date', width: '7.5rem', sort: 'createdAt', render: (a) => formatDate(a.createdAt) },
];

export const DEFAULT_COLUMNS = ['name', 'status', 'activity', 'abc', 'owner', 'segment', 'country', 'city', 'revenue'];

/**
 * The chosen columns in the table's order; the name always shows, it opens the profile, and so
 * does the figure the list is sorted by (the recovery list sorts by value, which few would pick).
 */
export function visibleColumns(chosen: readonly string[], analysed: boolean, all: Column[] = COLUMNS, sort?: string): Column[] {
  const wanted = new Set(chosen);
  const sortKey = sort?.replace(/^-/, '');
  for (const column of all) if (column.sort !== undefined && column.sort === sortKey && column.analysis) wanted.add(column.key);
  return columnsFor(analysed, all).filter((c) => c.key === 'name' || wanted.has(c.key));
}

/** The columns on offer: the analysis's only once it has run. */
export const columnsFor = (analysed: boolean, all: Column[] = COLUMNS) => all.filter((c) => analysed || !c.analysis);

/** The cell's classes: its column's, and how its figures are set. */
export const cellClass = (column: Column) => `cell cell-${column.key}${column.figure ? ` cell-figure cell-${column.figure}` : ''}`;

/** In the phone's cards: the first figure among the chosen columns (the revenue by default). */
export const cardFigure = (columns: Column[]) => columns.find((c) => c.figure === 'number');
