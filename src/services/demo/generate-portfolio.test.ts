import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { cents, lineTotal } from '../../domain/money.js';
import type { PortfolioAccountRecord } from '../../domain/portfolio-records.js';
import { AccountCreateSchema } from '../../domain/schemas/account.js';
import { ContactCreateSchema } from '../../domain/schemas/contact.js';
import { generatePortfolio, type PortfolioOptions } from './generate-portfolio.js';

const END = '2026-01-01T00:00:00.000Z';
const DAY = 86_400_000;

const collect = (options: PortfolioOptions) => {
  const portfolio = generatePortfolio({ endDate: END, ...options });
  return { ...portfolio, list: [...portfolio.records()] };
};

const revenueStatuses = (status: string) => status !== 'cancelled' && status !== 'returned';

describe('generatePortfolio', () => {
  const base = collect({ seed: 7, accounts: 2000 });

  it('gives byte-identical output for the same seed and different output for another', () => {
    const again = collect({ seed: 7, accounts: 2000 });
    expect(JSON.stringify([again.users, again.products, again.list])).toBe(JSON.stringify([base.users, base.products, base.list]));
    const other = collect({ seed: 8, accounts: 2000 });
    expect(JSON.stringify(other.list)).not.toBe(JSON.stringify(base.list));
    expect(other.list.map((r) => r.account.name)).not.toEqual(base.list.map((r) => r.account.name));
  });

  it('generates each account from its own stream, so it is the same whatever the portfolio size', () => {
    const small = collect({ seed: 7, accounts: 5 });
    expect(small.list).toEqual(base.list.slice(0, 5));
    // Records are produced on demand: a huge portfolio costs nothing until it is read.
    const huge = generatePortfolio({ seed: 7, accounts: 1_000_000, endDate: END }).records();
    expect(huge.next().value).toEqual(base.list[0]);
  });

  it('has the requested accounts, a manager with five to eight reps, and unique natural keys', () => {
    expect(base.list).toHaveLength(2000);
    expect(base.users.filter((u) => u.role === 'manager')).toHaveLength(1);
    const reps = base.users.filter((u) => u.role === 'rep').length;
    expect(reps).toBeGreaterThanOrEqual(5);
    expect(reps).toBeLessThanOrEqual(8);
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(base.users.map((u) => u.email))).toBe(true);
    expect(unique(base.products.map((p) => p.sku))).toBe(true);
    expect(unique(base.list.map((r) => r.account.externalId))).toBe(true);
    expect(unique(base.list.flatMap((r) => r.contacts.map((c) => c.externalId)))).toBe(true);
    expect(unique(base.list.flatMap((r) => r.orders.map((o) => o.number)))).toBe(true);
    const emails = new Set(base.users.map((u) => u.email));
    expect(base.list.every((r) => r.account.ownerEmail === null || emails.has(r.account.ownerEmail))).toBe(true);
    const orders = base.list.reduce((n, r) => n + r.orders.length, 0);
    expect(orders / 2000).toBeGreaterThan(6);
    expect(orders / 2000).toBeLessThan(16);
  });

  it('aims the order count at a target when one is given', () => {
    const scaled = collect({ seed: 3, accounts: 1000, orders: 20_000 });
    const orders = scaled.list.reduce((n, r) => n + r.orders.length, 0);
    expect(orders).toBeGreaterThan(18_000);
    expect(orders).toBeLessThan(22_000);
  });

  it('concentrates revenue: the top fifth of buying accounts holds 60 to 90 % of it', () => {
    const revenue = base.list
      .map((r) => r.orders.filter((o) => revenueStatuses(o.status)).reduce((sum, o) => sum + o.totalCents, 0))
      .filter((value) => value > 0)
      .sort((a, b) => b - a);
    const total = revenue.reduce((a, b) => a + b, 0);
    const top = revenue.slice(0, Math.round(revenue.length * 0.2)).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.6);
    expect(top / total).toBeLessThan(0.9);
  });

  it('totals every order from its lines, each line priced like the order service prices it', () => {
    for (const order of base.list.flatMap((r) => r.orders)) {
      expect(order.lines.length).toBeGreaterThan(0);
      for (const line of order.lines) {
        expect(line.totalCents).toBe(lineTotal(line.quantity, cents(line.unitPriceCents), line.discountBasisPoints / 100));
      }
      expect(order.totalCents).toBe(order.lines.reduce((sum, l) => sum + l.totalCents, 0));
      expect(order.itemCount).toBe(order.lines.reduce((sum, l) => sum + l.quantity, 0));
    }
  });

  it('spreads the orders over the five years that end at the end date', () => {
    expect(base.window).toEqual({ start: '2021-01-01T00:00:00.000Z', end: END });
    const times = base.list.flatMap((r) => r.orders.map((o) => Date.parse(o.orderedAt))).sort((a, b) => a - b);
    const start = Date.parse(base.window.start);
    const end = Date.parse(END);
    expect(times[0]).toBeGreaterThanOrEqual(start);
    expect(times[0]).toBeLessThan(start + 30 * DAY);
    expect(times[times.length - 1]).toBeLessThan(end);
    expect(times[times.length - 1]).toBeGreaterThan(end - 14 * DAY);
    const years = new Set(times.map((t) => new Date(t).getUTCFullYear()));
    expect([...years].sort()).toEqual([2021, 2022, 2023, 2024, 2025]);
    const everything = base.list.flatMap((r) => [
      r.account.createdAt, r.account.statusChangedAt, ...r.statusChanges.map((s) => s.changedAt),
      ...r.contacts.map((c) => c.createdAt), ...r.interactions.map((i) => i.occurredAt), ...r.tasks.map((t) => t.createdAt),
    ]);
    expect(everything.every((t) => Date.parse(t) < end)).toBe(true);
  });

  it('mixes statuses, countries, sectors and owners, and only buyers have orders', () => {
    const count = (key: (r: PortfolioAccountRecord) => unknown) => new Set(base.list.map(key)).size;
    expect(count((r) => r.account.status)).toBe(6);
    expect(count((r) => r.account.country)).toBe(8);
    expect(count((r) => r.account.sector)).toBeGreaterThanOrEqual(10);
    expect(count((r) => r.account.ownerEmail)).toBeGreaterThanOrEqual(6);
    const share = (status: string) => base.list.filter((r) => r.account.status === status).length / base.list.length;
    expect(share('customer')).toBeGreaterThan(0.35);
    for (const record of base.list) {
      const buyer = ['customer', 'ex_customer', 'partner'].includes(record.account.status);
      expect(record.orders.length > 0).toBe(buyer);
    }
  });

  it('stops ex-customers buying before they became ex-customers, and has customers who stopped recently', () => {
    const end = Date.parse(END);
    const lastOrder = (r: PortfolioAccountRecord) => Date.parse(r.orders[r.orders.length - 1]!.orderedAt);
    const exCustomers = base.list.filter((r) => r.account.status === 'ex_customer');
    for (const record of exCustomers) expect(lastOrder(record)).toBeLessThan(Date.parse(record.account.statusChangedAt));
    // Some churned years ago, some within the last year.
    expect(exCustomers.some((r) => lastOrder(r) < end - 3 * 365 * DAY)).toBe(true);
    expect(exCustomers.some((r) => lastOrder(r) > end - 365 * DAY)).toBe(true);
    const lapsing = base.list.filter((r) => r.account.status === 'customer' && lastOrder(r) < end - 180 * DAY);
    expect(lapsing.length).toBeGreaterThan(20);
  });

  it('records a coherent status history for every account', () => {
    for (const { account, statusChanges } of base.list) {
      expect(statusChanges[0]!.fromStatus).toBeNull();
      expect(statusChanges[0]!.changedAt).toBe(account.createdAt);
      statusChanges.slice(1).forEach((change, i) => {
        expect(change.fromStatus).toBe(statusChanges[i]!.toStatus);
        expect(change.changedAt >= statusChanges[i]!.changedAt).toBe(true);
      });
      expect(statusChanges[statusChanges.length - 1]!.toStatus).toBe(account.status);
      expect(statusChanges[statusChanges.length - 1]!.changedAt).toBe(account.statusChangedAt);
    }
  });

  it('produces accounts and contacts the API itself would accept', () => {
    const accountValid = Compile(AccountCreateSchema);
    const contactValid = Compile(ContactCreateSchema);
    for (const { account, contacts } of base.list.slice(0, 500)) {
      const { ownerEmail: _owner, statusChangedAt: _s, createdAt: _c, updatedAt: _u, ...fields } = account;
      expect(accountValid.Check(fields), JSON.stringify([...accountValid.Errors(fields)][0])).toBe(true);
      for (const contact of contacts) {
        const { externalId, createdAt: _created, ...rest } = contact;
        const input = { ...rest, externalId, accountId: 1 };
        expect(contactValid.Check(input), JSON.stringify([...contactValid.Errors(input)][0])).toBe(true);
      }
    }
  });

  it('rejects options it cannot honour', () => {
    expect(() => generatePortfolio({ accounts: 0 })).toThrow(/accounts/);
    expect(() => generatePortfolio({ seed: -1 })).toThrow(/seed/);
    expect(() => generatePortfolio({ endDate: 'soon' })).toThrow(/endDate/);
  });
});
