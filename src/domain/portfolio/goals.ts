// What a portfolio goal can measure and how it compares; src/analytics/portfolio/goals.ts
// measures them.

export const GOAL_METRICS = [
  'activeAccounts', 'newCustomers', 'revenue', 'averageTicket', 'retentionRate',
  'revenueShareEnterprise', 'revenueShareSmall', 'enterpriseToSmallRevenue',
] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

/** The metrics that are amounts: their targets and results are in cents here, decimal strings at the API. */
export const MONEY_GOAL_METRICS: readonly GoalMetric[] = ['revenue', 'averageTicket'];
export const isMoneyGoal = (metric: GoalMetric) => MONEY_GOAL_METRICS.includes(metric);

export const GOAL_COMPARATORS = ['atLeast', 'atMost'] as const;
export type GoalComparator = (typeof GOAL_COMPARATORS)[number];
