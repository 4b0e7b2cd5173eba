// The columns the list can show; people choose which, and the choice is remembered.
import type { ReactNode } from 'react';
import type { Account } from '../../shared/api/types';
import { Link } from '../../shared/router/link';
import { classWords } from '../../shared/ui/class-words';
import { countryName, formatDate, formatMoney, formatPercent, words } from '../../shared/ui/words';
import { StatusBadge } from './status-badge';

export interface Column {
  key: string;
  label: string;
  /** Width in the grid template (px or fr). */
  width: string;
  /** The API's sort key, for the columns the list can sort by. */
  sort?: string;
  render(account: Account, nameOf: (id: number | null) => string): ReactNode;
  /** Columns from the portfolio analysis, offered once it has run. */
  analysis?: boolean;
}

export const COLUMNS: Column[] = [
  { key: 'name', label: 'Name', width: 'minmax(12rem, 2fr)', sort: 'name', render: (a) => <Link to={`/accounts/${a.id}`}>{a.name}</Link> },
  { key: 'status', label: 'Status', width: '8rem', render: (a) => <StatusBadge status={a.status} /> },
  { key: 'owner', label: 'Owner', width: 'minmax(7rem, 1fr)', render: (a, nameOf) => nameOf(a.ownerId) },
  { key: 'segment', label: 'Segment', width: 'minmax(6rem, 1fr)', render: (a) => a.segment },
  { key: 'sector', label: 'Sector', width: 'minmax(6rem, 1fr)', render: (a) => a.sector },
  { key: 'size', label: 'Size', width: '7rem', render: (a) => words(a.size) },
  { key: 'country', label: 'Country', width: 'minmax(6rem, 1fr)', render: (a) => countryName(a.country) },
  { key: 'city', label: 'City', width: 'minmax(6rem, 1fr)', render: (a) => a.city },
  { key: 'relationshipType', label: 'Relationship', width: '8rem', render: (a) => words(a.relationshipType) },
  { key: 'tags', label: 'Tags', width: 'minmax(6rem, 1fr)', render: (a) => a.tags.join(', ') },
  { key: 'email', label: 'Email', width: 'minmax(9rem, 1.5fr)', render: (a) => a.email },
  { key: 'phone', label: 'Phone', width: '9rem', render: (a) => a.phone },
  { key: 'activity', label: 'Activity', width: '7rem', analysis: true, render: (a) => classWords('status', a.classes?.status) },
  { key: 'abc', label: 'ABC', width: '4.5rem', analysis: true, render: (a) => classWords('abc', a.classes?.abc) },
  { key: 'rfm', label: 'RFM segment', width: 'minmax(8rem, 1fr)', analysis: true, render: (a) => classWords('rfm', a.classes?.rfm) },
  { key: 'tier', label: 'Volume tier', width: '7rem', analysis: true, render: (a) => classWords('tier', a.classes?.volumeTier) },
  { key: 'frequency', label: 'Frequency', width: '7rem', analysis: true, render: (a) => classWords('frequency', a.classes?.frequency) },
  { key: 'revenue', label: 'Revenue', width: '7rem', sort: 'revenue', analysis: true, render: (a) => formatMoney(a.classes?.revenue, a.currency) },
  { key: 'clv', label: 'CLV', width: '6.5rem', sort: 'clv', analysis: true, render: (a) => formatMoney(a.classes?.clv, a.currency) },
  { key: 'pAlive', label: 'P(alive)', width: '5.5rem', analysis: true, render: (a) => formatPercent(a.classes?.pAlive) },
  { key: 'churn', label: 'Pre-churn', width: 'minmax(8rem, 1fr)', analysis: true,
    render: (a) => (a.classes?.churnSignals ?? []).map((s) => classWords('churn', s)).join(', ') },
  { key: 'updatedAt', label: 'Updated', width: '7.5rem', sort: 'updatedAt', render: (a) => formatDate(a.updatedAt) },
  { key: 'createdAt', label: 'Created', width: '7.5rem', sort: 'createdAt', render: (a) => formatDate(a.createdAt) },
];

export const DEFAULT_COLUMNS = ['name', 'status', 'activity', 'abc', 'owner', 'segment', 'country', 'city', 'revenue'];

/** The chosen columns in the table's order; the name always shows, it opens the profile. */
export function visibleColumns(chosen: readonly string[], analysed: boolean, all: Column[] = COLUMNS): Column[] {
  const wanted = new Set(chosen);
  return columnsFor(analysed, all).filter((c) => c.key === 'name' || wanted.has(c.key));
}

/** The columns on offer: the analysis's only once it has run. */
export const columnsFor = (analysed: boolean, all: Column[] = COLUMNS) => all.filter((c) => analysed || !c.analysis);
