import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, utcDay } from './calendar.js';
import { applyOrder, buildHistories, emptyHistory, removeOrder, summarizeAccount, summarizeHistory } from './summarize.js';
import { AS_OF, asOfFor, orderArb } from './testing/arbitraries.js';
import type { OrderFact, PurchaseHistory } from '../../domain/portfolio/facts.js';

const ids = [1, 2, 3];
const ordersArb = fc.array(orderArb(ids), { maxLength: 60 });
const oneAccountArb = fc.array(orderArb([1]), { maxLength: 60 });
/** One account's orders, and an as-of day often on a window boundary of one of them. */
const oneAccountAsOfArb = oneAccountArb.chain((orders) => asOfFor(orders).map((asOf) => [orders, asOf] as const));

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Histories as plain sorted entries, so two maps compare whatever their insertion order. */
const entries = (histories: Map<number, PurchaseHistory>) => [...histories].sort(([a], [b]) => a - b);

describe('account summaries, for any orders', () => {
  it('add up to the orders up to the as-of day: revenue, orders, purchase days and the two yearly periods', () => {
    fc.assert(fc.property(oneAccountAsOfArb, ([orders, asOf]) => {
      const summary = summarizeAccount(1, orders, asOf);
      const upTo = orders.filter((o) => utcDay(o.orderedAt) <= asOf);
      const ago = (o: OrderFact) => dayNumber(asOf) - dayNumber(utcDay(o.orderedAt));
      expect(summary.revenue).toBe(sum(upTo.map((o) => o.total)));
      expect(summary.revenue).toBe(sum(summary.purchases.map((p) => p.revenue)));
      expect(summary.orderCount).toBe(upTo.length);
      expect(summary.orderCount).toBe(sum(summary.purchases.map((p) => p.orders)));
      expect(summary.purchaseDayCount).toBe(new Set(upTo.map((o) => utcDay(o.orderedAt))).size);
      expect(summary.revenueLast12Months).toBe(sum(upTo.filter((o) => ago(o) < 365).map((o) => o.total)));
      expect(summary.revenuePrevious12Months).toBe(sum(upTo.filter((o) => ago(o) >= 365 && ago(o) < 730).map((o) => o.total)));
      expect(summary.purchasesLast12Months + summary.purchasesPrevious12Months)
        .toBe(new Set(upTo.filter((o) => ago(o) < 730).map((o) => utcDay(o.orderedAt))).size);
    }));
  });

  it('keeps its purchase days in order, none after the as-of day, the gaps spanning first to last', () => {
    fc.assert(fc.property(oneAccountAsOfArb, ([orders, asOf]) => {
      const summary = summarizeAccount(1, orders, asOf);
      const days = summary.purchases.map((p) => p.day);
      days.slice(1).forEach((day, i) => expect(day > days[i]!).toBe(true));
      expect(days.every((day) => day <= asOf)).toBe(true);
      expect(summary.firstPurchase).toBe(days[0] ?? null);
      expect(summary.lastPurchase).toBe(days.at(-1) ?? null);
      expect(summary.daysSinceLastPurchase).toBe(days.length === 0 ? null : dayNumber(asOf) - dayNumber(days.at(-1)!));
      if (days.length >= 2) {
        expect(summary.meanGapDays! * (days.length - 1)).toBeCloseTo(dayNumber(days.at(-1)!) - dayNumber(days[0]!), 6);
        expect(summary.medianGapDays!).toBeGreaterThan(0);
      } else {
        expect(summary.meanGapDays).toBeNull();
      }
    }));
  });

  it('never reads an order after the as-of day', () => {
    fc.assert(fc.property(oneAccountArb, fc.array(orderArb([1], { fromBack: -400, toBack: -1 }), { minLength: 1, maxLength: 20 }), (orders, later) => {
      expect(summarizeAccount(1, [...later, ...orders, ...later], AS_OF)).toEqual(summarizeAccount(1, orders, AS_OF));
    }));
  });
});

describe('incremental upkeep, for any orders', () => {
  it('builds the same histories by folding applyOrder over the orders in any order', () => {
    fc.assert(fc.property(ordersArb.chain((orders) => fc.tuple(fc.constant(orders), fc.array(fc.nat(), { minLength: orders.length, maxLength: orders.length }))),
      ([orders, keys]) => {
        const shuffled = orders.map((o, i) => ({ o, key: keys[i]! })).sort((a, b) => a.key - b.key).map(({ o }) => o);
        const folded = new Map<number, PurchaseHistory>();
        for (const o of shuffled) folded.set(o.accountId, applyOrder(folded.get(o.accountId) ?? emptyHistory(o.accountId), o));
        expect(entries(folded)).toEqual(entries(buildHistories(orders)));
      }));
  });

  it('comes back to the same history when an order is applied and then removed', () => {
    fc.assert(fc.property(oneAccountArb, orderArb([1]), (orders, extra) => {
      const history = buildHistories(orders).get(1) ?? emptyHistory(1);
      expect(removeOrder(applyOrder(history, extra), extra)).toEqual(history);
    }));
  });

  it('comes back to the same history when an order it holds is removed and applied again', () => {
    fc.assert(fc.property(oneAccountArb.filter((orders) => orders.length > 0), fc.nat(), (orders, pick) => {
      const history = buildHistories(orders).get(1)!;
      const held = orders[pick % orders.length]!;
      expect(applyOrder(removeOrder(history, held), held)).toEqual(history);
    }));
  });

  it('gives the summary of the orders that remain after removing any of them', () => {
    const arb = oneAccountArb.chain((orders) => fc.tuple(
      fc.constant(orders), fc.array(fc.boolean(), { minLength: orders.length, maxLength: orders.length }), asOfFor(orders)));
    fc.assert(fc.property(arb, ([orders, removed, asOf]) => {
      let history = buildHistories(orders).get(1) ?? emptyHistory(1);
      orders.forEach((o, i) => { if (removed[i]) history = removeOrder(history, o); });
      const kept = orders.filter((_, i) => !removed[i]);
      expect(summarizeHistory(history, asOf)).toEqual(summarizeAccount(1, kept, asOf));
    }));
  });
});
