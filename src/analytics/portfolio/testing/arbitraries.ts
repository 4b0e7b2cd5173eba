// fast-check generators of portfolios for the property tests beside the analytics. Days are
// drawn as offsets from an as-of day, the days nearest it most, and asOfFor puts the as-of day
// on the window boundaries of the orders, where off-by-one errors show. Order times come in
// every form the analytics accept: bare dates, UTC timestamps and local times with offsets.
import fc from 'fast-check';
import { ACCOUNT_SIZES, ACCOUNT_STATUSES } from '../../../domain/customer-file.js';
import { cents } from '../../../domain/money.js';
import { dayNumber, daysBefore, utcDay } from '../calendar.js';
import type { AccountFact, OrderFact } from '../../../domain/portfolio/facts.js';
import { account } from './facts.js';

export const AS_OF = '2026-06-30';

/** How far back orders go: past both yearly windows, so inactive and long-gone accounts appear. */
export const HISTORY_DAYS = 1200;

/**
 * An order total in cents: mostly sales of any size (from cents to thousands, so a few
 * accounts tower over the others as in real portfolios), sometimes nothing, now and then a
 * net return.
 */
export const totalArb = fc.oneof(
  { weight: 16, arbitrary: fc.integer({ min: 1, max: 6 }).chain((digits) => fc.integer({ min: 1, max: 10 ** digits })) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: -50_000, max: -1 }) },
).map(cents);

/** A positive amount of revenue in cents. */
export const revenueArb = fc.integer({ min: 1, max: 10_000_000 });

/**
 * A moment of the UTC day `day`, written as a bare date, a UTC timestamp or a local time with
 * an offset between −12:00 and +14:00 (whose local date may be the day before or after).
 */
export function momentOn(day: string): fc.Arbitrary<string> {
  const midnight = dayNumber(day) * 86_400_000;
  const instant = fc.integer({ min: 0, max: 86_399 }).map((second) => midnight + second * 1000);
  return fc.oneof(
    fc.constant(day),
    instant.map((ms) => new Date(ms).toISOString()),
    fc.tuple(instant, fc.integer({ min: -48, max: 56 })).map(([ms, quarters]) => {
      const offset = quarters * 15;
      const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
      const sign = offset < 0 ? '-' : '+';
      const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
      const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
      return `${local}${sign}${hours}:${minutes}`;
    }),
  );
}

/**
 * An order of one of `accountIds` on a UTC day from `fromBack` to `toBack` days before asOf
 * (negative: after it). The days nearest asOf are drawn most: the nearest itself (asOf, or the
 * day after it), and often the 60 or 400 days next to it, so that accounts buying now, and
 * buying often, are common.
 */
export function orderArb(accountIds: readonly number[], { asOf = AS_OF, fromBack = 0, toBack = HISTORY_DAYS } = {}): fc.Arbitrary<OrderFact> {
  const after = toBack <= 0;
  const nearest = after ? toBack : fromBack;
  const within = (span: number) => (after
    ? fc.integer({ min: Math.max(fromBack, toBack - span), max: toBack })
    : fc.integer({ min: fromBack, max: Math.min(toBack, fromBack + span) }));
  return fc.record({
    accountId: fc.constantFrom(...accountIds),
    back: fc.oneof(fc.constant(nearest), within(60), within(400), within(toBack - fromBack)),
    total: totalArb,
  }).chain(({ accountId, back, total }) =>
    momentOn(daysBefore(asOf, back)).map((orderedAt): OrderFact => ({ accountId, orderedAt, total })));
}

/**
 * An as-of day for `orders`: anywhere in their span, or on a window boundary of one of them
 * (its day, or 365 or 730 days later, give or take a day), where off-by-one errors show.
 */
export function asOfFor(orders: readonly OrderFact[]): fc.Arbitrary<string> {
  const anywhere = fc.integer({ min: -30, max: HISTORY_DAYS + 30 }).map((back) => daysBefore(AS_OF, back));
  if (orders.length === 0) return anywhere;
  const boundary = fc.tuple(fc.constantFrom(...orders), fc.constantFrom(0, 1, 364, 365, 366, 729, 730, 731))
    .map(([order, later]) => daysBefore(utcDay(order.orderedAt), -later));
  return fc.oneof(anywhere, boundary);
}

/** A few values per field, some unknown, so profiles repeat and peers, sections and probable accounts occur. */
const weighted = <T>(...choices: [T, number][]) =>
  fc.oneof(...choices.map(([value, weight]) => ({ weight, arbitrary: fc.constant(value) })));
const profileArb = fc.record({
  status: weighted<AccountFact['status']>(['customer', 6], ...ACCOUNT_STATUSES.map((s): [AccountFact['status'], number] => [s, 1])),
  segment: weighted<string | null>([null, 1], ['retail', 2], ['industry', 1]),
  sector: weighted<string | null>([null, 2], ['food', 1], ['tools', 1]),
  size: weighted<AccountFact['size']>([null, 2], ['small', 2], ['mid_market', 1], ['enterprise', 1]),
  country: weighted<string | null>([null, 1], ['FR', 1], ['DE', 1]),
  ownerId: weighted<number | null>([null, 1], [10, 1], [20, 1]),
  hasInterest: fc.boolean(),
  hasFinancialCapacity: fc.boolean(),
});

/** Accounts with ids `firstId`, `firstId` + 1, … and random profiles. */
export function accountsArb(firstId: number, { minLength = 1, maxLength = 20 } = {}): fc.Arbitrary<AccountFact[]> {
  return fc.array(profileArb, { minLength, maxLength, size: 'max' })
    .map((profiles) => profiles.map((profile, i) => account(firstId + i, profile)));
}

export interface GeneratedPortfolio {
  accounts: AccountFact[];
  orders: OrderFact[];
}

/**
 * An account's buying habit: a purchase every `gap` days, `count` times, the last `lastBack`
 * days before asOf, each of about the same value. Habits make frequent buyers, overdue
 * repurchases and shrinking customers common where scattered orders rarely would.
 */
export function habitArb(accountIds: readonly number[], asOf: string): fc.Arbitrary<OrderFact[]> {
  return fc.record({
    accountId: fc.constantFrom(...accountIds),
    gap: fc.integer({ min: 1, max: 120 }),
    count: fc.integer({ min: 2, max: 10 }),
    lastBack: fc.integer({ min: 0, max: 700 }),
    total: fc.integer({ min: 1, max: 100_000 }),
    shrink: fc.constantFrom(1, 1, 0.5),
  }).map(({ accountId, gap, count, lastBack, total, shrink }) => Array.from({ length: count }, (_, i) => ({
    accountId,
    orderedAt: daysBefore(asOf, lastBack + (count - 1 - i) * gap),
    total: cents(Math.max(1, Math.round(total * (i >= count / 2 ? shrink : 1)))),
  })));
}

/** Accounts and their orders up to asOf, scattered and by habit; some accounts never buy. */
export function portfolioArb({ firstId = 1, maxAccounts = 20, maxOrders = 60, asOf = AS_OF } = {}): fc.Arbitrary<GeneratedPortfolio> {
  return accountsArb(firstId, { maxLength: maxAccounts }).chain((accounts) => {
    const ids = accounts.map((a) => a.id);
    return fc.tuple(fc.array(orderArb(ids, { asOf }), { maxLength: maxOrders, size: 'max' }), fc.array(habitArb(ids, asOf), { maxLength: 4 }))
      .map(([scattered, habits]) => ({ accounts, orders: [...scattered, ...habits.flat()] }));
  });
}

/** `items` with each of `extra` inserted at a random place, the relative order of both kept. */
export function interleavedArb<T>(items: readonly T[], extra: readonly T[]): fc.Arbitrary<T[]> {
  return fc.array(fc.boolean(), { minLength: items.length + extra.length, maxLength: items.length + extra.length })
    .map((picks) => {
      const merged: T[] = [];
      let i = 0;
      let j = 0;
      for (const takeExtra of picks) {
        if ((takeExtra && j < extra.length) || i >= items.length) merged.push(extra[j++]!);
        else merged.push(items[i++]!);
      }
      return merged;
    });
}
