import { describe, expect, it } from 'vitest';
import { analyseInactive } from './inactive.js';
import { resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { summarizeAccount } from './summarize.js';
import { order } from './testing/facts.js';
import type { NoteFact } from '../../domain/portfolio/facts.js';

const asOf = '2026-06-30';
const settings = resolvePortfolioSettings({ status: { activeWindowDays: 365 }, inactive: { lostAfterDays: 730 } });

describe('inactive accounts', () => {
  const orders = [
    // Account 1: a big, frequent buyer that stopped a year and a day ago.
    order(1, '2025-01-10', '400.00'), order(1, '2025-03-10', '300.00'),
    order(1, '2025-06-29', '200.00', ['Espresso machine']), order(1, '2025-06-29T16:00:00Z', '50.00', ['Descaler']),
    // Account 2: one small purchase, long ago, and an older, larger one outside its last year.
    order(2, '2021-01-01', '5000.00'), order(2, '2023-06-30', '20.00', ['Filters']),
    // Account 3: middling, gone two years ago.
    order(3, '2024-05-01', '100.00'), order(3, '2024-06-01', '100.00'),
    order(1, '2026-07-02', '999.00'),
  ];
  const notes: NoteFact[] = [
    { accountId: 1, type: 'call', subject: 'Complained about delivery delays', occurredAt: '2025-08-01T10:00:00Z' },
    { accountId: 1, type: 'note', subject: 'Moved to a competitor?', occurredAt: '2025-11-15T10:00:00Z' },
    { accountId: 1, type: 'email', subject: 'Asked for a quote', occurredAt: '2025-02-01T10:00:00Z' },
    { accountId: 1, type: 'note', subject: 'Written after as-of', occurredAt: '2026-07-01T10:00:00Z' },
    { accountId: 1, type: 'visit', subject: 'Oldest visit', occurredAt: '2024-01-01T10:00:00Z' },
  ];
  const summaries = [1, 2, 3].map((id) => summarizeAccount(id, orders, asOf));
  const results = analyseInactive({ summaries, orders, notes }, settings);
  const of = (id: number) => results.find((r) => r.accountId === id)!;

  it('says since when an account is lost and what it bought last', () => {
    expect(of(1)).toMatchObject({
      lastPurchase: '2025-06-29', daysSinceLastPurchase: 366, inactiveSince: '2026-06-29',
      lastPurchaseItems: ['Espresso machine', 'Descaler'], lastPurchaseRevenue: 25000,
    });
  });

  it('shows its latest notes up to the as-of day, newest first', () => {
    expect(of(1).lastNotes.map((n) => n.subject)).toEqual([
      'Moved to a competitor?', 'Complained about delivery delays', 'Asked for a quote',
    ]);
    expect(of(2).lastNotes).toEqual([]);
  });

  it('shows as many notes as the settings ask for', () => {
    const one = analyseInactive({ summaries, orders, notes }, resolvePortfolioSettings({ inactive: { notesShown: 1 } }));
    expect(one.find((r) => r.accountId === 1)!.lastNotes.map((n) => n.subject)).toEqual(['Moved to a competitor?']);
  });

  it('puts at stake the revenue of the year ending on the last purchase', () => {
    expect(of(1).yearlyRevenueAtStake).toBe(95000);
    expect(of(2).yearlyRevenueAtStake).toBe(2000);
    expect(of(3).yearlyRevenueAtStake).toBe(20000);
  });

  it('scores the big, frequent, recently lost account highest and explains the score', () => {
    expect(of(1).scoreParts).toEqual({ revenue: 1, frequency: 1, recency: 1 - 1 / 730 });
    expect(of(1).score).toBe(100);
    // Account 2: lowest revenue, fewest purchase days, out of the window for 731 days: recency 0.
    expect(of(2).scoreParts).toEqual({ revenue: 0, frequency: 0.25, recency: 0 });
    expect(of(2).score).toBe(6);
    expect(of(3).score).toBeGreaterThan(of(2).score);
    expect(of(3).score).toBeLessThan(of(1).score);
    expect(of(1).explanation).toBe(
      'Worth recovering 100 of 100: 950.00 a year at stake (ahead of 100 % of inactive accounts), 3 purchase days (ahead of 100 %), '
      + 'no purchase for 366 days, 1 day past the active window (recency 100 %).',
    );
  });

  it('follows the weights of the settings', () => {
    const revenueOnly = analyseInactive({ summaries, orders, notes },
      resolvePortfolioSettings({ inactive: { weights: { revenue: 1, frequency: 0, recency: 0 } } }));
    expect(revenueOnly.map((r) => r.score)).toEqual([100, 0, 50]);
  });
});
