import { describe, expect, it } from 'vitest';
import { STALE_AFTER_DAYS } from '../../domain/data-freshness.js';
import { dataFreshness } from './data-freshness.js';
import type { PurchaseHistory } from '../../domain/portfolio/facts.js';

const history = (accountId: number, ...days: string[]): PurchaseHistory => ({ accountId, days: days.map((day) => ({ day, orders: 1, revenue: 100 as never })) });

describe('how far the file reaches', () => {
  const histories = [history(1, '1997-01-01', '1998-06-30'), history(2, '1997-02-01', '1997-03-01')];

  it('finds the newest purchase on or before the as-of day, across accounts', () => {
    expect(dataFreshness(histories, '1998-06-30')).toEqual({ newestPurchase: '1998-06-30', daysBehind: 0, stale: false });
    expect(dataFreshness(histories, '1997-12-31')).toMatchObject({ newestPurchase: '1997-03-01', daysBehind: 305 });
  });

  it(`calls the file stale only past ${STALE_AFTER_DAYS} days without any purchase`, () => {
    expect(dataFreshness(histories, '1998-09-28')).toMatchObject({ daysBehind: 90, stale: false });
    expect(dataFreshness(histories, '1998-09-29')).toMatchObject({ daysBehind: 91, stale: true });
    expect(dataFreshness(histories, '2026-12-07')).toMatchObject({ newestPurchase: '1998-06-30', daysBehind: 10_387, stale: true });
  });

  it('says nothing is stale before the first purchase', () => {
    expect(dataFreshness(histories, '1996-12-31')).toEqual({ newestPurchase: null, daysBehind: null, stale: false });
    expect(dataFreshness([], '2026-01-01').stale).toBe(false);
  });
});
