import { describe, expect, it } from 'vitest';
import { resolveRecommendSettings } from './settings.js';
import { line } from './testing/lines.js';
import type { OrderLineFact, PeerFact } from './types.js';
import { upsellOpportunities } from './upsell.js';

const settings = resolveRecommendSettings({ upsell: { minPeers: 3, belowShare: 0.5 } });
const SOFTWARE = 10;
const FURNITURE = 20;
const spend = (accountId: number, software: number, furniture: number): OrderLineFact[] => [
  ...(software ? [line(accountId, SOFTWARE, { category: 'Software', euros: software })] : []),
  ...(furniture ? [line(accountId, FURNITURE, { category: 'Furniture', euros: furniture })] : []),
];
const peer = (id: number, segment: string | null, size: PeerFact['size']): PeerFact => ({ id, segment, size });

const accounts = [
  peer(1, 'Direct B2B', 'small'), peer(2, 'Direct B2B', 'small'), peer(3, 'Direct B2B', 'small'), peer(4, 'Direct B2B', 'small'),
  peer(5, 'Direct B2B', 'enterprise'), peer(6, null, null), peer(7, 'Direct B2B', 'small'), peer(9, 'Channel', 'small'),
];
const lines = [
  ...spend(1, 100, 500), ...spend(2, 1000, 400), ...spend(3, 1200, 0), ...spend(4, 1400, 600),
  ...spend(5, 50, 0), ...spend(6, 0, 300), ...spend(9, 200, 100),
  // Account 7 bought nothing: no comparison and no peer. Account 8 is not among the accounts given.
  ...spend(8, 99_999, 99_999),
];
const flagged = upsellOpportunities(lines, accounts, settings);
const find = (accountId: number, category: string) => flagged.find((f) => f.accountId === accountId && f.category === category);

describe('up-sell against alike accounts', () => {
  it('flags spend in a category below half the median of the same segment and size, largest shortfall first', () => {
    // Small Direct B2B: accounts 1–4. Software peers of account 1: 1000, 1200, 1400 → 1200.
    // Furniture peers of account 3: 500, 400, 600 → 500, and it spent nothing there.
    // Account 9 (the only small Channel one) widens to the small accounts 1–4: Software median
    // 1100, Furniture median of 500, 400, 0, 600 → 450. Accounts 5 and 6 widen to the 6 other
    // buyers of the portfolio: Software 0, 100, 200, 1000, 1200, 1400 → 600 for account 5;
    // for account 6, 50, 100, 200, 1000, 1200, 1400 → 600; Furniture for account 5:
    // 0, 100, 300, 400, 500, 600 → 350.
    expect(flagged.map((f) => [f.accountId, f.category, f.spent, f.peerGroup, f.peerCount, f.peerMedian, f.shortfall])).toEqual([
      [1, 'Software', 10000, 'segment_and_size', 3, 120000, 110000],
      [9, 'Software', 20000, 'size', 4, 110000, 90000],
      [6, 'Software', 0, 'portfolio', 6, 60000, 60000],
      [5, 'Software', 5000, 'portfolio', 6, 60000, 55000],
      [3, 'Furniture', 0, 'segment_and_size', 3, 50000, 50000],
      [5, 'Furniture', 0, 'portfolio', 6, 35000, 35000],
      [9, 'Furniture', 10000, 'size', 4, 45000, 35000],
    ]);
  });

  it('says why in words, with the figures', () => {
    expect(find(1, 'Software')!.reason).toBe(
      'Spent 100.00 on Software; the median of 3 buying Direct B2B accounts of small size is 1200.00: 1100.00 below it (8 % of it).',
    );
    expect(find(9, 'Furniture')!.reason).toBe(
      'Spent 100.00 on Furniture; the median of 4 buying accounts of small size is 450.00: 350.00 below it (22 % of it).',
    );
    expect(find(6, 'Software')!.reason).toBe(
      'Spent 0.00 on Software; the median of 6 buying accounts of the portfolio is 600.00: 600.00 below it (0 % of it).',
    );
    expect(find(1, 'Software')!.ratioToPeers).toBeCloseTo(100 / 1200, 12);
  });

  it('does not flag spend at or above the share, nor a category the median peer does not buy', () => {
    // Account 2: Software 1000 against 1200 (83 %). Account 1: Furniture 500 against 400.
    expect(find(2, 'Software')).toBeUndefined();
    expect(find(1, 'Furniture')).toBeUndefined();
    const share = (belowShare: number) => upsellOpportunities(lines, accounts, resolveRecommendSettings({ upsell: { minPeers: 3, belowShare } }));
    expect(share(0.9).some((f) => f.accountId === 2 && f.category === 'Software')).toBe(true);
    // Nobody else buys Training, so its median is zero and nobody is short of it.
    expect(upsellOpportunities([...lines, line(1, 30, { category: 'Training', euros: 80 })], accounts, settings)
      .some((f) => f.category === 'Training')).toBe(false);
  });

  it('compares nobody when the whole portfolio is smaller than the fewest peers', () => {
    const few = resolveRecommendSettings({ upsell: { minPeers: 10 } });
    expect(upsellOpportunities(lines, accounts, few)).toEqual([]);
  });
});
