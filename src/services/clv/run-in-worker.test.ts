import { describe, expect, it } from 'vitest';
import { holdoutReport } from '../../analytics/clv/holdout-report.js';
import { predictPortfolio } from '../../analytics/clv/predict-portfolio.js';
import { seededRandom } from '../../analytics/clv/random.js';
import { dayFromNumber, dayNumber } from '../../analytics/portfolio/calendar.js';
import type { PurchaseDay, PurchaseHistory } from '../../domain/portfolio/facts.js';
import { cents } from '../../domain/money.js';
import { runInWorker } from './run-in-worker.js';

/** 500 accounts buying at their own pace through 2024, some of them stopping. */
function portfolio(): PurchaseHistory[] {
  const random = seededRandom(5);
  const start = dayNumber('2024-01-01');
  return Array.from({ length: 500 }, (_, i) => {
    const rate = random.gamma(0.8, 30);
    const days: PurchaseDay[] = [];
    for (let t = start + Math.floor(random.uniform() * 180); t < start + 366; t += 1 + Math.floor(random.exponential(rate))) {
      days.push({ day: dayFromNumber(t), orders: 1, revenue: cents(1000 + Math.floor(random.uniform() * 9000)) });
      if (random.uniform() < 0.2) break;
    }
    return { accountId: i + 1, days };
  });
}

describe('runInWorker', () => {
  const histories = portfolio();

  it('predicts in a worker thread exactly what predictPortfolio gives in this one', async () => {
    const input = { histories, asOf: '2024-09-30', unit: 'weeks' as const, horizonMonths: 12, discountRatePerYear: 0.1 };
    const inWorker = await runInWorker('predict', input);
    expect(inWorker.accounts.length).toBeGreaterThan(300);
    expect(inWorker).toEqual(predictPortfolio(input));
  });

  it('returns the hold-out report of holdoutReport', async () => {
    const input = { histories, calibrationEnd: '2024-06-30', end: '2024-12-31', unit: 'days' as const };
    expect(await runInWorker('holdout', input)).toEqual(holdoutReport(input));
  });

  it('rejects with the job\'s own RangeError and message', async () => {
    const input = { histories: histories.slice(0, 3).map((h) => ({ ...h, days: h.days.slice(0, 1) })), asOf: '2024-12-31', unit: 'days' as const, horizonMonths: 12, discountRatePerYear: 0.1 };
    const error = await runInWorker('predict', input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toMatch(/^None of the 3 accounts with purchases has bought on two different days by 2024-12-31/);
  });
});
