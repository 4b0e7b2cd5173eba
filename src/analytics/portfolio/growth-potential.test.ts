import { describe, expect, it } from 'vitest';
import { growthPotentials } from './growth-potential.js';
import { resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { summarizeAccount } from './summarize.js';
import { account, order } from './testing/facts.js';
import type { AccountFact } from '../../domain/portfolio/facts.js';

const asOf = '2026-06-30';
const settings = resolvePortfolioSettings({ growth: { minPeers: 3 } });

function potentials(accounts: [AccountFact, string][], overrides = settings) {
  const orders = accounts.map(([a, total]) => order(a.id, '2026-03-01', total));
  const inputs = accounts.map(([a]) => ({ account: a, summary: summarizeAccount(a.id, orders, asOf) }));
  const results = growthPotentials(inputs, overrides);
  return (id: number) => results.find((r) => r.accountId === id)!;
}

describe('growth potential of buying accounts', () => {
  const retailSmall = { segment: 'retail', size: 'small' } as const;
  const of = potentials([
    [account(1, retailSmall), '100.00'],
    [account(2, retailSmall), '200.00'],
    [account(3, retailSmall), '300.00'],
    [account(4, retailSmall), '1000.00'],
    [account(5, { segment: 'industry', size: 'small' }), '50.00'],
    [account(6, { segment: 'industry', size: 'enterprise' }), '5000.00'],
    [account(7, { size: null }), '10.00'],
  ]);

  it('measures an account against the median of the others of its segment and size', () => {
    // Peers of account 1: 200, 300, 1000 → median 300.
    expect(of(1)).toMatchObject({ peerGroup: 'segment_and_size', peerCount: 3, peerBenchmark: 30000, potential: 20000 });
    expect(of(1).ratioToPeers).toBeCloseTo(1 / 3);
    expect(of(1).reason).toBe(
      'Spent 100.00 over the last 12 months; the median of 3 buying retail accounts of small size is 300.00: 200.00 a year of room to grow (33 % of it so far).',
    );
  });

  it('finds no room to grow for an account above its peers', () => {
    expect(of(4)).toMatchObject({ peerBenchmark: 20000, potential: 0 });
    expect(of(4).reason).toMatch(/already at or above it\.$/);
  });

  it('widens the peer group to the size, then the portfolio, when peers are too few', () => {
    // Account 5's segment has no other small account; the small accounts are 100, 200, 300, 1000.
    expect(of(5)).toMatchObject({ peerGroup: 'size', peerCount: 4, peerBenchmark: 25000, potential: 20000 });
    expect(of(6)).toMatchObject({ peerGroup: 'portfolio', peerCount: 6 });
    expect(of(7)).toMatchObject({ peerGroup: 'portfolio', peerCount: 6, peerBenchmark: 25000 });
  });

  it('names no potential when the whole portfolio has too few accounts', () => {
    const few = potentials([[account(1), '10.00'], [account(2), '20.00']]);
    expect(few(1)).toMatchObject({ peerGroup: null, potential: null, reason: 'Fewer than 3 other buying accounts to compare with.' });
  });

  it('uses the quantile of the settings as the yardstick', () => {
    const upper = potentials([
      [account(1), '100.00'], [account(2), '200.00'], [account(3), '300.00'], [account(4), '400.00'], [account(5), '500.00'],
    ], resolvePortfolioSettings({ growth: { minPeers: 3, peerQuantile: 0.75 } }));
    // Peers of account 1: 200, 300, 400, 500 → 75th percentile 425.
    expect(upper(1)).toMatchObject({ peerBenchmark: 42500, potential: 32500 });
    expect(upper(1).reason).toMatch(/the 75th percentile of 4 buying accounts of the portfolio is 425\.00/);
  });
});
