// Goal metrics in words (the catalogs' labels), for the goal form and the dashboard's goals panel.
import { MONEY_GOAL_METRICS } from '../api/classes';
import { words } from './words';

/** A goal metric's label, from the catalogs' labels (src/domain/i18n). */
export const goalLabel = (metric: string) => words(metric, 'goalMetric');

/** Money goals take and give amounts (decimal strings in the organisation's currency); the others numbers. */
export const isMoneyGoal = (metric: string) => (MONEY_GOAL_METRICS as readonly string[]).includes(metric);

/** Rates and shares are typed from 0 to 1, the enterprise-to-small ratio as a multiple. */
export const isShareGoal = (metric: string) => metric === 'retentionRate' || metric.startsWith('revenueShare');
