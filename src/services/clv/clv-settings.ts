// The lifetime-value settings as callers give them (API query, CLI options) turned into what
// the models read, with defaults; a day that does not exist is refused naming its field.
import { requireDay } from '../../domain/date-range.js';
import type { PredictionSettings } from '../../analytics/clv/predict-portfolio.js';
import type { TimeUnit } from '../../analytics/clv/time-unit.js';
import { dayNumber } from '../../analytics/portfolio/calendar.js';
import { ClienteleError } from '../../domain/errors.js';
import { CLV_DEFAULTS, type ClvQuery, type ClvUnit } from '../../domain/schemas/clv.js';

export const TIME_UNIT_OF: Record<ClvUnit, TimeUnit> = { day: 'days', week: 'weeks' };
export const CLV_UNIT_OF: Record<TimeUnit, ClvUnit> = { days: 'day', weeks: 'week' };

export const todayUtc = (now: Date) => now.toISOString().slice(0, 10);

export function predictionSettings(query: ClvQuery, now = new Date()): PredictionSettings {
  return {
    asOf: query.asOf === undefined ? todayUtc(now) : requireDay(query.asOf, 'asOf'),
    unit: TIME_UNIT_OF[query.unit ?? CLV_DEFAULTS.unit],
    horizonMonths: query.horizonMonths ?? CLV_DEFAULTS.horizonMonths,
    discountRatePerYear: query.discountRate ?? CLV_DEFAULTS.discountRate,
  };
}

/** The settings as the API and the CLI report them, in the words they were given. */
export const settingsView = (settings: PredictionSettings) => ({
  asOf: settings.asOf, unit: CLV_UNIT_OF[settings.unit], horizonMonths: settings.horizonMonths, discountRate: settings.discountRatePerYear,
});

/** A model that cannot be fitted on the data is the data's limit, not a malformed request. */
export function asClienteleError(error: unknown): unknown {
  return error instanceof RangeError ? new ClienteleError('invalid', error.message, undefined, { cause: error }) : error;
}
