// The list's state lives in the address (?status=customer&sort=-updatedAt…), so a view can be
// reloaded, shared, saved and opened from a chart. This file reads and writes that state.
import { ABC_CLASSES, ACTIVITY_STATUSES, FREQUENCY_CLASSES, RFM_SEGMENTS, VOLUME_TIERS } from '../../shared/api/classes';
import { ACCOUNT_SIZES, ACCOUNT_STATUSES, RELATIONSHIP_TYPES } from '../../shared/api/vocabulary';
import { BUYING_NOW_FILTER, VALUE_RANKINGS } from '../../../../src/domain/figures';

/** `known`: one of the values in use (GET /accounts/values), chosen from a list. */
export type FilterKind = 'choice' | 'known' | 'owner' | 'country' | 'tags' | 'range';

export interface FilterField {
  key: string;
  /** The catalog key of its label (src/domain/i18n). */
  label: string;
  kind: FilterKind;
  /** For choices: groups of values, each under a heading when there are several. */
  groups?: { label: string; values: readonly string[] }[];
  /** The class dimension whose words label the values. */
  dimension?: string;
  /** For ranges: the two query keys, and the factor between the typed number and the API's (100 for percents). */
  range?: { min: string; max: string; scale?: number; unit?: string };
  /** Filters on the portfolio analysis, offered once it has run. */
  analysis?: boolean;
}

const one = (values: readonly string[]) => [{ label: '', values }];

export const FILTER_FIELDS: FilterField[] = [
  { key: 'status', label: 'web.filter.status', kind: 'choice', dimension: 'status', groups: [{ label: 'web.filter.lifecycle', values: ACCOUNT_STATUSES }, { label: 'web.filter.activityGroup', values: [BUYING_NOW_FILTER, ...ACTIVITY_STATUSES] }] },
  { key: 'abc', label: 'web.filter.abc', kind: 'choice', dimension: 'abc', groups: one(ABC_CLASSES), analysis: true },
  { key: 'ranking', label: 'web.filter.ranking', kind: 'choice', dimension: 'ranking', groups: one(VALUE_RANKINGS), analysis: true },
  { key: 'rfm', label: 'web.filter.rfm', kind: 'choice', dimension: 'rfm', groups: one([...RFM_SEGMENTS, 'none']), analysis: true },
  { key: 'tier', label: 'web.filter.tier', kind: 'choice', dimension: 'tier', groups: one(VOLUME_TIERS), analysis: true },
  { key: 'frequency', label: 'web.filter.frequency', kind: 'choice', dimension: 'frequency', groups: one(FREQUENCY_CLASSES), analysis: true },
  { key: 'churn', label: 'web.filter.churn', kind: 'choice', dimension: 'churn', groups: one(['true', 'false']), analysis: true },
  { key: 'ownerId', label: 'web.filter.ownerId', kind: 'owner' },
  { key: 'segment', label: 'web.filter.segment', kind: 'known' },
  { key: 'sector', label: 'web.filter.sector', kind: 'known' },
  { key: 'size', label: 'web.filter.size', kind: 'choice', groups: one(ACCOUNT_SIZES) },
  { key: 'country', label: 'web.filter.country', kind: 'country' },
  { key: 'relationshipType', label: 'web.filter.relationshipType', kind: 'choice', groups: one(RELATIONSHIP_TYPES) },
  { key: 'tags', label: 'web.filter.tags', kind: 'tags' },
  { key: 'clv', label: 'web.filter.clv', kind: 'range', range: { min: 'clvMin', max: 'clvMax' }, analysis: true },
  { key: 'pAlive', label: 'web.filter.pAlive', kind: 'range', range: { min: 'pAliveMin', max: 'pAliveMax', scale: 100, unit: '%' }, analysis: true },
];

export const SORTS = ['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;
export const ANALYSIS_SORTS = ['-revenue', 'revenue', '-value', 'value', '-clv', 'clv'] as const;
export const DEFAULT_SORT = 'name';

/** The query keys a filter field sets. */
export const keysOf = (field: FilterField): string[] => (field.range ? [field.range.min, field.range.max] : [field.key]);

/** Every key the list understands in the address; anything else is ignored. */
export interface ListState {
  filters: Record<string, string>;
  q: string;
  sort: string;
}

export function readListState(search: string, fields: FilterField[] = FILTER_FIELDS): ListState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  for (const key of fields.flatMap(keysOf)) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return { filters, q: params.get('q')?.trim() ?? '', sort: params.get('sort') || DEFAULT_SORT };
}

export function writeListState(state: ListState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filters)) if (value) params.set(key, value);
  if (state.q) params.set('q', state.q);
  if (state.sort && state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The address of the list filtered as given, for links from the dashboard and elsewhere. */
export const listLink = (filters: Record<string, string>, sort?: string) =>
  `/accounts${writeListState({ filters, q: '', sort: sort ?? DEFAULT_SORT })}`;

/** The query the account list and the export take for this state. */
export function listQuery(state: ListState): Record<string, string> {
  return { ...state.filters, ...(state.q && { q: state.q }), ...(state.sort && { sort: state.sort }) };
}

/** Clicking a sorted column header flips its direction; another column starts ascending. */
export function nextSort(current: string, column: string): string {
  if (current === column) return `-${column}`;
  return column;
}

/** Tags typed as "vip, export ,  " become "vip,export". */
export function normalizeTags(text: string): string {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))].join(',');
}

/** A typed bound in the API's terms ("50" % → "0.5"), or "" when it is not a number. */
export function rangeValue(typed: string, scale = 1): string {
  const text = typed.trim().replace(',', '.');
  if (text === '' || !/^\d+(\.\d+)?$/.test(text)) return '';
  const value = Number(text) / scale;
  return scale === 1 ? text : String(Math.round(value * 10_000) / 10_000);
}

/** The API's bound as typed ("0.5" → "50" %). */
export function rangeText(value: string | undefined, scale = 1): string {
  if (!value) return '';
  return scale === 1 ? value : String(Math.round(Number(value) * scale * 100) / 100);
}

export function activeFilterCount(state: ListState): number {
  return Object.keys(state.filters).length + (state.q ? 1 : 0);
}

/** The filters to offer: the class filters (and activity statuses) only once the portfolio was analysed. */
export function filterFieldsFor(analysed: boolean, fields: FilterField[] = FILTER_FIELDS): FilterField[] {
  if (analysed) return fields;
  return fields.filter((f) => !f.analysis).map((f) => (f.key === 'status' && f.groups ? { ...f, groups: f.groups.slice(0, 1) } : f));
}
