import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTFOLIO_SETTINGS, resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { classifyStatuses } from './status.js';
import { summarizeAccount } from './summarize.js';
import { account, order } from './testing/facts.js';
import type { AccountFact, OrderFact } from '../../domain/portfolio/facts.js';

const asOf = '2026-06-30';

function statuses(accounts: AccountFact[], orders: OrderFact[], settings = DEFAULT_PORTFOLIO_SETTINGS) {
  const inputs = accounts.map((a) => ({ account: a, summary: summarizeAccount(a.id, orders, asOf) }));
  const result = classifyStatuses(inputs, settings);
  return (id: number) => result.get(id)!;
}

describe('account status', () => {
  const retail = { segment: 'retail', sector: 'food', size: 'small' } as const;
  const accounts = [
    account(1, retail),
    account(2, retail),
    account(3, retail),
    account(4, { ...retail, status: 'ex_customer' }),
    account(5, { status: 'prospect', hasInterest: true, hasFinancialCapacity: true }),
    account(6, { status: 'prospect', segment: 'retail', size: 'small' }),
    account(7, { status: 'lead', segment: 'industry', size: 'enterprise' }),
    account(8, { status: 'suspect', hasInterest: true }),
    account(9, retail),
  ];
  const orders = [
    order(1, '2025-03-01', '10.00'), order(1, '2026-05-01', '10.00'),
    order(2, '2026-06-30T22:00:00Z', '10.00'),
    order(3, '2025-06-30', '10.00'), order(3, '2025-07-01', '10.00'),
    order(4, '2026-06-01', '10.00'),
    order(9, '2024-12-01', '10.00'),
    order(5, '2026-07-01', '99.00'),
  ];
  const status = statuses(accounts, orders);

  it('calls an account that bought in this window and the one before current', () => {
    expect(status(1)).toMatchObject({ class: 'current', figures: { purchasesInWindow: 1, purchasesInPreviousWindow: 1 } });
    expect(status(1).rule).toBe('Bought within the last 365 days and within the 365 days before: an ongoing customer.');
  });

  it('calls an account that bought only in this window active, counting the whole as-of day', () => {
    expect(status(2).class).toBe('active');
    // 30 June 2025 is 365 days back: outside this window, inside the previous one.
    expect(status(3)).toMatchObject({ class: 'current', figures: { purchasesInWindow: 1, purchasesInPreviousWindow: 1 } });
  });

  it('calls an account that bought only before the window inactive', () => {
    expect(status(9)).toMatchObject({ class: 'inactive', figures: { lastPurchase: '2024-12-01', daysSinceLastPurchase: 576 } });
  });

  it('keeps a recorded ex-customer an ex-customer even after a recent purchase', () => {
    expect(status(4).class).toBe('ex_customer');
  });

  it('calls a never-buying account with interest and means potential, ignoring orders after as-of', () => {
    expect(status(5).class).toBe('potential');
  });

  it('calls a never-buying account probable when enough active customers share its filled-in profile', () => {
    // Accounts 1, 2 and 3 are active and retail/small; account 6 has no sector, which is not held against it.
    expect(status(6)).toMatchObject({ class: 'probable', figures: { alikeActiveCustomers: 3, activeCustomers: 3, alikeShare: 1 } });
    expect(status(6).rule).toBe('Has never bought, but 3 of the 3 active customers (100.0 %) share its segment and size.');
  });

  it('leaves a never-buying account unqualified when its profile is rare or unknown, or interest lacks means', () => {
    expect(status(7)).toMatchObject({ class: 'unqualified', figures: { alikeActiveCustomers: 0 } });
    expect(status(8).class).toBe('unqualified');
    expect(status(8).rule).toMatch(/segment, sector and size are unknown/);
  });

  it('needs as many alike customers as the settings ask for', () => {
    const strict = statuses(accounts, orders, resolvePortfolioSettings({ status: { probableMinCustomers: 4 } }));
    expect(strict(6).class).toBe('unqualified');
  });

  it('needs as large a share of the active customers as the settings ask for, the share itself included', () => {
    // Four active customers, three of them retail and small: 75 % share the prospect's profile.
    const four = [account(1, retail), account(2, retail), account(3, retail), account(4, { segment: 'industry', size: 'small' }),
      account(5, { status: 'prospect', segment: 'retail', size: 'small' })];
    const recent = [1, 2, 3, 4].map((id) => order(id, '2026-05-01', '10.00'));
    expect(statuses(four, recent, resolvePortfolioSettings({ status: { probableMinShare: 0.75 } }))(5))
      .toMatchObject({ class: 'probable', figures: { alikeActiveCustomers: 3, activeCustomers: 4, alikeShare: 0.75 } });
    expect(statuses(four, recent, resolvePortfolioSettings({ status: { probableMinShare: 0.76 } }))(5).class).toBe('unqualified');
  });

  it('follows the active window in the settings', () => {
    const short = statuses(accounts, orders, resolvePortfolioSettings({ status: { activeWindowDays: 90 } }));
    expect(short(1).class).toBe('active');
    expect(short(3).class).toBe('inactive');
    expect(short(3).rule).toBe('Has bought before, but not within the last 90 days.');
  });
});
