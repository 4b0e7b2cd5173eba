// Rows as COPY ... (format csv) reads them. An unquoted empty field is NULL and a quoted one
// is the empty string, so every text is quoted and only null is left bare.

export type CsvValue = string | number | boolean | null;

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be written to the database`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return quote(value);
}

export const csvRow = (values: readonly CsvValue[]) => `${values.map(csvField).join(',')}\n`;

/** A text[] literal: {"a","b"}, with quotes and backslashes escaped for the array parser. */
export const pgTextArray = (values: readonly string[]) =>
  `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

/** Joins rows into pieces of about `size` characters: fewer, larger writes to COPY. */
export function* batchRows(rows: Iterable<string>, size = 1 << 16): Generator<string> {
  let batch: string[] = [];
  let length = 0;
  for (const row of rows) {
    batch.push(row);
    length += row.length;
    if (length >= size) {
      yield batch.join('');
      batch = [];
      length = 0;
    }
  }
  if (batch.length) yield batch.join('');
}
