// From the purchase histories the store keeps (one entry per account and purchase day) to what
// the lifetime-value models read: each customer's repeat purchases x, recency t_x and age T as
// of a day, and the mean value of their repeat purchases. Same-day orders are already one
// purchase day, so a customer's first purchase day starts their clock and every later day is
// one repeat purchase (Fader, Hardie & Lee 2005).
//
// The figures are held column by column in typed arrays: a portfolio run reads a million
// customers, and one small object per customer would cost more than the fit itself.

import { dayNumber } from '../portfolio/calendar.js';
import type { PortfolioColumns } from '../portfolio/portfolio-columns.js';
import type { PurchaseHistory } from '../../domain/portfolio/facts.js';
import type { PreparedTriples } from './bgnbd-likelihood.js';
import { distinctKeys } from './distinct-keys.js';
import { DAYS_PER_UNIT, type TimeUnit } from './time-unit.js';

export interface CustomerHistories {
  /** The last day counted (YYYY-MM-DD); later purchase days are ignored. */
  asOf: string;
  unit: TimeUnit;
  /** Customers in the order of the histories given, those without a purchase by asOf left out. */
  accountIds: Float64Array;
  /** Repeat purchase days up to asOf. */
  x: Int32Array;
  /** Days from the first purchase to the last one (t_x) and to asOf (T). */
  recencyDays: Int32Array;
  ageDays: Int32Array;
  /**
   * Mean value in cents of the repeat purchase days (the first purchase day left out, as in
   * the Gamma-Gamma model of Fader, Hardie & Lee); 0 when x = 0.
   */
  meanValue: Float64Array;
}

/** Throws a RangeError unless `day` is a real YYYY-MM-DD day. */
export function requireDay(day: string, field: string): number {
  try {
    return dayNumber(day);
  } catch {
    throw new RangeError(`${field} must be a date written YYYY-MM-DD, got "${day}"`);
  }
}

/** Each customer's x, t_x, T and mean repeat value as of `asOf` (inclusive), in whole days. */
export function summarizeHistories(histories: readonly PurchaseHistory[], asOf: string, unit: TimeUnit): CustomerHistories {
  const asOfDay = requireDay(asOf, 'asOf');
  const n = histories.length;
  const accountIds = new Float64Array(n);
  const x = new Int32Array(n);
  const recencyDays = new Int32Array(n);
  const ageDays = new Int32Array(n);
  const meanValue = new Float64Array(n);
  let count = 0;
  for (const { accountId, days } of histories) {
    const firstDay = days[0];
    if (!firstDay || firstDay.day > asOf) continue;
    const first = dayNumber(firstDay.day);
    // Days are in order and YYYY-MM-DD compares as text: only the last one counted is parsed.
    let end = 1;
    let repeatValue = 0;
    while (end < days.length && days[end]!.day <= asOf) repeatValue += days[end++]!.revenue;
    const repeats = end - 1;
    const last = repeats === 0 ? first : dayNumber(days[end - 1]!.day);
    accountIds[count] = accountId;
    x[count] = repeats;
    recencyDays[count] = last - first;
    ageDays[count] = asOfDay - first;
    meanValue[count] = repeats === 0 ? 0 : repeatValue / repeats;
    count++;
  }
  // Views rather than copies: fresh buffers would add to the external memory that prompts a full GC.
  return {
    asOf, unit,
    accountIds: accountIds.subarray(0, count), x: x.subarray(0, count), recencyDays: recencyDays.subarray(0, count),
    ageDays: ageDays.subarray(0, count), meanValue: meanValue.subarray(0, count),
  };
}

/**
 * The same figures from a portfolio's columns (portfolio-columns.ts): what a run fits on, with
 * `at[k]` the position in the columns of customer k. Only the typed arrays cross to the worker.
 */
export function summarizeColumnHistories(columns: PortfolioColumns, asOf: string, unit: TimeUnit): CustomerHistories & { at: Int32Array } {
  const asOfDay = requireDay(asOf, 'asOf');
  const { ids, offsets, days, revenue } = columns;
  const n = ids.length;
  const accountIds = new Float64Array(n);
  const x = new Int32Array(n);
  const recencyDays = new Int32Array(n);
  const ageDays = new Int32Array(n);
  const meanValue = new Float64Array(n);
  const at = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const stop = offsets[i + 1]!;
    if (start === stop || days[start]! > asOfDay) continue;
    let end = start + 1;
    let repeatValue = 0;
    while (end < stop && days[end]! <= asOfDay) repeatValue += revenue[end++]!;
    const repeats = end - start - 1;
    accountIds[count] = ids[i]!;
    x[count] = repeats;
    recencyDays[count] = days[end - 1]! - days[start]!;
    ageDays[count] = asOfDay - days[start]!;
    meanValue[count] = repeats === 0 ? 0 : repeatValue / repeats;
    at[count] = i;
    count++;
  }
  return {
    asOf, unit,
    accountIds: accountIds.subarray(0, count), x: x.subarray(0, count), recencyDays: recencyDays.subarray(0, count),
    ageDays: ageDays.subarray(0, count), meanValue: meanValue.subarray(0, count), at: at.subarray(0, count),
  };
}

export interface DistinctTriples {
  /** Each distinct (x, t_x, T) once, in the model's unit, weighted by the customers sharing it. */
  prepared: PreparedTriples;
  /** For each customer, the index of their triple. */
  tripleOf: Int32Array;
}

/** Beyond this many days (about 570 years) a packed (x, t_x, T) key would not be exact. */
const MAX_SPAN_DAYS = Math.floor(Math.cbrt(Number.MAX_SAFE_INTEGER));

/**
 * Merges customers with the same history and lays the distinct histories out for the
 * likelihood. Histories are whole days and x is at most the age in days, so (x, t_x, T) packs
 * into one exact integer; every distinct x and every day up to the oldest age is listed
 * densely, so the likelihood needs no lookup. This is what keeps a million customers quick to
 * fit: they share far fewer distinct histories.
 */
export function distinctTriples(customers: CustomerHistories): DistinctTriples {
  const { x, recencyDays, ageDays, unit } = customers;
  const n = x.length;
  const perUnit = DAYS_PER_UNIT[unit];
  let maxAge = 0;
  let maxX = 0;
  for (let i = 0; i < n; i++) {
    if (ageDays[i]! > maxAge) maxAge = ageDays[i]!;
    if (x[i]! > maxX) maxX = x[i]!;
  }
  const span = maxAge + 1;
  if (span > MAX_SPAN_DAYS) throw new RangeError(`histories: a first purchase ${maxAge} days before asOf is too far back to model`);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (x[i]! * span + recencyDays[i]!) * span + ageDays[i]!;
  const { indexOf, firstAt, counts } = distinctKeys(keys);

  const m = firstAt.length;
  const frequencyIndex = new Int32Array(m);
  const recencyIndex = new Int32Array(m);
  const ageIndex = new Int32Array(m);
  const frequencyWeight = new Float64Array(maxX + 1);
  let totalWeight = 0;
  for (let j = 0; j < m; j++) {
    const i = firstAt[j]!;
    frequencyIndex[j] = x[i]!;
    recencyIndex[j] = recencyDays[i]!;
    ageIndex[j] = ageDays[i]!;
    frequencyWeight[x[i]!]! += counts[j]!;
    totalWeight += counts[j]!;
  }
  const prepared: PreparedTriples = {
    weight: counts, frequencyIndex, recencyIndex, ageIndex,
    frequencies: Float64Array.from({ length: maxX + 1 }, (_, k) => k),
    frequencyWeight,
    times: Float64Array.from({ length: span }, (_, day) => day / perUnit),
    totalWeight,
  };
  return { prepared, tripleOf: indexOf };
}
