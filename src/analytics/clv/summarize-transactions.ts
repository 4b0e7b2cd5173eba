// From a transaction log to the models' inputs, with the rules of Fader, Hardie & Lee (2005):
// purchases on the same day are one transaction; a customer's first purchase starts their
// clock and is not a repeat purchase; the calibration period runs to a chosen last day
// (inclusive), and purchases after it up to the hold-out end are counted for validation.

import { dayFromNumber, dayNumber } from '../portfolio/calendar.js';
import type { RfmTriple } from './rfm-triples.js';
import { DAYS_PER_UNIT, type TimeUnit } from './time-unit.js';

export interface Transaction {
  customerId: string;
  /** YYYY-MM-DD */
  date: string;
  /** In any currency unit (whole cents in Clientele); mean values come out in the same unit. */
  amount: number;
}

export interface PurchaseDay {
  /** Days since 1970-01-01. */
  day: number;
  /** Sum of the amounts of the customer's transactions that day. */
  amount: number;
}

export interface CustomerPurchases {
  customerId: string;
  /** One entry per day with a purchase, in date order. */
  days: PurchaseDay[];
}

export interface SummaryOptions {
  /** Last day of the calibration period, YYYY-MM-DD. */
  calibrationEnd: string;
  /** Last day of the hold-out period, YYYY-MM-DD; without it no hold-out purchases are counted. */
  holdoutEnd?: string;
  unit: TimeUnit;
}

export interface CustomerSummary extends RfmTriple {
  customerId: string;
  /** YYYY-MM-DD */
  firstPurchase: string;
  /** Mean amount of the repeat purchases in the calibration period; 0 when x = 0. */
  meanValue: number;
  /** Purchase days after the calibration end, up to the hold-out end. */
  holdoutPurchases: number;
}

function requireDay(date: string, field: string): number {
  try {
    return dayNumber(date);
  } catch {
    throw new RangeError(`${field} must be a date written YYYY-MM-DD, got "${date}"`);
  }
}

/**
 * Groups transactions by customer and merges each customer's transactions of one day into a
 * single purchase. Customers come out in order of first appearance. Throws a RangeError naming
 * the transaction when a date or amount is unusable.
 */
export function collapseToPurchaseDays(transactions: readonly Transaction[]): CustomerPurchases[] {
  const byCustomer = new Map<string, Map<number, number>>();
  transactions.forEach(({ customerId, date, amount }, index) => {
    const day = requireDay(date, `transactions[${index}].date`);
    if (!Number.isFinite(amount)) throw new RangeError(`transactions[${index}].amount must be a finite number, got ${amount}`);
    let days = byCustomer.get(customerId);
    if (!days) byCustomer.set(customerId, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + amount);
  });
  return [...byCustomer].map(([customerId, days]) => ({
    customerId,
    days: [...days].sort(([a], [b]) => a - b).map(([day, amount]) => ({ day, amount })),
  }));
}

/**
 * The calibration summary of each customer whose first purchase falls on or before the
 * calibration end; later customers are left out, as they had not yet been acquired.
 */
export function summarizePurchases(customers: readonly CustomerPurchases[], options: SummaryOptions): CustomerSummary[] {
  const end = requireDay(options.calibrationEnd, 'calibrationEnd');
  const holdoutEnd = options.holdoutEnd === undefined ? end : requireDay(options.holdoutEnd, 'holdoutEnd');
  if (holdoutEnd < end) throw new RangeError(`holdoutEnd ${options.holdoutEnd} is before calibrationEnd ${options.calibrationEnd}`);
  const perUnit = DAYS_PER_UNIT[options.unit];
  const summaries: CustomerSummary[] = [];
  for (const { customerId, days } of customers) {
    const first = days[0];
    if (!first || first.day > end) continue;
    let x = 0;
    let last = first.day;
    let repeatAmount = 0;
    let holdoutPurchases = 0;
    for (const { day, amount } of days.slice(1)) {
      if (day <= end) {
        x++;
        last = day;
        repeatAmount += amount;
      } else if (day <= holdoutEnd) {
        holdoutPurchases++;
      }
    }
    summaries.push({
      customerId,
      firstPurchase: dayFromNumber(first.day),
      x,
      tx: (last - first.day) / perUnit,
      T: (end - first.day) / perUnit,
      meanValue: x === 0 ? 0 : repeatAmount / x,
      holdoutPurchases,
    });
  }
  return summaries;
}

/** collapseToPurchaseDays then summarizePurchases. */
export function summarizeTransactions(transactions: readonly Transaction[], options: SummaryOptions): CustomerSummary[] {
  return summarizePurchases(collapseToPurchaseDays(transactions), options);
}

export interface TrackingHistory {
  /** Time of the first purchase, in units since the origin. */
  birth: number;
  /** Times of the repeat purchases up to the end, in units since the origin. */
  repeatTimes: number[];
}

/**
 * Purchase times on one clock for the whole cohort (units since `origin`), for tracking
 * cumulative repeat purchases period by period. Customers first buying after `end` are left out.
 */
export function trackingHistories(customers: readonly CustomerPurchases[], options: { origin: string; end: string; unit: TimeUnit }): TrackingHistory[] {
  const origin = requireDay(options.origin, 'origin');
  const end = requireDay(options.end, 'end');
  const perUnit = DAYS_PER_UNIT[options.unit];
  const histories: TrackingHistory[] = [];
  for (const { days } of customers) {
    const first = days[0];
    if (!first || first.day > end) continue;
    histories.push({
      birth: (first.day - origin) / perUnit,
      repeatTimes: days.slice(1).filter(({ day }) => day <= end).map(({ day }) => (day - origin) / perUnit),
    });
  }
  return histories;
}
