import { describe, expect, it } from 'vitest';
import type { AnalysisRun } from '../../store/repositories/analysis-runs.js';
import { dueWork, periodStart } from './schedule.js';

const run = (asOf: string, createdAt = `${asOf}T06:00:00.000Z`, kind: AnalysisRun['kind'] = 'run'): AnalysisRun =>
  ({ id: 1, kind, asOf, createdAt, accountCount: 0, durationMs: 0, createdBy: null, settings: {}, newestPurchase: asOf, dataStale: false });

describe('the analysis schedule', () => {
  it('starts periods on the first day of the month or quarter and on Mondays', () => {
    const wednesday = new Date('2026-11-25T10:00:00Z');
    expect(periodStart('daily', wednesday)).toBe('2026-11-25');
    expect(periodStart('weekly', wednesday)).toBe('2026-11-23');
    expect(periodStart('weekly', new Date('2026-11-29T23:00:00Z'))).toBe('2026-11-23');
    expect(periodStart('monthly', wednesday)).toBe('2026-11-01');
    expect(periodStart('quarterly', wednesday)).toBe('2026-10-01');
  });

  it('takes a snapshot once per period, and otherwise refreshes the classes once a day', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    const monthly = { snapshots: 'monthly', dailyRefresh: true } as const;
    expect(dueWork(now, monthly, undefined, undefined)).toBe('snapshot');
    expect(dueWork(now, monthly, run('2026-11-02'), run('2026-10-31', undefined, 'snapshot'))).toBe('snapshot');
    expect(dueWork(now, monthly, run('2026-11-24'), run('2026-11-02', undefined, 'snapshot'))).toBe('run');
    expect(dueWork(now, monthly, run('2026-11-25'), run('2026-11-02', undefined, 'snapshot'))).toBeNull();
    expect(dueWork(now, { snapshots: 'off', dailyRefresh: false }, undefined, undefined)).toBeNull();
  });
});
