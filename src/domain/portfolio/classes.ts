// The classes the portfolio analysis gives each account, as the API, the store and the web app
// name them. The rules that place an account in them are in src/analytics/portfolio/.

/** ABC (Pareto) class by revenue; `none` for accounts without revenue to rank. */
export const ABC_CLASSES = ['A', 'B', 'C', 'none'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];
export type RankedClass = Exclude<AbcClass, 'none'>;
export const RANKED_CLASSES: readonly RankedClass[] = ['A', 'B', 'C'];

/** Purchase frequency from the typical time between purchases. */
export const FREQUENCY_CLASSES = ['frequent', 'regular', 'occasional', 'one_time', 'none'] as const;
export type FrequencyClass = (typeof FREQUENCY_CLASSES)[number];

/** Status over time, first rule that applies wins (see src/analytics/portfolio/status.ts). */
export const STATUS_CLASSES = ['current', 'active', 'inactive', 'potential', 'probable', 'unqualified', 'ex_customer'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

/** Classes of accounts that bought within the active window. */
export const BUYING_NOW: ReadonlySet<StatusClass> = new Set(['current', 'active']);

/** Sales-volume tiers, relative to the portfolio. */
export const VOLUME_TIERS = ['very_high', 'high', 'average', 'low', 'none'] as const;
export type VolumeTier = (typeof VOLUME_TIERS)[number];

/** Pre-churn signals an account can show (the rules are in src/analytics/portfolio/churn-signals.ts). */
export const CHURN_SIGNAL_KINDS = ['overdue_repurchase', 'shrinking_purchase_value', 'revenue_drop', 'shrinking_frequency', 'probably_leaving'] as const;
export type ChurnSignalKind = (typeof CHURN_SIGNAL_KINDS)[number];
