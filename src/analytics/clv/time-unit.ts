// The unit of time the models are fitted in. Recency, age, horizons and the fitted α all share it.

export const TIME_UNITS = ['days', 'weeks'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export const DAYS_PER_UNIT: Record<TimeUnit, number> = { days: 1, weeks: 7 };

/** An average Gregorian month, so twelve steps make a year of 365.25 days. */
export const DAYS_PER_MONTH = 365.25 / 12;
