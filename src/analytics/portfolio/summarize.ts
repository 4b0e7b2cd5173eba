// Per-account purchase summaries, from a batch of orders or maintained one order at a time.
// Both paths keep the same state (the account's purchase days), and a summary is always
// projected from that state as of a day, so a rebuild and incremental upkeep cannot drift.
import { cents } from '../../domain/money.js';
import { YEAR_DAYS, dayNumber, daysBefore, utcDay } from './calendar.js';
import { mean, median } from './statistics.js';
import type { AccountSummary, OrderFact, PurchaseDay, PurchaseHistory } from './types.js';

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

function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** The summary of a history as of a day: purchases after that day are left out. */
export function summarizeHistory(history: PurchaseHistory, asOf: string): AccountSummary {
  const asOfDay = utcDay(asOf);
  const purchases = history.days.slice(0, lowerBound(history.days, daysBefore(asOfDay, -1)));
  const yearStart = daysBefore(asOfDay, YEAR_DAYS);
  const previousYearStart = daysBefore(asOfDay, 2 * YEAR_DAYS);
  let orderCount = 0;
  let revenue = 0;
  let revenueLast12Months = 0;
  let revenuePrevious12Months = 0;
  let purchasesLast12Months = 0;
  let purchasesPrevious12Months = 0;
  for (const purchase of purchases) {
    orderCount += purchase.orders;
    revenue += purchase.revenue;
    if (purchase.day > yearStart) {
      revenueLast12Months += purchase.revenue;
      purchasesLast12Months += 1;
    } else if (purchase.day > previousYearStart) {
      revenuePrevious12Months += purchase.revenue;
      purchasesPrevious12Months += 1;
    }
  }
  const dayNumbers = purchases.map((purchase) => dayNumber(purchase.day));
  const gaps = dayNumbers.slice(1).map((n, i) => n - dayNumbers[i]!);
  const last = dayNumbers.at(-1);
  return {
    accountId: history.accountId,
    asOf: asOfDay,
    orderCount,
    purchaseDayCount: purchases.length,
    revenue: cents(revenue),
    averageTicket: orderCount === 0 ? null : cents(roundHalfAwayFromZero(revenue / orderCount)),
    firstPurchase: purchases[0]?.day ?? null,
    lastPurchase: purchases.at(-1)?.day ?? null,
    daysSinceLastPurchase: last === undefined ? null : dayNumber(asOfDay) - last,
    meanGapDays: mean(gaps),
    medianGapDays: median(gaps),
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
