// The days Clientele stores: from 1900-01-01 to 2999-12-31 (UTC). Outside them the two engines
// disagree (PostgreSQL keeps year 0 as 1 BC; PGlite reads year 0001 back as 2001) and the
// analytics' calendar cannot count. Every date and time the API, the imports and the CLI accept
// is checked against this one range (docs/limits.md).
import { ClienteleError } from './errors.js';

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;
export const FIRST_DAY = `${FIRST_YEAR}-01-01`;
export const LAST_DAY = `${LAST_YEAR}-12-31`;

/** A day (YYYY-MM-DD) in the range; the schemas' `date` format checks that it exists. */
export const DAY_PATTERN = '^(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$';
/** A timestamp whose date is in the range, with a time of day JavaScript reads (no leap second). */
export const TIMESTAMP_PATTERN = '^(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]';

export const RANGE_IN_WORDS = `from ${FIRST_DAY} to ${LAST_DAY}`;

export const isYearInRange = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;

/** True for a real day written YYYY-MM-DD within the range. */
export function isDayInRange(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isYearInRange(Number(day.slice(0, 4)))) return false;
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}

/** The rule a day breaks, as a phrase following the field or flag that names it. */
export const DAY_RULE = `must be a day written YYYY-MM-DD, ${RANGE_IN_WORDS}`;

/** `day` when it is a real day in the range; otherwise a bad_request naming `field`. */
export function requireDay(day: string, field: string): string {
  if (isDayInRange(day)) return day;
  throw new ClienteleError('bad_request', `${field} ${DAY_RULE}, not "${day}".`, field);
}
