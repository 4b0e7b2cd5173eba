// Runs as the actor may read them: a rep who sees only their own accounts reads each run's
// account count over those accounts, never the size of the whole portfolio.
import type { AnalysisRun, RunKind } from '../../store/repositories/analysis-runs.js';
import { type Context, scopeOf } from '../context.js';
import { latestRun } from './run-analysis.js';

export async function runInScope<R extends AnalysisRun>(ctx: Context, run: R): Promise<R> {
  const scope = await scopeOf(ctx);
  if (scope.ownerId === undefined) return run;
  return { ...run, accountCount: await ctx.store.analysisRuns.accountsInScope(run.id, scope) };
}

export async function latestRunInScope(ctx: Context): Promise<AnalysisRun> {
  return runInScope(ctx, await latestRun(ctx.store));
}

export async function runsInScope(ctx: Context, kind?: RunKind): Promise<AnalysisRun[]> {
  return Promise.all((await ctx.store.analysisRuns.list(kind)).map((run) => runInScope(ctx, run)));
}
