// Time in the demo is plain milliseconds since the epoch, UTC; people work on weekdays.
import type { Random } from './seeded-random.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const YEAR = 365.25 * DAY;

export const iso = (ms: number) => new Date(ms).toISOString();

/** Moves a moment to a plausible working time that day: weekdays 8:00–18:00, or any day until 22:00 for consumers. */
export function workingTime(ms: number, r: Random, weekdaysOnly = true): number {
  let day = Math.floor(ms / DAY) * DAY;
  if (weekdaysOnly) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 6) day += 2 * DAY;
    else if (weekday === 0) day += DAY;
  }
  const minute = weekdaysOnly ? r.int(8 * 60, 17 * 60 + 59) : r.int(8 * 60, 21 * 60 + 59);
  return day + minute * 60_000;
}

/** The same calendar day `years` earlier, at midnight UTC. */
export function yearsBefore(ms: number, years: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear() - years, d.getUTCMonth(), d.getUTCDate());
}
