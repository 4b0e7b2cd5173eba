// One exported value as a cell: ISO 8601 UTC dates, money as decimal strings, true/false, tags
// joined with ";", custom fields as a JSON object. Text a spreadsheet could run as a formula is
// guarded (CSV) or kept a plain string (XLSX); import reads all of it back as it was.
import type { FieldKind } from '../../import/targets.js';
import { escapeApostrophes, escapeFormula } from '../../import/formula-escape.js';

/** A record's value for one column, as the row builders give it. */
export type ExportValue = string | number | boolean | readonly string[] | Record<string, unknown> | null | undefined;

function text(kind: FieldKind, value: Exclude<ExportValue, null | undefined>): string {
  if (kind === 'list') return (value as readonly string[]).join(';');
  if (kind === 'json') return JSON.stringify(value);
  if (kind === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

const isFree = (kind: FieldKind) => kind !== 'money' && kind !== 'price' && kind !== 'integer' && kind !== 'boolean' && kind !== 'date';

export function csvCell(kind: FieldKind, value: ExportValue): string {
  if (value === null || value === undefined) return '';
  const cell = text(kind, value);
  return isFree(kind) ? escapeFormula(cell) : cell;
}

/** Numbers stay numbers (a spreadsheet can sum them); dates stay ISO text so they read back exactly. */
export function xlsxCell(kind: FieldKind, value: ExportValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (kind === 'integer') return Number(value);
  if (kind === 'money' || kind === 'price') return Number(value);
  if (kind === 'boolean') return Boolean(value);
  const cell = text(kind, value);
  return isFree(kind) ? escapeApostrophes(cell) : cell;
}
