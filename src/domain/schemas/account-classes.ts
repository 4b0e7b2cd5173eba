// What GET /accounts/:id/classes answers: the account's classes in the latest run, each with the
// rule that placed it in words and the figures it used, its pre-churn signals, its key figures,
// what it could grow by or is worth recovering, its lifetime value, and its classes run by run.
import { Type, type Static } from 'typebox';
import { IsoDay } from './analysis.js';
import { ChurnSignalSchema, FiguresSchema, GrowthDetailSchema, InactiveDetailSchema, RunInfoSchema } from './analysis-views.js';
import { AccountClvPredictionSchema } from './clv.js';
import { Currency, Enum, Id, MoneyField, Nullable, strict } from './common.js';

const ClassReason = (dimension: string) => Type.Object({
  class: Type.String({ description: `The ${dimension} class` }),
  rule: Type.String({ description: 'The rule that placed the account there, in words' }),
  figures: FiguresSchema,
}, { ...strict, description: `The ${dimension} class and why` });

const Scores = Type.Object({
  r: Type.Integer({ minimum: 1, maximum: 5, description: 'Recency score' }),
  f: Type.Integer({ minimum: 1, maximum: 5, description: 'Frequency score' }),
  m: Type.Integer({ minimum: 1, maximum: 5, description: 'Monetary score' }),
}, strict);

const RfmReason = Type.Object({
  ...ClassReason('RFM segment').properties,
  scores: Type.Optional(Nullable(Scores)),
}, { ...strict, description: 'The RFM segment and why; an account placed again after an order also carries its scores' });

export const AccountSummarySchema = Type.Object({
  firstPurchase: Nullable(IsoDay),
  lastPurchase: Nullable(IsoDay),
  daysSinceLastPurchase: Nullable(Type.Integer({ description: 'Days from the last purchase to the as-of day' })),
  orderCount: Type.Integer({ description: 'Orders up to the as-of day' }),
  purchaseDays: Type.Integer({ description: 'Days it bought on' }),
  revenue: MoneyField('Lifetime revenue'),
  averageTicket: Nullable(MoneyField('Revenue per order')),
  meanGapDays: Nullable(Type.Number({ description: 'Mean days between purchase days' })),
  medianGapDays: Nullable(Type.Number({ description: 'Median days between purchase days' })),
  revenueLast12Months: MoneyField('Revenue over the 365 days ending on the as-of day'),
  revenuePrevious12Months: MoneyField('Revenue over the 365 days before those'),
}, strict);

export const ClassHistoryEntrySchema = Type.Object({
  runId: Id,
  kind: Enum(['run', 'snapshot'] as const),
  asOf: IsoDay,
  status: Type.String(), abc: Type.String(), rfm: Type.String(), volumeTier: Type.String(), frequency: Type.String(),
}, { ...strict, description: 'The account\'s classes in one run' });

export const AccountClassesSchema = Type.Object({
  run: RunInfoSchema,
  accountId: Id,
  status: ClassReason('activity status'),
  abc: ClassReason('ABC'),
  rfm: RfmReason,
  volumeTier: ClassReason('sales-volume tier'),
  frequency: ClassReason('purchase frequency'),
  churnSignals: Type.Array(ChurnSignalSchema, { description: 'Its pre-churn signals' }),
  summary: AccountSummarySchema,
  growth: Nullable(GrowthDetailSchema),
  inactive: Nullable(InactiveDetailSchema),
  clv: Nullable(Type.Object({ accountId: Id, ...AccountClvPredictionSchema.properties }, { ...strict, description: 'Its lifetime value from the run\'s fitted model; null when the run fitted none or the account never bought' })),
  history: Type.Array(ClassHistoryEntrySchema, { description: 'Its classes in every run and snapshot, oldest first' }),
  currency: Currency,
}, { ...strict, $id: 'AccountClasses' });
export type AccountClasses = Static<typeof AccountClassesSchema>;
