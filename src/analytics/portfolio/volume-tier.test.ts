import { describe, expect, it } from 'vitest';
import { resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { summarizeAccount } from './summarize.js';
import { order } from './testing/facts.js';
import { classifyVolumeTiers } from './volume-tier.js';

const asOf = '2026-06-30';
// Lifetime revenues 10, 20, ..., 100 for accounts 1..10; account 11 never bought; account 12 only long ago.
const orders = [
  ...Array.from({ length: 10 }, (_, i) => order(i + 1, '2026-01-15', `${(i + 1) * 10}.00`)),
  order(12, '2020-01-01', '500.00'),
];
const summaries = [...Array.from({ length: 12 }, (_, i) => summarizeAccount(i + 1, orders, asOf))];

describe('sales-volume tiers', () => {
  it('sets tiers at multiples of the mean revenue of the accounts with revenue', () => {
    const tiers = classifyVolumeTiers(summaries, resolvePortfolioSettings({
      volumeTier: { meanMultiples: { veryHigh: 1.8, high: 1.2, average: 0.5 } },
    }));
    // Mean 55.00 over the ten accounts that bought in the last 12 months.
    expect(tiers.meanRevenue).toBe(5500);
    expect(tiers.thresholds).toEqual({ veryHigh: 9900, high: 6600, average: 2750 });
    const tierOf = (id: number) => tiers.classes.get(id)!.class;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(tierOf)).toEqual([
      'low', 'low', 'average', 'average', 'average', 'average', 'high', 'high', 'high', 'very_high',
    ]);
    expect(tiers.classes.get(7)!.rule).toBe(
      'Revenue over the last 12 months of 70.00 is at least 1.2× the mean revenue (66.00) and below 1.8× the mean revenue (99.00): high.',
    );
  });

  it('sets tiers at quantiles of the revenues, the threshold itself in the higher tier', () => {
    const tiers = classifyVolumeTiers(summaries, resolvePortfolioSettings({
      volumeTier: { method: 'quantiles', quantiles: { veryHigh: 0.9, high: 0.5, average: 0.2 } },
    }));
    // Type-7 quantiles of 10..100: 0.9 → 91, 0.5 → 55, 0.2 → 28.
    expect(tiers.thresholds).toEqual({ veryHigh: 9100, high: 5500, average: 2800 });
    expect(tiers.classes.get(10)!.class).toBe('very_high');
    expect(tiers.classes.get(9)!.class).toBe('high');
    expect(tiers.classes.get(6)!.class).toBe('high');
    expect(tiers.classes.get(5)!.class).toBe('average');
    expect(tiers.classes.get(2)!.class).toBe('low');
    expect(tiers.classes.get(2)!.rule).toBe('Revenue over the last 12 months of 20.00 is below the 20th percentile of revenues (28.00): low.');
  });

  it('puts an account exactly on a quantile in the higher tier, however the position rounds', () => {
    // Revenues 1.00 to 101.00: the 7th percentile is exactly 8.00 (position 100 × 0.07 = 7).
    const orders101 = Array.from({ length: 101 }, (_, i) => order(i + 1, '2026-01-15', `${i + 1}.00`));
    const tiers = classifyVolumeTiers(Array.from({ length: 101 }, (_, i) => summarizeAccount(i + 1, orders101, asOf)),
      resolvePortfolioSettings({ volumeTier: { method: 'quantiles', quantiles: { veryHigh: 0.9, high: 0.5, average: 0.07 } } }));
    expect(tiers.thresholds!.average).toBe(800);
    expect(tiers.classes.get(8)!.class).toBe('average');
    expect(tiers.classes.get(7)!.class).toBe('low');
  });

  it('leaves accounts without revenue in the period unranked', () => {
    const tiers = classifyVolumeTiers(summaries, resolvePortfolioSettings());
    expect(tiers.rankedAccounts).toBe(10);
    expect(tiers.classes.get(11)!.class).toBe('none');
    expect(tiers.classes.get(12)!).toMatchObject({ class: 'none', rule: 'No revenue over the last 12 months, so not ranked.' });
  });

  it('ranks lifetime revenue when the settings say so', () => {
    const tiers = classifyVolumeTiers(summaries, resolvePortfolioSettings({ revenuePeriod: 'lifetime' }));
    expect(tiers.rankedAccounts).toBe(11);
    expect(tiers.classes.get(12)!.class).toBe('very_high');
  });

  it('ranks nobody when nobody has revenue', () => {
    const tiers = classifyVolumeTiers([summarizeAccount(1, [], asOf)], resolvePortfolioSettings());
    expect(tiers.thresholds).toBeNull();
    expect(tiers.classes.get(1)!.class).toBe('none');
  });
});
