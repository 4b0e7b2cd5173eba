import { describe, expect, it } from 'vitest';
import { activityBetween, activityIn, periodRevenue } from './purchase-windows.js';
import { summarizeAccount } from './summarize.js';
import { order } from './testing/facts.js';

const asOf = '2026-06-30';
const summary = summarizeAccount(1, [
  order(1, '2024-06-30', '1.00'),
  order(1, '2024-07-01', '2.00'),
  order(1, '2025-06-30', '4.00'),
  order(1, '2025-07-01', '8.00'), order(1, '2025-07-01T20:00:00Z', '16.00'),
  order(1, '2026-06-30', '32.00'),
], asOf);

describe('purchase windows', () => {
  it('runs a window of 365 days ending on asOf from the day after asOf − 365 through asOf', () => {
    // 1 July 2025 (two orders on one purchase day) and 30 June 2026; 30 June 2025 is out.
    expect(activityIn(summary, 365)).toEqual({ purchases: 2, orders: 3, revenue: 5600 });
  });

  it('runs the window before it over the 365 days before that', () => {
    // 1 July 2024 to 30 June 2025.
    expect(activityIn(summary, 365, 365)).toEqual({ purchases: 2, orders: 2, revenue: 600 });
  });

  it('counts both ends of a range of days', () => {
    expect(activityBetween(summary, '2024-06-30', '2025-06-30')).toEqual({ purchases: 3, orders: 3, revenue: 700 });
    expect(activityBetween(summary, '2026-07-01', '2026-12-31')).toEqual({ purchases: 0, orders: 0, revenue: 0 });
  });

  it('takes the revenue of the period the settings rank on', () => {
    expect(periodRevenue(summary, 'last12Months')).toBe(5600);
    expect(periodRevenue(summary, 'lifetime')).toBe(6300);
  });
});
