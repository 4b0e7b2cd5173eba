// What commands print: aligned tables for people, JSON for scripts.
import { Option } from 'commander';

export const OUTPUT_FORMATS = ['table', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const formatOption = () => new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('table');

const MAX_CELL = 40;

const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
};

/** Columns as [heading, value of a row]; long values are cut so rows stay on one line. */
export function formatTable<T>(rows: readonly T[], columns: readonly (readonly [string, (row: T) => unknown])[]): string {
  const cells = rows.map((row) => columns.map(([, get]) => cell(get(row))));
  const widths = columns.map(([heading], i) => Math.max(heading.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: readonly string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns.map(([heading]) => heading)), ...cells.map(line)].join('\n');
}

/** Label/value lines, labels aligned. */
export function formatFields(fields: readonly (readonly [string, unknown])[], indent = '  '): string {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value === null || value === undefined || value === '' ? '–' : String(value)}`).join('\n');
}

export const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

export const printJson = (value: unknown): void => print(JSON.stringify(value, null, 2));

/** A date-time as people read it in a table: 2025-03-14 09:30 (UTC). */
export const shortTime = (isoTime: string | null) => (isoTime ? isoTime.slice(0, 16).replace('T', ' ') : '');
