// Values → one line of CSV as PostgreSQL's COPY (format csv) reads it: an unquoted empty field
// is NULL, a quoted one is the empty string, arrays are array literals, objects JSON.

function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.includes('"') ? `"${value.replace(/"/g, '""')}"` : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = value instanceof Date ? value.toISOString()
    : Array.isArray(value) ? arrayLiteral(value)
      : typeof value === 'object' ? JSON.stringify(value)
        : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\n`;
}
