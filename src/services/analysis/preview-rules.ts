// Before a rule changes, the team sees how many accounts it would move: the portfolio is
// classified again with the proposed rules, as of the latest run's day, and compared with it.
import { ABC_CLASSES } from '../../domain/portfolio/classes.js';
import { type ClassColumns, RFM_NONE } from '../../analytics/portfolio/classify-columns.js';
import { FREQUENCY_CLASSES } from '../../domain/portfolio/classes.js';
import { RFM_SEGMENTS } from '../../domain/portfolio/rfm-segments.js';
import { type PortfolioSettingsInput, resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { STATUS_CLASSES } from '../../domain/portfolio/classes.js';
import { VOLUME_TIERS } from '../../domain/portfolio/classes.js';
import { canChangeSettings } from '../../domain/access.js';
import { type Context, requireRole } from '../context.js';
import { CLASS_DIMENSIONS, type ClassDimension } from '../../store/repositories/run-views.js';
import { classifyStoredPortfolio } from './classify-stored-portfolio.js';
import { latestRun } from './run-analysis.js';
import type { RulesPreview } from '../../domain/schemas/analysis.js';

/** Each dimension's class of the account at position i, as the runs store it. */
const CLASS_OF: Record<ClassDimension, (c: ClassColumns, i: number) => string> = {
  status: (c, i) => STATUS_CLASSES[c.status[i]!]!,
  abc: (c, i) => ABC_CLASSES[c.abc[i]!]!,
  rfm: (c, i) => (c.rfm[i] === RFM_NONE ? 'none' : RFM_SEGMENTS[c.rfm[i]!]!),
  volumeTier: (c, i) => VOLUME_TIERS[c.volumeTier[i]!]!,
  frequency: (c, i) => FREQUENCY_CLASSES[c.frequency[i]!]!,
};

export async function previewRules(ctx: Context, input: PortfolioSettingsInput): Promise<RulesPreview> {
  requireRole(ctx, canChangeSettings, 'change the classification rules');
  const settings = resolvePortfolioSettings(input);
  const run = await latestRun(ctx.store);
  const before = await ctx.store.runViews.classesByAccount(run.id);
  const proposed = await classifyStoredPortfolio(ctx.store, run.asOf, settings);
  const moves = Object.fromEntries(Object.entries(CLASS_DIMENSIONS).map(([dimension, column]) => {
    const cells = new Map<string, number>();
    const classOf = CLASS_OF[dimension as ClassDimension];
    for (let i = 0; i < proposed.ids.length; i++) {
      const was = before.get(proposed.ids[i]!)?.[column];
      const now = classOf(proposed, i);
      if (was === undefined || was === now) continue;
      const key = JSON.stringify([was, now]);
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    const list = [...cells].map(([key, accounts]) => { const [from, to] = JSON.parse(key) as [string, string]; return { from, to, accounts }; })
      .sort((a, b) => b.accounts - a.accounts);
    return [dimension, { movedAccounts: list.reduce((n, c) => n + c.accounts, 0), cells: list }];
  })) as RulesPreview['moves'];
  return { comparedWith: { id: run.id, asOf: run.asOf }, accounts: proposed.ids.length, moves };
}
