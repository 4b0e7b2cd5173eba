// Streams the rows of a CSV, whitespace-separated or XLSX file as text cells keyed by header,
// so memory stays bounded whatever the file's size. Structural problems (an unclosed quote,
// bytes that are not UTF-8) stop the read with the row where they happened.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { ClienteleError } from '../domain/errors.js';
import { type CsvRecord, CsvSyntaxError, CsvTokenizer } from './csv-tokenizer.js';

export type Encoding = 'utf8' | 'latin1';
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

export interface TableOptions {
  format?: 'csv' | 'xlsx';
  delimiter?: Delimiter;
  encoding?: Encoding;
  sheet?: string;
  /** Headers for a file that has none (the CDNOW files); the first row is then data. */
  headers?: string[];
}

export interface TableRow {
  /** 1-based line (CSV) or row (XLSX) number in the file, header included, as a spreadsheet shows it. */
  row: number;
  cells: Record<string, string>;
  /** Set when the row's value count differs from the header's. */
  ragged?: { expected: number; actual: number };
  /** Bytes of the file read so far, for progress; absent for workbooks. */
  bytes?: number;
}

export interface Table {
  headers: string[];
  rows: AsyncIterable<TableRow>;
  /** The same rows in the arrays they are read in, for callers that go through millions (one await per batch). Read one or the other. */
  batches: AsyncIterable<TableRow[]>;
}

const CANDIDATES: Delimiter[] = [',', ';', '\t', '|'];

/** Picks the delimiter that splits the first lines into the same, largest number of fields. */
export function sniffDelimiter(sample: string): Delimiter {
  const lines = sample.split(/\r?\n/).filter((l) => l.trim()).slice(0, 20);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = first * consistent;
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  if (bestScore === 0 && lines.length > 0 && lines.every((l) => /\S\s+\S/.test(l.trim()))) return 'whitespace';
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
}

const isXlsx = (path: string, options: TableOptions) => options.format === 'xlsx' || (options.format === undefined && /\.xlsx$/i.test(path));

async function readSample(path: string, encoding: Encoding): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString(encoding).replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

function checkEncoding(values: string[], row: number, encoding: Encoding) {
  if (encoding === 'utf8' && values.some((v) => v.includes('\uFFFD'))) {
    throw new ClienteleError('bad_request', `Row ${row} is not valid UTF-8 text. If the file was saved as Latin-1 (Windows-1252), import it with --encoding latin1.`, 'encoding');
  }
}

function keyed(headers: string[], values: string[], row: number): TableRow {
  const cells: Record<string, string> = {};
  for (let i = 0; i < headers.length; i++) cells[headers[i]!] = (values[i] ?? '').trim();
  // A trailing delimiter (empty extra values) is common in exports and harmless.
  const ragged = values.length < headers.length || values.slice(headers.length).some((v) => v.trim() !== '');
  return ragged ? { row, cells, ragged: { expected: headers.length, actual: values.length } } : { row, cells };
}

const isBlank = (values: string[]) => values.every((v) => v.trim() === '');

interface RawBatch {
  records: CsvRecord[];
  /** Bytes of the file read so far. */
  bytes: number;
  /** Whether the text decoded so far held a replacement character, left by bytes that are not UTF-8. */
  suspect: boolean;
}

async function openCsv(path: string, options: TableOptions): Promise<Table> {
  const encoding = options.encoding ?? 'utf8';
  const delimiter = options.delimiter ?? sniffDelimiter(await readSample(path, encoding));
  const source = delimiter === 'whitespace' ? whitespaceBatches(path, encoding) : csvBatches(path, encoding, delimiter);
  const iterator = source[Symbol.asyncIterator]();
  let headers = options.headers;
  let first = await iterator.next();
  while (!first.done && first.value.records.length === 0) first = await iterator.next();
  const firstBatch = first.done ? undefined : first.value;
  if (firstBatch && !headers) {
    const header = firstBatch.records.shift()!;
    checkEncoding(header.values, header.line, encoding);
    headers = header.values.map((h, i) => h.trim() || `column ${i + 1}`);
  }
  const finalHeaders = headers ?? [];
  const toRows = ({ records, bytes, suspect }: RawBatch): TableRow[] => {
    const out: TableRow[] = [];
    for (const { values, line } of records) {
      if (isBlank(values)) continue;
      if (suspect) checkEncoding(values, line, encoding);
      const row = keyed(finalHeaders, values, line);
      row.bytes = bytes;
      out.push(row);
    }
    return out;
  };
  async function* batches(): AsyncGenerator<TableRow[]> {
    if (firstBatch) yield toRows(firstBatch);
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield toRows(next.value);
    }
  }
  return tableOf(finalHeaders, batches());
}

/** A table over batches of rows; `rows` reads the same batches one row at a time. */
function tableOf(headers: string[], batches: AsyncGenerator<TableRow[]>): Table {
  async function* rows(): AsyncGenerator<TableRow> {
    for await (const batch of batches) yield* batch;
  }
  return { headers, rows: rows(), batches };
}

const READ_CHUNK = 1 << 16;

async function* csvBatches(path: string, encoding: Encoding, delimiter: string): AsyncGenerator<RawBatch> {
  const tokenizer = new CsvTokenizer(delimiter);
  const decoder = new StringDecoder(encoding);
  let bytes = 0;
  let suspect = false;
  const decoded = (text: string) => {
    if (encoding === 'utf8' && !suspect && text.includes('\uFFFD')) suspect = true;
    return text;
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK })) {
      bytes += (chunk as Buffer).length;
      yield { records: tokenizer.push(decoded(decoder.write(chunk as Buffer))), bytes, suspect };
    }
    yield { records: [...tokenizer.push(decoded(decoder.end())), ...tokenizer.end()], bytes, suspect };
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new ClienteleError('bad_request', `The file is not valid CSV near row ${error.line}: ${error.message}.`, 'file', { cause: error });
    }
    throw error;
  }
}

async function* whitespaceBatches(path: string, encoding: Encoding): AsyncGenerator<RawBatch> {
  const lines = createInterface({ input: createReadStream(path, { encoding }), crlfDelay: Infinity });
  let line = 0;
  let bytes = 0;
  let records: CsvRecord[] = [];
  for await (const text of lines) {
    line++;
    bytes += text.length + 1;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (trimmed) records.push({ values: trimmed.split(/\s+/), line });
    if (records.length >= 1000) {
      yield { records, bytes, suspect: true };
      records = [];
    }
  }
  yield { records, bytes, suspect: true };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

async function openXlsx(path: string, options: TableOptions): Promise<Table> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache' });
  const sheets = workbook[Symbol.asyncIterator]();
  let sheet: ExcelJS.stream.xlsx.WorksheetReader | undefined;
  for (;;) {
    const next = await sheets.next();
    if (next.done) break;
    const name = (next.value as unknown as { name?: string }).name;
    if (!options.sheet || name === options.sheet) {
      sheet = next.value;
      break;
    }
  }
  if (!sheet) {
    throw new ClienteleError('bad_request', options.sheet ? `The workbook has no sheet named "${options.sheet}".` : 'The workbook has no sheet.', 'sheet');
  }
  const rowIterator = sheet[Symbol.asyncIterator]();
  const valuesOf = (row: ExcelJS.Row) => {
    const out: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => { out[col - 1] = cellText(cell.value); });
    return Array.from(out, (v) => v ?? '');
  };
  let headers = options.headers;
  let firstData: ExcelJS.Row | undefined;
  const first = await rowIterator.next();
  if (!first.done) {
    if (headers) firstData = first.value;
    else headers = valuesOf(first.value).map((h, i) => h.trim() || `column ${i + 1}`);
  }
  const finalHeaders = headers ?? [];
  // A workbook stores no cell after a row's last value: blank trailing cells are not missing ones.
  const padded = (values: string[]) => (values.length < finalHeaders.length ? [...values, ...Array<string>(finalHeaders.length - values.length).fill('')] : values);
  async function* batches(): AsyncGenerator<TableRow[]> {
    if (firstData) yield [keyed(finalHeaders, padded(valuesOf(firstData)), firstData.number)];
    for (;;) {
      const next = await rowIterator.next();
      if (next.done) return;
      const values = valuesOf(next.value);
      if (isBlank(values)) continue;
      yield [keyed(finalHeaders, padded(values), next.value.number)];
    }
  }
  return tableOf(finalHeaders, batches());
}

export async function openTable(path: string, options: TableOptions = {}): Promise<Table> {
  try {
    return isXlsx(path, options) ? await openXlsx(path, options) : await openCsv(path, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ClienteleError('not_found', `There is no file ${path}.`, 'file');
    throw error;
  }
}
