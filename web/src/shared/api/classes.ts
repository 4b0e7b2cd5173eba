// The portfolio analysis's classes, bundled from the analytics' own lists.
import { ACCOUNT_STATUSES } from '../../../../src/domain/customer-file';

export { ABC_CLASSES } from '../../../../src/analytics/portfolio/abc';
export { FREQUENCY_CLASSES } from '../../../../src/analytics/portfolio/frequency';
export { RFM_SEGMENTS } from '../../../../src/analytics/portfolio/rfm-segments';
export { STATUS_CLASSES } from '../../../../src/analytics/portfolio/status';
export { VOLUME_TIERS } from '../../../../src/analytics/portfolio/volume-tier';
export { SECTION_DIMENSIONS } from '../../../../src/analytics/portfolio/sections';
export { GOAL_METRICS, GOAL_COMPARATORS, MONEY_GOAL_METRICS } from '../../../../src/analytics/portfolio/goals';
import { STATUS_CLASSES } from '../../../../src/analytics/portfolio/status';

/** Activity classes that are not also lifecycle statuses; the list's status filter takes both. */
export const ACTIVITY_STATUSES = STATUS_CLASSES.filter((c) => !(ACCOUNT_STATUSES as readonly string[]).includes(c));
