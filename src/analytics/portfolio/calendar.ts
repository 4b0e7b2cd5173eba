// Whole UTC days. The portfolio analytics never need the time of day, and working in days
// keeps "as of 30 June" meaning the whole of 30 June wherever the server runs. Days are
// converted with integer arithmetic (proleptic Gregorian calendar) rather than Date objects,
// because a portfolio run converts a few hundred thousand of them.

const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The number of days in "the last 12 months", so the two yearly periods are equal in length. */
export const YEAR_DAYS = 365;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const THIRTY_DAY_MONTHS = new Set([4, 6, 9, 11]);

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : THIRTY_DAY_MONTHS.has(month) ? 30 : 31;
}

/** Year, month and day of a YYYY-MM-DD day, or null when it is not a real day. */
function parts(day: string): [number, number, number] | null {
  const match = BARE_DATE.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return null;
  return [year, month, date];
}

// A portfolio has few distinct days and converts each of them many times; these memos keep
// the conversions cheap. They are bounded so a long-running server cannot grow them forever.
const MEMO_LIMIT = 100_000;
const numberOfDay = new Map<string, number>();
const dayOfNumber = new Map<number, string>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** The UTC day (YYYY-MM-DD) of a date or a timestamp. */
export function utcDay(text: string): string {
  if (text.length === 10) {
    if (numberOfDay.has(text)) return text;
    if (parts(text)) {
      remember(numberOfDay, text, computeDayNumber(text));
      return text;
    }
    throw new RangeError(`"${text}" is not a date`);
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new RangeError(`"${text}" is not a date`);
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 for a YYYY-MM-DD day. */
export function dayNumber(day: string): number {
  return numberOfDay.get(day) ?? remember(numberOfDay, day, computeDayNumber(day));
}

/** The YYYY-MM-DD day of a day number. */
export function dayFromNumber(n: number): string {
  return dayOfNumber.get(n) ?? remember(dayOfNumber, n, computeDayFromNumber(n));
}

/** H. Hinnant's days_from_civil. */
function computeDayNumber(day: string): number {
  const p = parts(day);
  if (!p) throw new RangeError(`"${day}" is not a day`);
  const [y0, m, d] = p;
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
