// Goal metrics in words, for the goal form and the dashboard's goals panel.
import { MONEY_GOAL_METRICS } from '../api/classes';

export const GOAL_LABELS: Record<string, string> = {
  activeAccounts: 'Active accounts', newCustomers: 'New customers', revenue: 'Revenue', averageTicket: 'Average ticket',
  retentionRate: 'Retention rate', revenueShareEnterprise: 'Revenue share of enterprise accounts',
  revenueShareSmall: 'Revenue share of small accounts', enterpriseToSmallRevenue: 'Enterprise against small-account revenue',
};

/** Money goals take and give amounts (decimal strings in the organisation's currency); the others numbers. */
export const isMoneyGoal = (metric: string) => (MONEY_GOAL_METRICS as readonly string[]).includes(metric);

/** Rates and shares are typed from 0 to 1, the enterprise-to-small ratio as a multiple. */
export const isShareGoal = (metric: string) => metric === 'retentionRate' || metric.startsWith('revenueShare');
