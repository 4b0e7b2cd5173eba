// A file of exchange rates: one row per day and currency (date, currency, rate), CSV or XLSX,
// with headers in English, French or Spanish. Every row is checked before any is kept.
import { isCurrencyCode } from '../domain/currency.js';
import { parseRate } from '../domain/exchange-rate.js';
import { parseDate } from './dates.js';
import { matchHeaders } from './header-match.js';
import { openTable, type TableOptions } from './read-table.js';
import type { RowError } from './to-record.js';

export interface RateRow {
  /** The row's number in the file, header included, as a spreadsheet shows it. */
  row: number;
  currency: string;
  date: string;
  rate: string;
}

const FIELDS = [
  { field: 'date', names: ['day', 'valid from', 'jour', 'fecha', 'dia'] },
  { field: 'currency', names: ['code', 'currency code', 'devise', 'monnaie', 'moneda', 'divisa'] },
  { field: 'rate', names: ['exchange rate', 'taux', 'taux de change', 'tasa', 'tipo de cambio', 'cambio'] },
] as const;

/** The rates of a file, or every problem it has, naming row, column and value. */
export async function readRatesFile(path: string, options: TableOptions = {}): Promise<{ rates: RateRow[]; errors: RowError[] }> {
  const table = await openTable(path, options);
  const { columns } = matchHeaders(table.headers, FIELDS);
  const headerOf = Object.fromEntries(Object.entries(columns).map(([header, field]) => [field, header]));
  const missing = FIELDS.map((f) => f.field).filter((field) => !headerOf[field]);
  if (missing.length) {
    return { rates: [], errors: [{ row: 1, column: missing.join(', '), value: table.headers.join(', '),
      reason: `The file needs the columns date, currency and rate; ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing` }] };
  }
  const rates: RateRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for await (const { row, cells } of table.rows) {
    const text = (field: string) => (cells[headerOf[field]!] ?? '').trim();
    const problems = errors.length;
    const date = parseDate(text('date'), 'iso')?.slice(0, 10);
    if (!date || text('date').length > 10) errors.push({ row, column: 'date', value: text('date'), reason: 'A date is written YYYY-MM-DD, like 2024-03-05' });
    const currency = text('currency').toUpperCase();
    if (!isCurrencyCode(currency)) errors.push({ row, column: 'currency', value: text('currency'), reason: 'Not a currency code in use (ISO 4217, like USD)' });
    let rate = '';
    try {
      rate = parseRate(text('rate'));
    } catch (error) {
      errors.push({ row, column: 'rate', value: text('rate'), reason: (error as Error).message });
    }
    if (errors.length > problems) continue;
    const key = `${currency} ${date}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row, column: 'date', value: date!, reason: `${currency} already has a rate for ${date} at row ${first}` });
      continue;
    }
    seen.set(key, row);
    rates.push({ row, currency, date: date!, rate });
  }
  return { rates, errors };
}
