// Whole UTC days. The portfolio analytics never need the time of day, and working in days
// keeps "as of 30 June" meaning the whole of 30 June wherever the server runs. Days are
// converted with integer arithmetic (proleptic Gregorian calendar) rather than Date objects,
// because a portfolio run converts a few hundred thousand of them.

/** The number of days in "the last 12 months", so the two yearly periods are equal in length. */
export const YEAR_DAYS = 365;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month]!;
}

/** The value of `length` decimal digits of `text` from `at`, or -1 when one of them is not a digit. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Days since 1970-01-01 of a YYYY-MM-DD day (proleptic Gregorian), or NaN when it is not a
 * real day. Read digit by digit: a run converts every purchase day of every account, and this
 * is faster than a regular expression or a memo keyed by the text.
 */
function parseDay(day: string): number {
  if (day.length !== 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45) return NaN;
  const year = digits(day, 0, 4);
  const month = digits(day, 5, 2);
  const date = digits(day, 8, 2);
  if (year < 0 || month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return NaN;
  return civilDays(year, month, date);
}

/** An ISO timestamp in UTC as toISOString writes it (YYYY-MM-DDTHH:MM:SS.sssZ) or without the milliseconds. */
function isUtcTimestamp(text: string): boolean {
  if (text.length !== 24 && text.length !== 20) return false;
  if (text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || text.charCodeAt(text.length - 1) !== 90) return false;
  const hours = digits(text, 11, 2);
  const minutes = digits(text, 14, 2);
  const seconds = digits(text, 17, 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return false;
  return text.length === 20 || (text.charCodeAt(19) === 46 && digits(text, 20, 3) >= 0);
}

// dayFromNumber builds text; a portfolio has few distinct days and converts each of them many
// times. The memo is bounded so a long-running server cannot grow it forever.
const MEMO_LIMIT = 100_000;
const dayOfNumber = new Map<number, string>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** The UTC day (YYYY-MM-DD) of a date or a timestamp. */
export function utcDay(text: string): string {
  if (text.length === 10) {
    if (!Number.isNaN(parseDay(text))) return text;
    throw new RangeError(`"${text}" is not a date`);
  }
  // A timestamp already in UTC starts with its day; any other form goes through Date.
  if (isUtcTimestamp(text) && !Number.isNaN(parseDay(text.slice(0, 10)))) return text.slice(0, 10);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new RangeError(`"${text}" is not a date`);
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 for a YYYY-MM-DD day. */
export function dayNumber(day: string): number {
  const n = parseDay(day);
  if (Number.isNaN(n)) throw new RangeError(`"${day}" is not a day`);
  return n;
}

/** The YYYY-MM-DD day of a day number. */
export function dayFromNumber(n: number): string {
  return dayOfNumber.get(n) ?? remember(dayOfNumber, n, computeDayFromNumber(n));
}

/** H. Hinnant's days_from_civil. */
function civilDays(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** H. Hinnant's civil_from_days. */
function computeDayFromNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The day `days` days before `day` (after it when negative). */
export function daysBefore(day: string, days: number): string {
  return dayFromNumber(dayNumber(day) - days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
