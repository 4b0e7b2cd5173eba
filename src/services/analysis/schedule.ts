// The server keeps the analysis current on its own: the classes are refreshed once a day, and
// a snapshot is kept at the interval the team chose, so movements can be followed over time.
import { type AnalysisRun } from '../../store/repositories/analysis-runs.js';
import type { Store } from '../../store/store.js';
import { ClienteleError } from '../../domain/errors.js';
import { canChangeSettings, SYSTEM_ACTOR } from '../../domain/access.js';
import { type Context, requireRole } from '../context.js';
import { runAnalysis } from './run-analysis.js';

export const SNAPSHOT_INTERVALS = ['off', 'daily', 'weekly', 'monthly', 'quarterly'] as const;
export type SnapshotInterval = (typeof SNAPSHOT_INTERVALS)[number];

export interface AnalysisSchedule {
  snapshots: SnapshotInterval;
  /** Re-run the classification when the latest run is from an earlier day. */
  dailyRefresh: boolean;
}

export const DEFAULT_SCHEDULE: AnalysisSchedule = { snapshots: 'monthly', dailyRefresh: true };
export const SCHEDULE_KEY = 'portfolio.schedule';

const day = (time: Date) => time.toISOString().slice(0, 10);

/** The first day of the period `time` falls in: a snapshot is due once per period. */
export function periodStart(interval: Exclude<SnapshotInterval, 'off'>, time: Date): string {
  const [y, m] = [time.getUTCFullYear(), time.getUTCMonth()];
  if (interval === 'daily') return day(time);
  if (interval === 'monthly') return day(new Date(Date.UTC(y, m, 1)));
  if (interval === 'quarterly') return day(new Date(Date.UTC(y, m - (m % 3), 1)));
  const monday = new Date(Date.UTC(y, m, time.getUTCDate() - ((time.getUTCDay() + 6) % 7)));
  return day(monday);
}

/** What the scheduler should do now, if anything. */
export function dueWork(now: Date, schedule: AnalysisSchedule, latestRun: AnalysisRun | undefined, latestSnapshot: AnalysisRun | undefined): 'snapshot' | 'run' | null {
  if (schedule.snapshots !== 'off' && (!latestSnapshot || latestSnapshot.createdAt.slice(0, 10) < periodStart(schedule.snapshots, now))) return 'snapshot';
  if (schedule.dailyRefresh && (!latestRun || latestRun.asOf < day(now))) return 'run';
  return null;
}

export async function analysisSchedule(store: Store): Promise<AnalysisSchedule> {
  return { ...DEFAULT_SCHEDULE, ...((await store.settings.get<Partial<AnalysisSchedule>>(SCHEDULE_KEY)) ?? {}) };
}

export async function setAnalysisSchedule(ctx: Context, schedule: AnalysisSchedule): Promise<AnalysisSchedule> {
  requireRole(ctx, canChangeSettings, 'change the analysis schedule');
  if (!SNAPSHOT_INTERVALS.includes(schedule.snapshots)) {
    throw new ClienteleError('invalid', `snapshots must be one of ${SNAPSHOT_INTERVALS.join(', ')}.`, 'snapshots');
  }
  const before = await analysisSchedule(ctx.store);
  await ctx.store.transaction(async (tx) => {
    await tx.settings.set(SCHEDULE_KEY, schedule);
    await tx.audit.record({ userId: ctx.actor.userId, action: 'update', entity: 'settings', entityId: SCHEDULE_KEY, changes: { schedule: [before, schedule] } });
  });
  return schedule;
}

/** Does what is due, once; the server calls it at start and then every so often. */
export async function runScheduledAnalysis(store: Store, now = new Date()): Promise<AnalysisRun | null> {
  const schedule = await analysisSchedule(store);
  const [latest, snapshot] = await Promise.all([store.analysisRuns.latest(), store.analysisRuns.latest('snapshot')]);
  const work = dueWork(now, schedule, latest, snapshot);
  if (!work) return null;
  return runAnalysis({ store, actor: SYSTEM_ACTOR }, { kind: work, now });
}
