// One row of a file → one record of typed values for a target, or the reasons it cannot be,
// each naming the row, the column and the value.
import { unescapeFormula } from './formula-escape.js';
import type { TableRow } from './read-table.js';
import { type FieldSpec, parseCell, type ParseOptions } from './targets.js';

export interface RowError {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportRecord {
  row: number;
  values: Record<string, unknown>;
}

export interface RecordRules {
  fields: readonly FieldSpec[];
  /** file header → field */
  columns: Record<string, string>;
  /** field → text used when the file has no value for it */
  defaults: Record<string, string>;
  parse: ParseOptions;
  /** headers kept as custom fields (accounts) */
  customFieldHeaders: readonly string[];
}

/** Converts rows with the same rules, checked and looked up once rather than per row. */
export type RecordReader = (row: TableRow) => { record?: ImportRecord; errors: RowError[] };

/** Kinds whose parsed value is a string, number, boolean or frozen place, safe to reuse for the next equal cell. */
const REUSABLE = new Set<FieldSpec['kind']>(['text', 'email', 'money', 'price', 'integer', 'boolean', 'date', 'country', 'place', 'choice']);

export function recordReader(rules: RecordRules): RecordReader {
  const headerOf: Record<string, string> = {};
  for (const [header, field] of Object.entries(rules.columns)) headerOf[field] = header;
  const plan = rules.fields.map((spec) => {
    // Consecutive rows often repeat a cell (the invoice number, date and customer of each line of
    // an order): the last conversion is kept and reused when the next cell is the same text.
    let lastRaw: string | undefined;
    let lastParsed: ReturnType<typeof parseCell>;
    const reuse = REUSABLE.has(spec.kind);
    return {
      spec,
      header: headerOf[spec.field],
      fallback: rules.defaults[spec.field] ?? '',
      parse(text: string) {
        if (reuse && text === lastRaw) return lastParsed;
        const parsed = parseCell(spec, text, rules.parse);
        if (reuse) {
          lastRaw = text;
          lastParsed = parsed;
        }
        return parsed;
      },
    };
  });
  const none: RowError[] = [];
  return (row) => {
    if (row.ragged) {
      return { errors: [{ row: row.row, column: '', value: '', reason: `has ${row.ragged.actual} values where the header has ${row.ragged.expected}` }] };
    }
    let errors = none;
    const values: Record<string, unknown> = {};
    for (const field of plan) {
      const { spec, header } = field;
      const raw = header !== undefined ? (row.cells[header] ?? '') : '';
      const text = raw === '' || raw.trim() === '' ? field.fallback : raw;
      const parsed = field.parse(text);
      if (parsed === undefined) {
        if (spec.required) (errors = errors === none ? [] : errors).push({ row: row.row, column: header ?? spec.field, value: raw, reason: `${spec.field} is required` });
        continue;
      }
      if (!parsed.ok) {
        (errors = errors === none ? [] : errors).push({ row: row.row, column: header ?? spec.field, value: raw, reason: `${spec.field} ${parsed.reason}` });
        continue;
      }
      values[spec.field] = parsed.value;
    }
    if (rules.customFieldHeaders.length) {
      // Added to those of a customFields column, if the file has one as well.
      const custom: Record<string, unknown> = { ...(values.customFields as Record<string, unknown> | undefined) };
      for (const header of rules.customFieldHeaders) {
        const value = row.cells[header]?.trim();
        if (value) custom[header] = unescapeFormula(value);
      }
      values.customFields = custom;
    }
    return errors.length ? { errors } : { record: { row: row.row, values }, errors: [] };
  };
}

export function toRecord(row: TableRow, rules: RecordRules): { record?: ImportRecord; errors: RowError[] } {
  return recordReader(rules)(row);
}

/**
 * Builds order numbers for files that have none, from other fields ("00001-19970101"); a second
 * order with the same parts in the file gets "-2", so the same file always yields the same numbers.
 */
export class OrderNumberer {
  private readonly seen = new Map<string, number>();

  constructor(private readonly parts: readonly string[]) {}

  next(values: Record<string, unknown>): string {
    const key = this.parts.map((part) => {
      const value = values[part];
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(value) ? value.slice(0, 10).replace(/-/g, '') : String(value ?? '');
    }).join('-');
    const count = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, count);
    return count === 1 ? key : `${key}-${count}`;
  }
}
