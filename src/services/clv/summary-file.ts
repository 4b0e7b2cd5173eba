// Per-customer summaries from a file, for analysts who have x, t_x and T (and perhaps the mean
// repeat purchase value) rather than the orders: a CSV as lifetimes writes it (frequency,
// recency, T, monetary_value), as Fader and Hardie print it (x, t_x, T, zbar), or alike.
// Every row is checked; the first bad one stops the read, named by line and column.
import type { CustomerSummaryRow, SummaryFit } from '../../analytics/clv/fit-summaries.js';
import type { TimeUnit } from '../../analytics/clv/time-unit.js';
import { ClienteleError } from '../../domain/errors.js';
import { openTable } from '../../import/read-table.js';
import { asClienteleError } from './clv-settings.js';
import { runInWorker } from './run-in-worker.js';

type Field = 'id' | 'x' | 'tx' | 'T' | 'meanValue';

/** Header names each field answers to, compared without case, spaces or punctuation. */
const NAMES: Record<Field, string[]> = {
  id: ['id', 'customerid', 'customer', 'custid', 'cid', 'accountid', 'account'],
  x: ['x', 'frequency', 'freq', 'repeatpurchases', 'repeats'],
  tx: ['tx', 'recency'],
  T: ['t', 'age'],
  meanValue: ['zbar', 'monetaryvalue', 'monetary', 'meanvalue', 'averagevalue', 'avgvalue', 'mbar', 'averageordervalue', 'aov'],
};

const DESCRIBED: Record<Field, string> = {
  id: 'the customer id',
  x: 'the repeat purchases x (frequency)',
  tx: 'the recency t_x (recency)',
  T: 'the age T (T)',
  meanValue: 'the mean repeat purchase value (monetary_value, zbar)',
};

const comparable = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The file's header for each field it has; throws naming the columns that are missing. */
function matchColumns(headers: readonly string[], path: string): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  for (const header of headers) {
    const name = comparable(header);
    const field = (Object.keys(NAMES) as Field[]).find((f) => NAMES[f].includes(name));
    if (field && !found[field]) found[field] = header;
  }
  const missing = (['x', 'tx', 'T'] as const).filter((field) => !found[field]);
  if (missing.length) {
    throw new ClienteleError('bad_request', `${path} has no column for ${missing.map((f) => DESCRIBED[f]).join(', ')}; its columns are ${headers.map((h) => `"${h}"`).join(', ')}.`, missing[0]);
  }
  return found;
}

/** Reads and checks every row of a summary file. */
export async function readSummaryFile(path: string): Promise<CustomerSummaryRow[]> {
  const table = await openTable(path);
  const columns = matchColumns(table.headers, path);
  const rows: CustomerSummaryRow[] = [];
  for await (const { row, cells } of table.rows) {
    const fail = (field: Field, problem: string): never => {
      const id = columns.id && cells[columns.id] ? ` (customer ${cells[columns.id]})` : '';
      throw new ClienteleError('bad_request', `Line ${row}${id}, column "${columns[field]}": ${problem}.`, columns[field]);
    };
    const number = (field: Field): number => {
      const text = (cells[columns[field]!] ?? '').trim();
      if (text === '') fail(field, 'is empty');
      const value = Number(text);
      if (!Number.isFinite(value)) fail(field, `"${text}" is not a number`);
      if (value < 0) fail(field, `${text} is negative`);
      return value;
    };
    const x = number('x');
    if (!Number.isInteger(x)) fail('x', `${x} is not a whole number of repeat purchases`);
    const tx = number('tx');
    const T = number('T');
    if (tx > T) fail('tx', `the recency ${tx} is later than the age T = ${T}`);
    if (x === 0 && tx !== 0) fail('tx', `the recency is ${tx} but a customer without repeat purchases has recency 0`);
    rows.push(columns.meanValue ? { x, tx, T, meanValue: number('meanValue') } : { x, tx, T });
  }
  if (rows.length === 0) throw new ClienteleError('bad_request', `${path} has a header but no customers.`, 'file');
  return rows;
}

/** Reads a summary file and fits the models on it in a worker thread. */
export async function fitSummaryFile(path: string, unit: TimeUnit): Promise<SummaryFit> {
  const rows = await readSummaryFile(path);
  try {
    return await runInWorker('fitSummaries', { rows, unit });
  } catch (error) {
    throw asClienteleError(error);
  }
}
