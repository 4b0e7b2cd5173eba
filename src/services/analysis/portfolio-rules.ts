// The classification rules and goals a portfolio is analysed with, as the team set them.
import { type Goal, type GoalProgress } from '../../analytics/portfolio/goals.js';
import { isMoneyGoal } from '../../domain/portfolio/goals.js';
import { type PortfolioSettings, type PortfolioSettingsInput, resolvePortfolioSettings } from '../../domain/portfolio/settings.js';
import { canChangeSettings } from '../../domain/access.js';
import { ClienteleError } from '../../domain/errors.js';
import { amount, parseMoney } from '../../domain/money.js';
import type { GoalSetting } from '../../domain/schemas/analysis.js';
import type { Store } from '../../store/store.js';
import { requireActiveUser } from '../account-records.js';
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

/**
 * A goal as set (a money target as a decimal string) → as the rules measure it (in cents).
 * Goals stored before money targets were strings held them in cents as numbers, which this
 * reads as they were meant.
 */
export function goalOf(setting: GoalSetting): Goal {
  return { ...setting, target: typeof setting.target === 'string' ? parseMoney(setting.target) : setting.target };
}

/** A goal as the API gives it: a money target as a decimal string, the rep named or null. */
export function goalSettingOf(goal: Goal): GoalSetting {
  return { ...goal, target: isMoneyGoal(goal.metric) ? amount(goal.target) : goal.target, ownerId: goal.ownerId ?? null };
}

/** A goal's progress as the API gives it: money figures as decimal strings. */
export function goalProgressOf(progress: GoalProgress) {
  const money = isMoneyGoal(progress.goal.metric);
  return { ...progress, goal: goalSettingOf(progress.goal), actual: money ? amount(progress.actual) : progress.actual };
}

/** The goals as set, for the API and the settings page. */
export async function goalSettings(store: Store): Promise<GoalSetting[]> {
  return ((await store.settings.get<GoalSetting[]>(GOALS_KEY)) ?? []).map((g) => goalSettingOf(goalOf(g)));
}

/** The goals as the rules measure them. */
export async function portfolioGoals(store: Store): Promise<Goal[]> {
  return ((await store.settings.get<GoalSetting[]>(GOALS_KEY)) ?? []).map(goalOf);
}

async function checkGoals(ctx: Context, goals: readonly GoalSetting[]): Promise<void> {
  for (const [i, goal] of goals.entries()) {
    const money = isMoneyGoal(goal.metric);
    if (money !== (typeof goal.target === 'string')) {
      throw new ClienteleError('invalid', money
        ? `Goal ${i + 1}: a ${goal.metric} target is an amount as a decimal string, like "2500.00".`
        : `Goal ${i + 1}: a ${goal.metric} target is a number, not an amount.`, `goals.${i}.target`);
    }
    if (goal.period.start > goal.period.end) {
      throw new ClienteleError('invalid', `Goal ${i + 1}: the period starts on ${goal.period.start}, after it ends on ${goal.period.end}.`, `goals.${i}.period`);
    }
    await requireActiveUser(ctx, goal.ownerId, `goals.${i}.ownerId`);
  }
}

/** Replaces the goals; money targets are kept as decimal strings to the cent ("2500" is kept as "2500.00"). */
export async function setPortfolioGoals(ctx: Context, input: GoalSetting[]): Promise<GoalSetting[]> {
  requireRole(ctx, canChangeSettings, 'change the portfolio goals');
  await checkGoals(ctx, input);
  const goals = input.map((g) => goalSettingOf(goalOf(g)));
  await ctx.store.transaction(async (tx) => {
    const before = (await tx.settings.get<GoalSetting[]>(GOALS_KEY)) ?? null;
    await tx.settings.set(GOALS_KEY, goals);
    await tx.audit.record({ userId: ctx.actor.userId, action: 'update', entity: 'settings', entityId: GOALS_KEY, changes: { goals: [before, goals] } });
  });
  return goals;
}
