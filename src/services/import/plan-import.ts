// Decides how a file will be read before a row is written: which column is which field, which
// date format, and what stops the import outright (a required field with no column, dates
// that read two ways).
import { type DateFormat, detectDateFormat } from '../../import/dates.js';
import { matchHeaders } from '../../import/header-match.js';
import type { MappingFile } from '../../import/mapping-file.js';
import { openTable, type TableOptions } from '../../import/read-table.js';
import { type ImportTarget, TARGET_FIELDS } from '../../import/targets.js';
import type { RecordRules } from '../../import/to-record.js';

export interface ImportFlags {
  dateFormat?: DateFormat;
  delimiter?: TableOptions['delimiter'];
  encoding?: TableOptions['encoding'];
  sheet?: string;
  decimalComma?: boolean;
}

export interface ImportPlan {
  target: ImportTarget;
  headers: string[];
  /** header → field */
  columns: Record<string, string>;
  unmatched: string[];
  clashes: { field: string; headers: string[] }[];
  dateFormat: DateFormat;
  dateFormatSource: 'stated' | 'detected' | 'none';
  /** Fields the import writes: mapped, defaulted or derived. */
  fields: string[];
  tableOptions: TableOptions;
  rules: RecordRules;
  orderNumberFrom?: string[];
  /** Problems that stop the import before any row is read. */
  fatal: string[];
}

const SAMPLE_ROWS = 1000;

export async function planImport(target: ImportTarget, path: string, mapping: MappingFile = {}, flags: ImportFlags = {}): Promise<ImportPlan> {
  const tableOptions: TableOptions = {
    delimiter: flags.delimiter ?? mapping.delimiter,
    encoding: flags.encoding ?? mapping.encoding,
    sheet: flags.sheet ?? mapping.sheet,
    headers: mapping.headers,
  };
  const table = await openTable(path, tableOptions);
  const fields = TARGET_FIELDS[target];
  const overrides: Record<string, string> = {};
  const ignored = new Set<string>();
  for (const [header, field] of Object.entries(mapping.columns ?? {})) {
    if (field === null) ignored.add(header);
    else overrides[header] = field;
  }
  const fatal: string[] = [];
  for (const [header, field] of Object.entries(overrides)) {
    if (!fields.some((f) => f.field === field)) fatal.push(`The mapping sends column "${header}" to "${field}", which ${target} does not have (fields: ${fields.map((f) => f.field).join(', ')}).`);
    if (!table.headers.includes(header)) fatal.push(`The mapping names column "${header}", which the file does not have (columns: ${table.headers.join(', ')}).`);
  }
  const matched = matchHeaders(table.headers.filter((h) => !ignored.has(h)), fields, overrides);
  const defaults = mapping.defaults ?? {};
  const derived = target === 'orders' && mapping.orderNumberFrom ? ['number'] : [];
  const provided = new Set([...Object.values(matched.columns), ...Object.keys(defaults), ...derived]);
  for (const field of fields.filter((f) => f.required && !provided.has(f.field))) {
    fatal.push(`No column gives ${field.field} (a column named ${[field.field, ...field.names.slice(0, 4)].map((n) => `"${n}"`).join(', ')}…); add one, or map it in a mapping file.`);
  }
  if (target === 'orders' && !provided.has('total')) {
    // A shop's invoice-line export sent to the order-level target: say where it goes.
    const lineFields = new Set(Object.values(matchHeaders(table.headers, TARGET_FIELDS['order-lines']).columns));
    if (lineFields.has('quantity') && lineFields.has('unitPrice')) {
      fatal.push('This file has one row per invoice line (a quantity and a unit price, no total): import it as order-lines, which groups the lines into orders.');
    }
  }
  for (const field of Object.keys(defaults)) {
    if (!fields.some((f) => f.field === field)) fatal.push(`The mapping gives a default for "${field}", which ${target} does not have.`);
  }

  const dateHeaders = Object.entries(matched.columns).filter(([, field]) => fields.find((f) => f.field === field)?.kind === 'date').map(([h]) => h);
  let dateFormat: DateFormat = flags.dateFormat ?? mapping.dateFormat ?? 'iso';
  let dateFormatSource: ImportPlan['dateFormatSource'] = flags.dateFormat ?? mapping.dateFormat ? 'stated' : 'none';
  if (dateFormatSource === 'none' && dateHeaders.length) {
    const samples: string[] = [];
    let n = 0;
    for await (const row of table.rows) {
      for (const header of dateHeaders) samples.push(row.cells[header] ?? '');
      if (++n >= SAMPLE_ROWS) break;
    }
    const detection = detectDateFormat(samples.map((s) => s.replace(/[ T]\d{1,2}:\d{2}(:\d{2})?.*$/, '')));
    if (detection.kind === 'detected') {
      dateFormat = detection.format;
      dateFormatSource = 'detected';
    } else if (samples.some((s) => s.trim())) {
      fatal.push(`Column "${dateHeaders.join('", "')}": ${detection.message}`);
    }
  }

  const customFieldHeaders = target === 'accounts' && mapping.keepUnmappedAsCustomFields ? matched.unmatched : [];
  return {
    target,
    headers: table.headers,
    columns: matched.columns,
    unmatched: matched.unmatched,
    clashes: matched.clashes,
    dateFormat,
    dateFormatSource,
    fields: [...new Set([...provided, ...(customFieldHeaders.length ? ['customFields'] : [])])],
    tableOptions,
    rules: { fields: fields.map((f) => (derived.includes(f.field) ? { ...f, required: false } : f)), columns: matched.columns, defaults, parse: { dateFormat, decimalComma: flags.decimalComma ?? mapping.decimalComma ?? false }, customFieldHeaders },
    orderNumberFrom: target === 'orders' ? mapping.orderNumberFrom : undefined,
    fatal: table.headers.length === 0 ? ['The file is empty: it has no header row and no data.'] : fatal,
  };
}
