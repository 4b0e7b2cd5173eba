// The classification rules and goals a portfolio is analysed with, as the team set them.
import { type Goal } from '../../analytics/portfolio/goals.js';
import { type PortfolioSettings, type PortfolioSettingsInput, resolvePortfolioSettings } from '../../analytics/portfolio/settings.js';
import { canChangeSettings } from '../../domain/access.js';
import type { Store } from '../../store/store.js';
import { type Context, requireRole } from '../context.js';

export const RULES_KEY = 'portfolio.rules';
export const GOALS_KEY = 'portfolio.goals';

export async function portfolioRules(store: Store): Promise<PortfolioSettings> {
  return resolvePortfolioSettings((await store.settings.get<PortfolioSettingsInput>(RULES_KEY)) ?? {});
}

/** Validates the whole set before storing it, so a bad value never reaches an analysis. */
export async function setPortfolioRules(ctx: Context, input: PortfolioSettingsInput): Promise<PortfolioSettings> {
  requireRole(ctx, canChangeSettings, 'change the classification rules');
  const resolved = resolvePortfolioSettings(input);
  await ctx.store.transaction(async (tx) => {
    const before = (await tx.settings.get<PortfolioSettingsInput>(RULES_KEY)) ?? null;
    await tx.settings.set(RULES_KEY, input);
    await tx.audit.record({ userId: ctx.actor.userId, action: 'update', entity: 'settings', entityId: RULES_KEY, changes: { rules: [before, input] } });
  });
  return resolved;
}

export async function portfolioGoals(store: Store): Promise<Goal[]> {
  return (await store.settings.get<Goal[]>(GOALS_KEY)) ?? [];
}

export async function setPortfolioGoals(ctx: Context, goals: Goal[]): Promise<Goal[]> {
  requireRole(ctx, canChangeSettings, 'change the portfolio goals');
  await ctx.store.transaction(async (tx) => {
    const before = (await tx.settings.get<Goal[]>(GOALS_KEY)) ?? null;
    await tx.settings.set(GOALS_KEY, goals);
    await tx.audit.record({ userId: ctx.actor.userId, action: 'update', entity: 'settings', entityId: GOALS_KEY, changes: { goals: [before, goals] } });
  });
  return goals;
}
