// The portfolio analysis's classes, bundled from the analytics' own lists.
import { ACCOUNT_STATUSES } from '../../../../src/domain/customer-file';

export { ABC_CLASSES } from '../../../../src/domain/portfolio/classes';
export { FREQUENCY_CLASSES } from '../../../../src/domain/portfolio/classes';
export { RFM_SEGMENTS } from '../../../../src/domain/portfolio/rfm-segments';
export { STATUS_CLASSES } from '../../../../src/domain/portfolio/classes';
export { VOLUME_TIERS } from '../../../../src/domain/portfolio/classes';
export { SECTION_DIMENSIONS } from '../../../../src/domain/portfolio/sections';
export { GOAL_METRICS, GOAL_COMPARATORS, MONEY_GOAL_METRICS } from '../../../../src/domain/portfolio/goals';
import { STATUS_CLASSES } from '../../../../src/domain/portfolio/classes';

/** Activity classes that are not also lifecycle statuses; the list's status filter takes both. */
export const ACTIVITY_STATUSES = STATUS_CLASSES.filter((c) => !(ACCOUNT_STATUSES as readonly string[]).includes(c));
