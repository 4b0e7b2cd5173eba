// Portfolio goals and how far along they are. A goal sets a target on a metric over a
// period, for the whole portfolio or for one rep's accounts; it is measured on the as-of day,
// or on the period's last day once that has passed.
// Metrics over the period count the purchase days from its start through the measuring day:
//   activeAccounts           accounts with a purchase within the active window ending on the measuring day;
//   newCustomers             accounts whose first purchase falls in the period;
//   revenue                  revenue in the period (cents);
//   averageTicket            revenue per order in the period (cents);
//   retentionRate            of the accounts that bought in the active window just before the
//                            period, the share that bought again in it;
//   revenueShareEnterprise   enterprise accounts' share of the period's revenue;
//   revenueShareSmall        small accounts' share of it;
//   enterpriseToSmallRevenue enterprise revenue as a multiple of small-account revenue.
import { type GoalComparator, type GoalMetric, isMoneyGoal } from '../../domain/portfolio/goals.js';
import { dayNumber, daysBefore } from './calendar.js';
import { activityBetween, type WindowActivity } from './purchase-windows.js';
import type { PortfolioSettings } from '../../domain/portfolio/settings.js';
import type { AccountFact, AccountSummary } from '../../domain/portfolio/facts.js';
import { decimal, money, percent } from './wording.js';

export interface Goal {
  metric: GoalMetric;
  target: number;
  comparator: GoalComparator;
  /** First and last day (YYYY-MM-DD), both included. */
  period: { start: string; end: string };
  /** The rep whose accounts the goal measures (their owner); absent or null for the whole portfolio. */
  ownerId?: number | null;
}

export interface GoalProgress {
  goal: Goal;
  measuredOn: string;
  actual: number | null;
  /** actual / target; null when either is missing or the target is 0. */
  ratio: number | null;
  met: boolean | null;
  /** The share of the period gone by on the measuring day. */
  elapsedShare: number;
  description: string;
}

export interface GoalInput {
  account: AccountFact;
  summary: AccountSummary;
}

/** One account as a goal measures it: its owner and size, its first purchase and its purchases between two days (both included). */
export interface GoalRow {
  account: Pick<AccountFact, 'ownerId' | 'size'>;
  firstPurchase: string | null;
  activity(from: string, to: string): WindowActivity;
}

const LABELS: Record<GoalMetric, string> = {
  activeAccounts: 'Active accounts',
  newCustomers: 'New customers',
  revenue: 'Revenue',
  averageTicket: 'Average ticket',
  retentionRate: 'Retention rate',
  revenueShareEnterprise: 'Revenue share of enterprise accounts',
  revenueShareSmall: 'Revenue share of small accounts',
  enterpriseToSmallRevenue: 'Enterprise revenue against small-account revenue',
};

function show(metric: GoalMetric, value: number): string {
  if (isMoneyGoal(metric)) return money(value);
  if (metric === 'enterpriseToSmallRevenue') return `${decimal(value)}×`;
  if (metric === 'retentionRate' || metric.startsWith('revenueShare')) return percent(value, 1);
  return String(value);
}

function measure(metric: GoalMetric, inputs: readonly GoalRow[], start: string, on: string, window: number): number | null {
  if (metric === 'activeAccounts') {
    const from = daysBefore(on, window - 1);
    return inputs.filter((row) => row.activity(from, on).purchases > 0).length;
  }
  if (metric === 'newCustomers') {
    return inputs.filter(({ firstPurchase }) => firstPurchase !== null && firstPurchase >= start && firstPurchase <= on).length;
  }
  if (metric === 'retentionRate') {
    const before = [daysBefore(start, window), daysBefore(start, 1)] as const;
    const base = inputs.filter((row) => row.activity(...before).purchases > 0);
    if (base.length === 0) return null;
    return base.filter((row) => row.activity(start, on).purchases > 0).length / base.length;
  }
  let revenue = 0;
  let orders = 0;
  let enterprise = 0;
  let small = 0;
  for (const row of inputs) {
    const { account } = row;
    const activity = row.activity(start, on);
    revenue += activity.revenue;
    orders += activity.orders;
    if (account.size === 'enterprise') enterprise += activity.revenue;
    if (account.size === 'small') small += activity.revenue;
  }
  switch (metric) {
    case 'revenue': return revenue;
    case 'averageTicket': return orders === 0 ? null : Math.round(revenue / orders);
    case 'revenueShareEnterprise': return revenue === 0 ? null : enterprise / revenue;
    case 'revenueShareSmall': return revenue === 0 ? null : small / revenue;
    case 'enterpriseToSmallRevenue': return small === 0 ? null : enterprise / small;
  }
}

export function goalProgress(goals: readonly Goal[], inputs: readonly GoalInput[], asOf: string, settings: PortfolioSettings): GoalProgress[] {
  if (!goals.length) return [];
  const rows = inputs.map(({ account, summary }): GoalRow => ({
    account, firstPurchase: summary.firstPurchase, activity: (from, to) => activityBetween(summary, from, to),
  }));
  return goalProgressOfRows(goals, rows, asOf, settings);
}

/** The goals' progress from each account's row (GoalRow): what a run computes from its columns. */
export function goalProgressOfRows(goals: readonly Goal[], inputs: readonly GoalRow[], asOf: string, settings: PortfolioSettings): GoalProgress[] {
  const window = settings.status.activeWindowDays;
  return goals.map((goal) => {
    const { start, end } = goal.period;
    const on = asOf < end ? asOf : end;
    const length = dayNumber(end) - dayNumber(start) + 1;
    const elapsedShare = Math.min(1, Math.max(0, (dayNumber(on) - dayNumber(start) + 1) / length));
    const measured = goal.ownerId == null ? inputs : inputs.filter(({ account }) => account.ownerId === goal.ownerId);
    const actual = measure(goal.metric, measured, start, on, window);
    const ratio = actual === null || goal.target === 0 ? null : actual / goal.target;
    const met = actual === null ? null : goal.comparator === 'atLeast' ? actual >= goal.target : actual <= goal.target;
    const wanted = `${goal.comparator === 'atLeast' ? 'at least' : 'at most'} ${show(goal.metric, goal.target)}`;
    const got = actual === null ? 'not measurable yet' : show(goal.metric, actual);
    const verdict = met === null ? '' : met ? ', met' : ', not met';
    return {
      goal,
      measuredOn: on,
      actual,
      ratio,
      met,
      elapsedShare,
      description: `${LABELS[goal.metric]}: ${got} against a target of ${wanted}${ratio === null ? '' : ` (${percent(ratio)})`}${verdict}, `
        + `measured on ${on} with ${percent(elapsedShare)} of the period gone.`,
    };
  });
}
