// Dates in imported files come as ISO (2024-03-05), compact (20240305), day-first (05/03/2024)
// or month-first (03/05/2024). The format is stated or detected from the whole column; a
// column that fits both day-first and month-first is reported as ambiguous, never guessed.

import { isYearInRange } from '../domain/date-range.js';

import { DATE_FORMATS, type DateFormat } from '../domain/import-vocabulary.js';

export { DATE_FORMATS, type DateFormat };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(year: number, month: number, day: number): boolean {
  // Outside the stored range (docs/limits.md) a date is a typing mistake, never a customer's.
  if (!isYearInRange(year)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0);
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) - (Number(y) > 69 ? 100 : 0) : Number(y));
const pad = (v: number, n = 2) => String(v).padStart(n, '0');

function build(year: number, month: number, day: number, hh = '0', mm = '0', ss = '0', zone?: string, fraction = ''): string | undefined {
  if (!validDate(year, month, day)) return undefined;
  const h = Number(hh), m = Number(mm), s = Number(ss);
  if (h > 23 || m > 59 || s > 59) return undefined;
  // Milliseconds are kept, as the store keeps them; finer digits are dropped.
  const local = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(m)}:${pad(s)}.${fraction.slice(0, 3).padEnd(3, '0')}`;
  if (!zone || zone === 'Z') return `${local}Z`;
  const offset = zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return new Date(`${local}${offset}`).toISOString();
}

/** Parses one value in a known format to an ISO timestamp (UTC), or undefined when it does not fit. */
export function parseDate(text: string, format: DateFormat): string | undefined {
  const value = text.trim();
  if (format === 'iso') {
    const m = ISO.exec(value);
    return m ? build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6], m[8], m[7]) : undefined;
  }
  if (format === 'ymd_compact') {
    const m = COMPACT.exec(value);
    return m ? build(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  }
  const m = SLASHED.exec(value);
  if (!m) return undefined;
  const [first, second] = [Number(m[1]), Number(m[2])];
  const year = fullYear(m[3]!);
  return format === 'dmy' ? build(year, second, first, m[4], m[5], m[6]) : build(year, first, second, m[4], m[5], m[6]);
}

export type DateDetection =
  | { kind: 'detected'; format: DateFormat }
  | { kind: 'ambiguous'; formats: DateFormat[]; message: string }
  | { kind: 'unknown'; message: string };

/**
 * Picks the one format that every non-empty sample value fits. Day-first and month-first both
 * fitting (every day ≤ 12) is ambiguous; the caller must ask for `--date-format`.
 */
export function detectDateFormat(samples: readonly string[]): DateDetection {
  const values = samples.map((s) => s.trim()).filter(Boolean);
  if (values.length === 0) return { kind: 'unknown', message: 'The column has no dates to detect a format from.' };
  const fitting = DATE_FORMATS.filter((format) => values.every((v) => parseDate(v, format) !== undefined));
  if (fitting.length === 1) return { kind: 'detected', format: fitting[0]! };
  if (fitting.length === 0) {
    const bad = values.find((v) => DATE_FORMATS.every((f) => parseDate(v, f) === undefined)) ?? values[0];
    return { kind: 'unknown', message: `"${bad}" is not a date in any known format (YYYY-MM-DD, YYYYMMDD, DD/MM/YYYY, MM/DD/YYYY), or the column mixes formats.` };
  }
  return {
    kind: 'ambiguous',
    formats: fitting,
    message: `Dates such as "${values[0]}" read as day-first and as month-first; state the format with --date-format dmy or mdy.`,
  };
}
