import { describe, expect, it } from 'vitest';
import { ClienteleError } from '../errors.js';
import { DEFAULT_PORTFOLIO_SETTINGS, resolvePortfolioSettings } from './settings.js';

describe('portfolio settings', () => {
  it('fills every value left out with its default', () => {
    expect(resolvePortfolioSettings()).toEqual(DEFAULT_PORTFOLIO_SETTINGS);
    const settings = resolvePortfolioSettings({ abc: { aMaxShare: 0.7 }, volumeTier: { quantiles: { veryHigh: 0.95 } } });
    expect(settings.abc).toEqual({ ...DEFAULT_PORTFOLIO_SETTINGS.abc, aMaxShare: 0.7 });
    expect(settings.volumeTier.quantiles).toEqual({ veryHigh: 0.95, high: 0.7, average: 0.3 });
    expect(settings.volumeTier.method).toBe('meanMultiples');
  });

  it('does not change the defaults when overriding them', () => {
    resolvePortfolioSettings({ status: { activeWindowDays: 90 } });
    expect(DEFAULT_PORTFOLIO_SETTINGS.status.activeWindowDays).toBe(365);
  });

  it('refuses settings no rule can apply, naming the field', () => {
    const attempts: [Parameters<typeof resolvePortfolioSettings>[0], string][] = [
      [{ abc: { aMaxShare: 0.96 } }, 'abc.bMaxShare'],
      [{ abc: { aMaxShare: 1 } }, 'abc.aMaxShare'],
      [{ status: { activeWindowDays: 0 } }, 'status.activeWindowDays'],
      [{ volumeTier: { meanMultiples: { high: 5 } } }, 'volumeTier.meanMultiples'],
      [{ frequency: { regularMaxGapDays: 10 } }, 'frequency.regularMaxGapDays'],
      [{ churn: { overdueGapMultiple: 0.5 } }, 'churn.overdueGapMultiple'],
      [{ inactive: { weights: { revenue: 0, frequency: 0, recency: 0 } } }, 'inactive.weights'],
      [{ revenuePeriod: 'forever' as never }, 'revenuePeriod'],
    ];
    for (const [input, field] of attempts) {
      const error = (() => { try { resolvePortfolioSettings(input); } catch (e) { return e; } })();
      expect(error, field).toBeInstanceOf(ClienteleError);
      expect((error as ClienteleError).field).toBe(field);
      expect((error as ClienteleError).code).toBe('invalid');
    }
  });
});
