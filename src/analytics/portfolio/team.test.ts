import { describe, expect, it } from 'vitest';
import { resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { summarizeAccount } from './summarize.js';
import { analyseTeam } from './team.js';
import { account, order } from './testing/facts.js';
import type { StatusChangeFact } from '../../domain/portfolio/facts.js';

const asOf = '2026-06-30';
// Current window: 1 July 2025 to 30 June 2026; previous: 1 July 2024 to 30 June 2025.
const accounts = [
  account(1, { ownerId: 10, size: 'small' }),
  account(2, { ownerId: 10, size: 'small' }),
  account(3, { ownerId: 10, size: 'small', status: 'customer' }),
  account(4, { ownerId: 20, size: 'small' }),
  account(5, { ownerId: 20, size: 'small', status: 'lead' }),
  account(6, { ownerId: 20, size: 'enterprise' }),
  account(7, { ownerId: null, size: 'small' }),
  account(8, { ownerId: 10, size: 'small', since: '2026-07-05T00:00:00Z' }),
];
const orders = [
  order(1, '2025-01-01', '50.00'), order(1, '2026-01-01', '100.00'),
  order(2, '2025-01-01', '80.00'),
  order(3, '2026-02-01', '300.00'),
  order(4, '2025-02-01', '40.00'), order(4, '2026-02-01', '60.00'),
  order(6, '2025-02-01', '1000.00'), order(6, '2026-02-01', '2000.00'),
];
const changes: StatusChangeFact[] = [
  { accountId: 3, fromStatus: 'lead', toStatus: 'prospect', changedAt: '2025-03-01T00:00:00Z' },
  { accountId: 3, fromStatus: 'prospect', toStatus: 'customer', changedAt: '2026-01-15T00:00:00Z' },
];
const inputs = accounts.map((a) => ({ account: a, summary: summarizeAccount(a.id, orders, asOf) }));

describe('the team', () => {
  const team = analyseTeam(inputs, changes, 'size', resolvePortfolioSettings({ team: { minSample: 1 } }));

  it('counts accounts, revenue, retention and conversion per rep', () => {
    expect(team.byRep).toEqual([
      {
        ownerId: 10, accounts: 3, revenue: 40000, revenuePerAccount: 40000 / 3,
        activePreviously: 2, retained: 1, retentionRate: 0.5, prospects: 1, converted: 1, conversionRate: 1,
      },
      {
        ownerId: 20, accounts: 3, revenue: 206000, revenuePerAccount: 206000 / 3,
        activePreviously: 2, retained: 2, retentionRate: 1, prospects: 1, converted: 0, conversionRate: 0,
      },
      {
        ownerId: null, accounts: 1, revenue: 0, revenuePerAccount: 0,
        activePreviously: 0, retained: 0, retentionRate: null, prospects: 0, converted: 0, conversionRate: null,
      },
    ]);
  });

  it('splits each rep by account type', () => {
    expect(team.byRepAndType.map((c) => [c.ownerId, c.accountType, c.accounts, c.revenue])).toEqual([
      [10, 'small', 3, 40000],
      [20, 'enterprise', 1, 200000],
      [20, 'small', 2, 6000],
      [null, 'small', 1, 0],
    ]);
  });

  it('names the rep doing best with each type of account', () => {
    const small = team.leaders.find((l) => l.accountType === 'small')!;
    expect(small.revenuePerAccount).toEqual({ ownerId: 10, value: 40000 / 3, sample: 3 });
    expect(small.retentionRate).toEqual({ ownerId: 20, value: 1, sample: 1 });
    expect(small.conversionRate).toEqual({ ownerId: 10, value: 1, sample: 1 });
    const enterprise = team.leaders.find((l) => l.accountType === 'enterprise')!;
    expect(enterprise.conversionRate).toBeNull();
  });

  it('names nobody best on fewer accounts than the minimum sample', () => {
    const strict = analyseTeam(inputs, changes, 'size', resolvePortfolioSettings({ team: { minSample: 2 } }));
    const small = strict.leaders.find((l) => l.accountType === 'small')!;
    expect(small.retentionRate).toEqual({ ownerId: 10, value: 0.5, sample: 2 });
    expect(small.conversionRate).toBeNull();
  });

  it('counts a prospect that converted before the window as neither prospect nor conversion', () => {
    const early: StatusChangeFact[] = [{ accountId: 3, fromStatus: 'prospect', toStatus: 'customer', changedAt: '2025-05-01T00:00:00Z' }];
    const result = analyseTeam(inputs, early, 'segment', resolvePortfolioSettings());
    expect(result.byRep.find((r) => r.ownerId === 10)).toMatchObject({ prospects: 0, converted: 0 });
    expect(result.byRepAndType.map((c) => c.accountType)).toEqual([null, null, null]);
  });
});
