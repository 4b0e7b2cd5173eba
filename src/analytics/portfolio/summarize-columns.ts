// Every account's summary as of a day, as columns: the figures summarizeHistory gives one
// account, for the whole portfolio in one pass over the packed purchase days.
import { YEAR_DAYS } from './calendar.js';
import type { PortfolioColumns } from './portfolio-columns.js';
import { roundHalfAwayFromZero, sortSmall } from './statistics.js';

export interface SummaryColumns {
  /** Purchase days up to asOf, and orders and revenue on them. */
  purchaseDays: Int32Array;
  orderCount: Int32Array;
  revenue: Float64Array;
  /** Revenue per order rounded to the cent (half away from zero); NaN before the first order. */
  averageTicket: Float64Array;
  /** Day numbers; −1 before the first purchase. */
  firstPurchase: Int32Array;
  lastPurchase: Int32Array;
  /** NaN with fewer than two purchase days. */
  meanGapDays: Float64Array;
  medianGapDays: Float64Array;
  revenueLast12Months: Float64Array;
  revenuePrevious12Months: Float64Array;
  purchasesLast12Months: Int32Array;
  purchasesPrevious12Months: Int32Array;
  /** Purchase days in the active window ending on asOf, and in the window before it. */
  purchasesInWindow: Int32Array;
  purchasesInPreviousWindow: Int32Array;
}

/** The summaries of every account as of day number `asOf`, with the status windows of `windowDays`. */
export function summarizeColumns(columns: PortfolioColumns, asOf: number, windowDays: number): SummaryColumns {
  const n = columns.ids.length;
  const { offsets, days, orders, revenue: dayRevenue } = columns;
  const out: SummaryColumns = {
    purchaseDays: new Int32Array(n), orderCount: new Int32Array(n), revenue: new Float64Array(n), averageTicket: new Float64Array(n),
    firstPurchase: new Int32Array(n), lastPurchase: new Int32Array(n), meanGapDays: new Float64Array(n), medianGapDays: new Float64Array(n),
    revenueLast12Months: new Float64Array(n), revenuePrevious12Months: new Float64Array(n),
    purchasesLast12Months: new Int32Array(n), purchasesPrevious12Months: new Int32Array(n),
    purchasesInWindow: new Int32Array(n), purchasesInPreviousWindow: new Int32Array(n),
  };
  const yearStart = asOf - YEAR_DAYS;
  const previousYearStart = asOf - 2 * YEAR_DAYS;
  const nowAfter = asOf - windowDays;
  const beforeAfter = asOf - 2 * windowDays;
  let gaps = new Float64Array(1024);
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    let end = offsets[i + 1]!;
    while (end > start && days[end - 1]! > asOf) end--;
    const count = end - start;
    if (gaps.length < count) gaps = new Float64Array(count * 2);
    let orderCount = 0;
    let revenue = 0;
    let last12 = 0;
    let previous12 = 0;
    let purchases12 = 0;
    let purchasesPrevious12 = 0;
    let inWindow = 0;
    let inPreviousWindow = 0;
    let last = 0;
    for (let j = start; j < end; j++) {
      const day = days[j]!;
      orderCount += orders[j]!;
      revenue += dayRevenue[j]!;
      if (day > yearStart) {
        last12 += dayRevenue[j]!;
        purchases12 += 1;
      } else if (day > previousYearStart) {
        previous12 += dayRevenue[j]!;
        purchasesPrevious12 += 1;
      }
      if (day > nowAfter) inWindow += 1;
      else if (day > beforeAfter) inPreviousWindow += 1;
      if (j > start) gaps[j - start - 1] = day - last;
      last = day;
    }
    const gapCount = Math.max(0, count - 1);
    out.purchaseDays[i] = count;
    out.orderCount[i] = orderCount;
    out.revenue[i] = revenue;
    out.averageTicket[i] = orderCount === 0 ? Number.NaN : roundHalfAwayFromZero(revenue / orderCount);
    out.firstPurchase[i] = count === 0 ? -1 : days[start]!;
    out.lastPurchase[i] = count === 0 ? -1 : last;
    out.revenueLast12Months[i] = last12;
    out.revenuePrevious12Months[i] = previous12;
    out.purchasesLast12Months[i] = purchases12;
    out.purchasesPrevious12Months[i] = purchasesPrevious12;
    out.purchasesInWindow[i] = inWindow;
    out.purchasesInPreviousWindow[i] = inPreviousWindow;
    if (gapCount === 0) {
      out.meanGapDays[i] = Number.NaN;
      out.medianGapDays[i] = Number.NaN;
      continue;
    }
    // The gaps are whole days, so their sum is exactly the span from the first purchase to the last.
    out.meanGapDays[i] = (last - days[start]!) / gapCount;
    if (gapCount < 32) sortSmall(gaps, gapCount);
    else gaps.subarray(0, gapCount).sort();
    const middle = (gapCount - 1) >>> 1;
    // The median as quantile() interpolates it: halfway between the middle two of an even count.
    out.medianGapDays[i] = gapCount % 2 === 1 ? gaps[middle]! : gaps[middle]! + (gaps[middle + 1]! - gaps[middle]!) * 0.5;
  }
  return out;
}
