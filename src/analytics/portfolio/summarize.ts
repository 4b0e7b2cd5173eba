// Per-account purchase summaries, from a batch of orders or maintained one order at a time.
// Both paths keep the same state (the account's purchase days), and a summary is always
// projected from that state as of a day, so a rebuild and incremental upkeep cannot drift.
import { cents } from '../../domain/money.js';
import { YEAR_DAYS, dayNumber, daysBefore, utcDay } from './calendar.js';
import { quantile, roundHalfAwayFromZero, sortSmall } from './statistics.js';
import type { AccountSummary, OrderFact, PurchaseDay, PurchaseHistory } from '../../domain/portfolio/facts.js';

export function emptyHistory(accountId: number): PurchaseHistory {
  return { accountId, days: [] };
}

/** Index of the first purchase day not before `day`. */
function lowerBound(days: readonly PurchaseDay[], day: string): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (days[middle]!.day < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

function checkAccount(history: PurchaseHistory, order: OrderFact) {
  if (order.accountId !== history.accountId) {
    throw new RangeError(`order of account ${order.accountId} given to the history of account ${history.accountId}`);
  }
}

/** The history with one more order; the original is left as it was. */
export function applyOrder(history: PurchaseHistory, order: OrderFact): PurchaseHistory {
  checkAccount(history, order);
  const day = utcDay(order.orderedAt);
  const days = history.days.slice();
  const index = lowerBound(days, day);
  const existing = days[index];
  if (existing?.day === day) {
    days[index] = { day, orders: existing.orders + 1, revenue: cents(existing.revenue + order.total) };
  } else {
    days.splice(index, 0, { day, orders: 1, revenue: order.total });
  }
  return { accountId: history.accountId, days };
}

/** The history without an order applied earlier (a cancellation, or the old side of an edit). */
export function removeOrder(history: PurchaseHistory, order: OrderFact): PurchaseHistory {
  checkAccount(history, order);
  const day = utcDay(order.orderedAt);
  const days = history.days.slice();
  const index = lowerBound(days, day);
  const existing = days[index];
  if (existing?.day !== day) throw new RangeError(`account ${history.accountId} has no order on ${day} to remove`);
  if (existing.orders === 1) days.splice(index, 1);
  else days[index] = { day, orders: existing.orders - 1, revenue: cents(existing.revenue - order.total) };
  return { accountId: history.accountId, days };
}

/** Every account's history from scratch, grouping the orders by account and day. */
export function buildHistories(orders: readonly OrderFact[]): Map<number, PurchaseHistory> {
  const byAccount = new Map<number, Map<string, { orders: number; revenue: number }>>();
  for (const order of orders) {
    let byDay = byAccount.get(order.accountId);
    if (!byDay) byAccount.set(order.accountId, byDay = new Map());
    const day = utcDay(order.orderedAt);
    const entry = byDay.get(day);
    if (entry) {
      entry.orders += 1;
      entry.revenue += order.total;
    } else {
      byDay.set(day, { orders: 1, revenue: order.total });
    }
  }
  const histories = new Map<number, PurchaseHistory>();
  for (const [accountId, byDay] of byAccount) {
    const days = [...byDay].map(([day, entry]): PurchaseDay => ({ day, orders: entry.orders, revenue: cents(entry.revenue) }));
    days.sort((a, b) => (a.day < b.day ? -1 : 1));
    histories.set(accountId, { accountId, days });
  }
  return histories;
}

/** The days every summary as of one day compares against, worked out once per as-of day. */
interface SummaryDays {
  given: string;
  asOf: string;
  asOfNumber: number;
  dayAfter: string;
  yearStart: string;
  previousYearStart: string;
}

// A portfolio summarizes every account as of the same day: keep the last one worked out.
let lastDays: SummaryDays | undefined;

function summaryDays(given: string): SummaryDays {
  if (lastDays?.given === given) return lastDays;
  const asOf = utcDay(given);
  return lastDays = {
    given, asOf, asOfNumber: dayNumber(asOf), dayAfter: daysBefore(asOf, -1),
    yearStart: daysBefore(asOf, YEAR_DAYS), previousYearStart: daysBefore(asOf, 2 * YEAR_DAYS),
  };
}

// The gaps of one account at a time, sorted in place for their median.
let gapBuffer = new Float64Array(1024);

/** The summary of a history as of a day: purchases after that day are left out. */
export function summarizeHistory(history: PurchaseHistory, asOf: string): AccountSummary {
  const { asOf: asOfDay, asOfNumber, dayAfter, yearStart, previousYearStart } = summaryDays(asOf);
  const { days } = history;
  // Usually nothing is after the as-of day, and the purchases are the history's own (read-only) list.
  const count = days.length === 0 || days[days.length - 1]!.day < dayAfter ? days.length : lowerBound(days, dayAfter);
  const purchases = count === days.length ? days : days.slice(0, count);
  let orderCount = 0;
  let revenue = 0;
  let revenueLast12Months = 0;
  let revenuePrevious12Months = 0;
  let purchasesLast12Months = 0;
  let purchasesPrevious12Months = 0;
  if (gapBuffer.length < count) gapBuffer = new Float64Array(count * 2);
  const gaps = gapBuffer;
  let first = 0;
  let last = 0;
  for (let i = 0; i < count; i++) {
    const purchase = purchases[i]!;
    orderCount += purchase.orders;
    revenue += purchase.revenue;
    if (purchase.day > yearStart) {
      revenueLast12Months += purchase.revenue;
      purchasesLast12Months += 1;
    } else if (purchase.day > previousYearStart) {
      revenuePrevious12Months += purchase.revenue;
      purchasesPrevious12Months += 1;
    }
    const n = dayNumber(purchase.day);
    if (i === 0) first = n;
    else gaps[i - 1] = n - last;
    last = n;
  }
  const gapCount = Math.max(0, count - 1);
  if (gapCount < 32) sortSmall(gaps, gapCount);
  else gaps.subarray(0, gapCount).sort();
  return {
    accountId: history.accountId,
    asOf: asOfDay,
    orderCount,
    purchaseDayCount: count,
    revenue: cents(revenue),
    averageTicket: orderCount === 0 ? null : cents(roundHalfAwayFromZero(revenue / orderCount)),
    firstPurchase: count === 0 ? null : purchases[0]!.day,
    lastPurchase: count === 0 ? null : purchases[count - 1]!.day,
    daysSinceLastPurchase: count === 0 ? null : asOfNumber - last,
    // The gaps are whole days, so their sum is exactly the span from the first purchase to the last.
    meanGapDays: gapCount === 0 ? null : (last - first) / gapCount,
    medianGapDays: gapCount === 0 ? null : quantile(gapCount === gaps.length ? gaps : gaps.subarray(0, gapCount), 0.5),
    revenueLast12Months: cents(revenueLast12Months),
    revenuePrevious12Months: cents(revenuePrevious12Months),
    purchasesLast12Months,
    purchasesPrevious12Months,
    purchases,
  };
}

/** One account's summary from its orders. */
export function summarizeAccount(accountId: number, orders: readonly OrderFact[], asOf: string): AccountSummary {
  const history = buildHistories(orders.filter((order) => order.accountId === accountId)).get(accountId);
  return summarizeHistory(history ?? emptyHistory(accountId), asOf);
}

/** The summary of every account with at least one order on or before asOf, by account id. */
export function summarizePortfolio(orders: readonly OrderFact[], asOf: string): AccountSummary[] {
  const summaries: AccountSummary[] = [];
  for (const history of buildHistories(orders).values()) {
    const summary = summarizeHistory(history, asOf);
    if (summary.orderCount > 0) summaries.push(summary);
  }
  return summaries.sort((a, b) => a.accountId - b.accountId);
}
