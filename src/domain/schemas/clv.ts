// The lifetime-value API's inputs, checked at the boundary, and the shapes it answers with.
import { Type, type Static, type TSchema } from 'typebox';
import { Currency, Day, Enum, Id, Money, MoneyField, Nullable } from './common.js';

const strict = { additionalProperties: false } as const;

/** Units as people write them; the models call them days and weeks. */
export const CLV_UNITS = ['day', 'week'] as const;
export type ClvUnit = (typeof CLV_UNITS)[number];

export const CLV_DEFAULTS = { unit: 'week' as ClvUnit, horizonMonths: 12, discountRate: 0.1 };

const Unit = Enum(CLV_UNITS, 'The unit the model counts time in (α, recency, age, waits); predictions do not depend on it. Default week');

export const ClvQuerySchema = Type.Object({
  asOf: Type.Optional(Day('The day to look from; today (UTC) by default. Later orders are not read')),
  unit: Type.Optional(Unit),
  horizonMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 1200, description: 'Months ahead for expected purchases and CLV; default 12' })),
  discountRate: Type.Optional(Type.Number({ exclusiveMinimum: -1, maximum: 10, description: 'Annual discount rate for CLV, 0.1 for 10 %; default 0.1' })),
}, strict);
export type ClvQuery = Static<typeof ClvQuerySchema>;

export const HoldoutQuerySchema = Type.Object({
  calibrationEnd: Day('Last day of the period the model is fitted on'),
  end: Day('Last day of the hold-out period the model\'s predictions are checked against'),
  unit: Type.Optional(Unit),
}, strict);
export type HoldoutQuery = Static<typeof HoldoutQuerySchema>;

const SE = Nullable(Type.Number());
const errorsNote = { description: 'Asymptotic standard errors; null where the data cannot pin the parameter down' };

const Estimate = <P extends TSchema, E extends TSchema>(params: P, standardErrors: E) => Type.Object({
  params,
  standardErrors,
  logLikelihood: Type.Number(),
  converged: Type.Boolean(),
  iterations: Type.Integer(),
});

const BgnbdParamsSchema = Type.Object({
  r: Type.Number(), alpha: Type.Number({ description: 'In the model\'s unit of time' }), a: Type.Number(), b: Type.Number(),
});
const BgnbdEstimate = Estimate(BgnbdParamsSchema, Type.Object({ r: SE, alpha: SE, a: SE, b: SE }, errorsNote));
const GammaGammaParamsSchema = Type.Object({ p: Type.Number(), q: Type.Number(), gamma: Type.Number({ description: 'In the currency unit' }) });

const ClvSettingsSchema = Type.Object({
  asOf: Type.String(), unit: Unit, horizonMonths: Type.Integer(), discountRate: Type.Number(),
});

export const ClvModelSchema = Type.Object({
  asOf: Type.String(),
  unit: Unit,
  customers: Type.Integer({ description: 'Accounts with a purchase on or before asOf' }),
  repeatCustomers: Type.Integer({ description: 'Of them, those who bought again on a later day' }),
  bgnbd: Type.Intersect([BgnbdEstimate, Type.Object({ distinctHistories: Type.Integer() })]),
  gammaGamma: Type.Intersect([Estimate(GammaGammaParamsSchema, Type.Object({ p: SE, q: SE, gamma: SE }, errorsNote)), Type.Object({
    customers: Type.Integer({ description: 'Repeat buyers the spend model was fitted on' }),
    populationMeanValue: MoneyField('Expected value of a purchase by a customer without repeat purchases'),
  })]),
  frequencyMonetary: Type.Object({
    correlation: Nullable(Type.Number()),
    customers: Type.Integer(),
    stronglyCorrelated: Type.Boolean({ description: 'True when |correlation| > 0.3: the spend model\'s premise is doubtful' }),
  }),
}, { $id: 'ClvModel' });

export const PortfolioClvSchema = Type.Object({
  settings: ClvSettingsSchema,
  fittedAt: Type.String({ description: 'When the model was fitted (it is reused until the purchases change)' }),
  model: ClvModelSchema,
  portfolio: Type.Object({
    customers: Type.Integer(),
    expectedPurchases: Type.Number({ description: 'Purchases expected over the horizon across the portfolio' }),
    expectedAliveCustomers: Type.Number({ description: 'Sum of P(alive): customers expected to be still buying' }),
    totalClv: Money,
  }),
  currency: Currency,
}, { $id: 'PortfolioClv' });

export const AccountClvPredictionSchema = Type.Object({
  x: Type.Integer({ description: 'Repeat purchase days up to asOf' }),
  tx: Type.Number({ description: 'Time from the first purchase to the last, in the unit' }),
  T: Type.Number({ description: 'Time from the first purchase to asOf, in the unit' }),
  pAlive: Type.Number({ description: 'Probability the customer is still buying (has not silently left)' }),
  expectedPurchases: Type.Number({ description: 'Purchases expected over the horizon' }),
  expectedNextPurchaseIn: Type.Number({ description: 'Median wait for the next purchase if still alive, in the unit' }),
  expectedNextPurchaseOn: Nullable(Type.String({ description: 'asOf plus that wait; null beyond a century' })),
  expectedAverageValue: Money,
  clv: Money,
});

export const AccountClvSchema = Type.Object({
  accountId: Id,
  settings: ClvSettingsSchema,
  fittedAt: Type.String(),
  prediction: Nullable(AccountClvPredictionSchema),
  reason: Nullable(Type.String({ description: 'Why there is no prediction' })),
  currency: Currency,
}, { $id: 'AccountClv' });
export type AccountClv = Static<typeof AccountClvSchema>;

const FrequencyRow = Type.Object({
  calibrationFrequency: Type.Integer(), label: Type.String({ description: '"0", "1", … "7+"' }), customers: Type.Integer(),
  actualMean: Type.Number(), predictedMean: Type.Number(),
});
const TrackingRow = Type.Object({
  period: Type.Integer(), date: Type.String({ description: 'Last day of the period' }), holdout: Type.Boolean(),
  actual: Type.Number({ description: 'Cumulative repeat purchases of the cohort' }), predicted: Type.Number(),
});

export const HoldoutSchema = Type.Object({
  calibrationEnd: Type.String(),
  end: Type.String(),
  unit: Unit,
  holdoutLength: Type.Number({ description: 'In the unit' }),
  customers: Type.Integer({ description: 'The cohort: accounts with a first purchase by calibrationEnd' }),
  origin: Type.String({ description: 'The cohort\'s first purchase day, where tracking periods start' }),
  model: BgnbdEstimate,
  byFrequency: Type.Array(FrequencyRow, { description: 'Mean hold-out purchases per customer by calibration repeat purchases' }),
  holdoutPurchases: Type.Object({ actual: Type.Number(), predicted: Type.Number() }),
  tracking: Type.Array(TrackingRow, { description: 'Cumulative repeat purchases period by period' }),
}, { $id: 'ClvHoldout' });
