// Before a rule changes, the team sees how many accounts it would move: the portfolio is
// classified again with the proposed rules, as of the latest run's day, and compared with it.
import { type PortfolioSettingsInput, resolvePortfolioSettings } from '../../analytics/portfolio/settings.js';
import { canChangeSettings } from '../../domain/access.js';
import { type Context, requireRole } from '../context.js';
import { CLASS_DIMENSIONS, type ClassDimension } from './analysis-views.js';
import { computeAnalysis, latestRun } from './run-analysis.js';

export async function previewRules(ctx: Context, input: PortfolioSettingsInput) {
  requireRole(ctx, canChangeSettings, 'change the classification rules');
  const settings = resolvePortfolioSettings(input);
  const run = await latestRun(ctx.store);
  const current = await ctx.store.connection.db.selectFrom('account_classes')
    .select(['account_id', 'status', 'abc', 'rfm_segment', 'volume_tier', 'frequency']).where('run_id', '=', run.id).execute();
  const before = new Map(current.map((row) => [Number(row.account_id), row]));
  const proposed = await computeAnalysis(ctx.store, run.asOf, settings);
  const after: Record<ClassDimension, (r: (typeof proposed.accounts)[number]) => string> = {
    status: (r) => r.status.class, abc: (r) => r.abc.class, rfm: (r) => r.rfm.class, volumeTier: (r) => r.volumeTier.class, frequency: (r) => r.frequency.class,
  };
  const moves = Object.fromEntries(Object.entries(CLASS_DIMENSIONS).map(([dimension, column]) => {
    const cells = new Map<string, number>();
    for (const record of proposed.accounts) {
      const was = before.get(record.accountId)?.[column];
      const now = after[dimension as ClassDimension](record);
      if (was === undefined || was === now) continue;
      const key = JSON.stringify([was, now]);
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    const list = [...cells].map(([key, accounts]) => { const [from, to] = JSON.parse(key) as [string, string]; return { from, to, accounts }; })
      .sort((a, b) => b.accounts - a.accounts);
    return [dimension, { movedAccounts: list.reduce((n, c) => n + c.accounts, 0), cells: list }];
  }));
  return { comparedWith: { id: run.id, asOf: run.asOf }, accounts: proposed.accounts.length, moves };
}
