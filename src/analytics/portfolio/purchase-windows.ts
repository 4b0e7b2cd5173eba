// Purchases in windows of days that end on, or some days before, the summary's as-of day.
import { type Cents, cents } from '../../domain/money.js';
import { YEAR_DAYS, daysBefore } from './calendar.js';
import type { RevenuePeriod } from '../../domain/portfolio/settings.js';
import type { AccountSummary } from '../../domain/portfolio/facts.js';

export interface WindowActivity {
  purchases: number;
  orders: number;
  revenue: Cents;
}

/**
 * Purchases on the `length` days that end `endDaysBefore` days before asOf: a window of 365
 * days ending on asOf runs from the day after asOf − 365 through asOf.
 */
export function activityIn(summary: AccountSummary, length: number, endDaysBefore = 0): WindowActivity {
  const last = daysBefore(summary.asOf, endDaysBefore);
  const first = daysBefore(summary.asOf, endDaysBefore + length);
  let purchases = 0;
  let orders = 0;
  let revenue = 0;
  for (const purchase of summary.purchases) {
    if (purchase.day > first && purchase.day <= last) {
      purchases += 1;
      orders += purchase.orders;
      revenue += purchase.revenue;
    }
  }
  return { purchases, orders, revenue: cents(revenue) };
}

/** Index of the first purchase day after `day`; the days are in order, as histories keep them. */
function firstAfter(purchases: AccountSummary['purchases'], day: string): number {
  let low = 0;
  let high = purchases.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (purchases[middle]!.day <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * How many purchase days fall after `after` and on or before `through`: activityIn's count of
 * purchases, by halving rather than by reading every purchase, for rules that run over every
 * account with bounds worked out once.
 */
export function purchaseDaysBetween(summary: AccountSummary, after: string, through: string): number {
  return Math.max(0, firstAfter(summary.purchases, through) - firstAfter(summary.purchases, after));
}

/** Purchases on the days from `from` through `to`, both included. */
export function activityBetween(summary: AccountSummary, from: string, to: string): WindowActivity {
  let purchases = 0;
  let orders = 0;
  let revenue = 0;
  for (const purchase of summary.purchases) {
    if (purchase.day >= from && purchase.day <= to) {
      purchases += 1;
      orders += purchase.orders;
      revenue += purchase.revenue;
    }
  }
  return { purchases, orders, revenue: cents(revenue) };
}

export function periodRevenue(summary: AccountSummary, period: RevenuePeriod): Cents {
  return period === 'lifetime' ? summary.revenue : summary.revenueLast12Months;
}

export const PERIOD_WORDS: Record<RevenuePeriod, string> = {
  last12Months: 'over the last 12 months',
  lifetime: 'since the first purchase',
};

/**
 * What an account bought in its last active year: the 365 days ending on its last purchase
 * day (up to asOf). For an inactive account, the revenue it brought while it still bought.
 */
export function revenueOfLastActiveYear(summary: AccountSummary): Cents {
  if (summary.lastPurchase === null) return cents(0);
  const from = daysBefore(summary.lastPurchase, YEAR_DAYS);
  let revenue = 0;
  for (const purchase of summary.purchases) if (purchase.day > from) revenue += purchase.revenue;
  return cents(revenue);
}

/** The settings' period, ending on the last purchase day rather than on asOf: what an inactive account is ranked on. */
export function lastActiveRevenue(summary: AccountSummary, period: RevenuePeriod): Cents {
  return period === 'lifetime' ? summary.revenue : revenueOfLastActiveYear(summary);
}

export const LAST_ACTIVE_WORDS: Record<RevenuePeriod, string> = {
  last12Months: 'over its last active year (the 12 months ending on its last purchase)',
  lifetime: 'since the first purchase',
};
