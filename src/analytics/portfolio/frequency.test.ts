import { describe, expect, it } from 'vitest';
import { classifyFrequency } from './frequency.js';
import { DEFAULT_PORTFOLIO_SETTINGS as settings, resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { summarizeAccount } from './summarize.js';
import { order } from './testing/facts.js';

const asOf = '2026-06-30';
const frequencyOf = (...days: string[]) =>
  classifyFrequency(summarizeAccount(1, days.map((day) => order(1, day, '10.00')), asOf), settings);

describe('purchase frequency', () => {
  it('calls a median gap of at most 30 days frequent', () => {
    const result = frequencyOf('2026-01-01', '2026-01-31', '2026-03-01', '2026-06-01');
    // Gaps 30, 29, 92: the one long pause does not move the median.
    expect(result).toMatchObject({ class: 'frequent', figures: { medianGapDays: 30 } });
    expect(result.rule).toBe('Buys every 30 days (median time between purchases, over 3 gaps), at most 30 days: frequent.');
  });

  it('says a median of half a day as the profile shows it, not a mean', () => {
    // Gaps 31, 60, 28 and 90: a median of 45.5 days, a mean of 52.25.
    const result = frequencyOf('2025-09-01', '2025-10-02', '2025-12-01', '2025-12-29', '2026-03-29');
    expect(result.rule).toBe('Buys every 45.5 days (median time between purchases, over 4 gaps), more than 30 days and at most 90 days: regular.');
  });

  it('calls a median gap above 30 and up to 90 days regular', () => {
    expect(frequencyOf('2026-01-01', '2026-02-01').class).toBe('regular');
    expect(frequencyOf('2026-01-01', '2026-04-01').class).toBe('regular');
  });

  it('calls a median gap above 90 days occasional', () => {
    expect(frequencyOf('2025-01-01', '2025-04-02', '2026-01-01').class).toBe('occasional');
  });

  it('follows the gaps of the settings, each bound included in the class below it', () => {
    const weekly = resolvePortfolioSettings({ frequency: { frequentMaxGapDays: 7, regularMaxGapDays: 30 } });
    const classOf = (...days: string[]) => classifyFrequency(summarizeAccount(1, days.map((day) => order(1, day, '10.00')), asOf), weekly).class;
    expect(classOf('2026-01-01', '2026-01-08')).toBe('frequent');
    expect(classOf('2026-01-01', '2026-01-09')).toBe('regular');
    expect(classOf('2026-01-01', '2026-01-31')).toBe('regular');
    expect(classOf('2026-01-01', '2026-02-01')).toBe('occasional');
  });

  it('tells a one-time buyer from an account that never bought', () => {
    expect(frequencyOf('2026-01-01', '2026-01-01T18:00:00Z').class).toBe('one_time');
    expect(frequencyOf().class).toBe('none');
  });
});
