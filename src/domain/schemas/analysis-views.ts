// What the analysis views answer: counts per class, the Pareto chart, the RFM grid, any two
// dimensions crossed, sections, the account lists, movements between runs, the team and the
// goals. Amounts are decimal strings in the currency each answer names.
import { Type, type Static, type TSchema } from 'typebox';
import { ABC_CLASSES, CHURN_SIGNAL_KINDS } from '../portfolio/classes.js';
import { SECTION_DIMENSIONS } from '../portfolio/sections.js';
import { REVENUE_PERIODS } from '../portfolio/settings.js';
import { GoalSchema, IsoDay } from './analysis.js';
import { Currency, Day, Enum, Id, Money, MoneyField, Nullable, strict } from './common.js';

const Integer = (description: string) => Type.Integer({ description });
const Share = (description: string) => Nullable(Type.Number({ description: `${description}, from 0 to 1; null when there is nothing to share out` }));

/** The run a view was read from. */
export const RunInfoSchema = Type.Object({
  id: Id,
  kind: Enum(['run', 'snapshot'] as const, 'run: the latest ordinary run; snapshot: one kept as history'),
  asOf: IsoDay,
  createdAt: Type.String({ description: 'When the run was made (ISO 8601)' }),
  accountCount: Integer('Accounts classified by the run'),
  newestPurchase: Nullable(Day('The newest purchase on file on or before the as-of day')),
  dataStale: Type.Boolean({ description: 'The file ends more than 90 days before the as-of day: accounts look inactive because the file stops' }),
}, { ...strict, $id: 'AnalysisRunInfo' });
export type RunInfo = Static<typeof RunInfoSchema>;

const ClassName = (dimension: string) => Type.String({ description: `The ${dimension} class (see docs/analysis-rules.md)` });

export const TallySchema = Type.Object({
  accounts: Integer('Accounts in the class'),
  revenue: MoneyField('Their revenue over the rules\' revenue period'),
}, strict);
export type Tally = Static<typeof TallySchema>;
const Tallies = (dimension: string) => Type.Record(Type.String(), TallySchema, { description: `Accounts and revenue per ${dimension} class; classes with no account are left out` });

export const OverviewSchema = Type.Object({
  run: RunInfoSchema,
  accounts: Integer('Accounts in the run that the reader sees'),
  revenue: MoneyField('Their revenue over the rules\' revenue period'),
  classes: Type.Object({
    status: Tallies('activity status'), abc: Tallies('ABC (active accounts ranked on the period)'), rfm: Tallies('RFM segment'),
    volumeTier: Tallies('sales-volume tier'), frequency: Tallies('purchase frequency'),
  }, strict),
  inactiveValue: Type.Object(Object.fromEntries(ABC_CLASSES.map((abc) => [abc, TallySchema])) as Record<(typeof ABC_CLASSES)[number], typeof TallySchema>,
    { ...strict, description: 'The inactive accounts per value class, with the revenue of the last active year their class ranks on' }),
  buyingNow: Type.Object({
    accounts: Integer('Accounts buying now (status current or active)'),
    averageTicket: Nullable(MoneyField('Their revenue per order; null without orders')),
    medianDaysBetweenPurchases: Nullable(Type.Number({ description: 'The median of their median days between purchases; null when none bought twice' })),
  }, strict),
  churn: Type.Object({
    accounts: Integer('Accounts with at least one pre-churn signal'),
    signals: Type.Object(Object.fromEntries(CHURN_SIGNAL_KINDS.map((kind) => [kind, Integer(`Accounts with the ${kind} signal`)])) as Record<(typeof CHURN_SIGNAL_KINDS)[number], ReturnType<typeof Integer>>, strict),
  }, strict),
  currency: Currency,
}, { ...strict, $id: 'AnalysisOverview' });
export type Overview = Static<typeof OverviewSchema>;

const SharePoint = Type.Object({
  accountShare: Type.Number({ description: 'Share of the ranked accounts, from 0 to 1' }),
  revenueShare: Type.Number({ description: 'Share of their revenue, from 0 to 1' }),
}, strict);
const AbcClassFiguresSchema = Type.Object({
  accounts: Integer('Accounts in the class'),
  revenue: MoneyField('Their revenue over the period'),
  accountShare: Share('The class\'s share of the ranked accounts'),
  revenueShare: Share('The class\'s share of the revenue'),
}, strict);
export type AbcClassFigures = Static<typeof AbcClassFiguresSchema>;

export const ParetoSchema = Type.Object({
  run: RunInfoSchema,
  period: Enum(REVENUE_PERIODS, 'The revenue the accounts are ranked on'),
  rankedAccounts: Integer('Accounts with revenue over the period, the ones ranked'),
  totalRevenue: MoneyField('Their revenue'),
  points: Type.Array(SharePoint, { description: 'The Pareto curve, largest accounts first, at most abc.chartMaxPoints points' }),
  classes: Type.Object({ A: AbcClassFiguresSchema, B: AbcClassFiguresSchema, C: AbcClassFiguresSchema }, strict),
  thresholds: Type.Object({
    aMaxShare: Type.Number({ description: 'Accounts are A while the revenue ranked above them is below this share' }),
    bMaxShare: Type.Number({ description: 'Then B while it is below this share' }),
  }, strict),
  topShare: Type.Object({
    accountShare: Type.Number({ description: 'The top share of accounts (the "20" of 80/20)' }),
    revenueShare: Share('The revenue share they hold'),
  }, strict),
  gini: Nullable(Type.Number({ description: 'Gini coefficient of the revenues, from 0 (even) to 1 (one account holds all); null without revenue' })),
  currency: Currency,
}, { ...strict, $id: 'AnalysisPareto' });
export type Pareto = Static<typeof ParetoSchema>;

export const RfmGridSchema = Type.Object({
  run: RunInfoSchema,
  cells: Type.Array(Type.Object({
    recency: Type.Integer({ minimum: 1, maximum: 5, description: 'Recency score' }),
    frequency: Type.Integer({ minimum: 1, maximum: 5, description: 'Frequency score' }),
    accounts: Integer('Accounts with both scores'),
    revenue: MoneyField('Their revenue over the period'),
  }, strict), { description: 'The scored accounts per pair of scores; pairs with no account are left out' }),
  segments: Type.Record(Type.String(), Type.Integer(), { description: 'Accounts per RFM segment, every segment named' }),
  currency: Currency,
}, { ...strict, $id: 'AnalysisRfmGrid' });
export type RfmGrid = Static<typeof RfmGridSchema>;

const MatrixValue = Nullable(Type.String({ description: 'A class, score or account field\'s value, as text; null where the field is empty' }));
export const MatrixSchema = Type.Object({
  run: RunInfoSchema,
  rows: Type.Array(MatrixValue, { description: 'The rows\' values, sorted' }),
  columns: Type.Array(MatrixValue, { description: 'The columns\' values, sorted' }),
  cells: Type.Array(Type.Object({
    row: MatrixValue, column: MatrixValue,
    accounts: Integer('Accounts with both values'),
    revenue: MoneyField('Their revenue over the period'),
  }, strict), { description: 'Pairs with no account are left out' }),
  currency: Currency,
}, { ...strict, $id: 'AnalysisMatrix' });
export type Matrix = Static<typeof MatrixSchema>;

export const SectionRowSchema = Type.Object({
  key: Type.Record(Type.String(), Nullable(Type.Union([Type.String(), Type.Integer()])), { description: 'The section\'s value on each dimension (the owner as a user id); null where unknown' }),
  accounts: Integer('Accounts in the section'),
  buyers: Integer('Those that ever bought'),
  activeAccounts: Integer('Those buying now (status current or active)'),
  activeRate: Share('Active accounts per buyer'),
  revenue: MoneyField('Their revenue over the period'),
  revenueShare: Share('The section\'s share of the revenue'),
  abc: Type.Object({ A: Type.Integer(), B: Type.Integer(), C: Type.Integer() }, { ...strict, description: 'Accounts per ABC class' }),
  accountsWithChurnSignals: Integer('Accounts with at least one pre-churn signal'),
}, strict);
export type SectionRow = Static<typeof SectionRowSchema>;

export const SectionsSchema = Type.Object({
  run: RunInfoSchema,
  dimensions: Type.Array(Enum(SECTION_DIMENSIONS), { minItems: 1, maxItems: 2, description: 'The dimension, then the one crossed with it' }),
  rows: Type.Array(SectionRowSchema, { description: 'Largest revenue first' }),
  currency: Currency,
}, { ...strict, $id: 'AnalysisSections' });
export type Sections = Static<typeof SectionsSchema>;

/** The rule figures quoted beside a class or signal: counts, days, shares, and amounts as decimal strings. */
export const FiguresSchema = Type.Record(Type.String(), Nullable(Type.Union([Type.Number(), Type.String()])), {
  description: 'The figures the rule used, by name: counts, days and shares as numbers, amounts as decimal strings, days as YYYY-MM-DD',
});

export const ChurnSignalSchema = Type.Object({
  kind: Enum(CHURN_SIGNAL_KINDS, 'The pre-churn signal'),
  reason: Type.String({ description: 'Why it is raised, in words' }),
  figures: FiguresSchema,
}, strict);
export type ChurnSignal = Static<typeof ChurnSignalSchema>;

export const GrowthDetailSchema = Type.Object({
  accountId: Id,
  revenueLast12Months: MoneyField('Revenue over the last 12 months'),
  averageTicket: Nullable(MoneyField('Revenue per order')),
  meanGapDays: Nullable(Type.Number({ description: 'Mean days between purchases' })),
  medianGapDays: Nullable(Type.Number({ description: 'Median days between purchases' })),
  peerGroup: Nullable(Enum(['segment_and_size', 'size', 'portfolio'] as const, 'The alike accounts it is measured against; null without enough of them')),
  peerCount: Integer('How many alike accounts'),
  peerBenchmark: Nullable(MoneyField('Their yearly revenue at the rules\' quantile')),
  potential: Nullable(MoneyField('Yearly revenue below the benchmark (0 at or above it)')),
  ratioToPeers: Nullable(Type.Number({ description: 'The account\'s yearly revenue over the benchmark' })),
  reason: Type.String({ description: 'The comparison, in words' }),
}, strict);
export type GrowthDetail = Static<typeof GrowthDetailSchema>;

export const NoteSchema = Type.Object({
  accountId: Id,
  type: Type.String({ description: 'call, visit, email, note or claim' }),
  subject: Type.String(),
  occurredAt: Type.String({ description: 'When it happened (ISO 8601)' }),
}, strict);

export const InactiveDetailSchema = Type.Object({
  accountId: Id,
  lastPurchase: IsoDay,
  daysSinceLastPurchase: Integer('Days from the last purchase to the as-of day'),
  inactiveSince: Day('The first day it counted as inactive: its last purchase left the active window'),
  lastPurchaseItems: Type.Array(Type.String(), { description: 'What it bought on its last purchase day' }),
  lastPurchaseRevenue: MoneyField('What its last purchase day came to'),
  lastNotes: Type.Array(NoteSchema, { description: 'Its latest claims, calls and notes, newest first' }),
  yearlyRevenueAtStake: MoneyField('Its revenue over its last active year'),
  purchaseDays: Integer('Days it bought on'),
  score: Type.Number({ description: 'How much it is worth recovering, from 0 to 1' }),
  scoreParts: Type.Object({
    revenue: Type.Number({ description: 'The revenue part of the score' }),
    frequency: Type.Number({ description: 'The frequency part' }),
    recency: Type.Number({ description: 'The recency part' }),
  }, strict),
  explanation: Type.String({ description: 'The score, in words' }),
}, strict);
export type InactiveDetail = Static<typeof InactiveDetailSchema>;

const listedAccount = {
  accountId: Id,
  name: Type.String({ description: 'The account\'s name now' }),
  ownerId: Nullable(Id),
  status: ClassName('activity status'),
  abc: ClassName('ABC'),
  rfm: ClassName('RFM segment'),
  revenue: MoneyField('Its revenue over the period'),
  lastPurchase: Nullable(IsoDay),
};
const AccountList = <T extends TSchema>(item: T, $id: string) => Type.Object({
  run: RunInfoSchema,
  items: Type.Array(item),
  hasMore: Type.Boolean({ description: 'More accounts follow: ask again with a larger offset' }),
  currency: Currency,
}, { ...strict, $id });

export const ChurnItemSchema = Type.Object({ ...listedAccount, signals: Type.Array(ChurnSignalSchema, { description: 'Its pre-churn signals' }) }, strict);
export type ChurnItem = Static<typeof ChurnItemSchema>;
export const ChurnListSchema = AccountList(ChurnItemSchema, 'AnalysisChurnList');
export const InactiveItemSchema = Type.Object({ ...listedAccount, detail: Type.Optional(InactiveDetailSchema) }, strict);
export const InactiveListSchema = AccountList(InactiveItemSchema, 'AnalysisInactiveList');
export const GrowthItemSchema = Type.Object({ ...listedAccount, detail: Type.Optional(GrowthDetailSchema) }, strict);
export const GrowthListSchema = AccountList(GrowthItemSchema, 'AnalysisGrowthList');
export type ChurnList = Static<typeof ChurnListSchema>;
export type InactiveList = Static<typeof InactiveListSchema>;
export type GrowthList = Static<typeof GrowthListSchema>;

export const MovementsSchema = Type.Object({
  dimension: Enum(['status', 'abc', 'rfm', 'volumeTier', 'frequency'] as const, 'The classification compared'),
  from: RunInfoSchema,
  to: RunInfoSchema,
  cells: Type.Array(Type.Object({
    from: ClassName('earlier'), to: ClassName('later'), accounts: Integer('Accounts that were in the one and are in the other'),
  }, strict), { description: 'Every pair of classes, the unchanged ones too' }),
  moved: Type.Array(Type.Object({
    accountId: Id, name: Type.String(), from: ClassName('earlier'), to: ClassName('later'),
    revenue: MoneyField('Its revenue over the period in the later run'),
  }, strict), { description: 'The accounts that moved, largest revenue first, up to the limit asked' }),
  movedAccounts: Integer('Accounts that changed class'),
  currency: Currency,
}, { ...strict, $id: 'AnalysisMovements' });
export type Movements = Static<typeof MovementsSchema>;

const teamFigures = {
  ownerId: Nullable(Id),
  accounts: Integer('Accounts held'),
  revenue: MoneyField('Their revenue over the period'),
  revenuePerAccount: Nullable(MoneyField('Revenue per account')),
  activePreviously: Integer('Accounts active a year before the as-of day'),
  retained: Integer('Those still active'),
  retentionRate: Share('Retained per previously active'),
  prospects: Integer('Prospects (suspects, leads, prospects) a year before'),
  converted: Integer('Those that became customers or partners'),
  conversionRate: Share('Converted per prospect'),
};
const Leader = <T extends TSchema>(value: T) => Nullable(Type.Object({
  ownerId: Id, value, sample: Integer('The accounts behind the value: held, previously active, or prospects'),
}, strict));

export const TeamViewSchema = Type.Object({
  run: RunInfoSchema,
  dimension: Enum(['segment', 'size'] as const, 'What the account type is'),
  byRep: Type.Array(Type.Object(teamFigures, strict), { description: 'Per rep; ownerId null for accounts nobody owns' }),
  byRepAndType: Type.Array(Type.Object({ ...teamFigures, accountType: Nullable(Type.String({ description: 'The segment or size' })) }, strict)),
  leaders: Type.Array(Type.Object({
    accountType: Nullable(Type.String({ description: 'The segment or size' })),
    revenuePerAccount: Leader(Money), retentionRate: Leader(Type.Number()), conversionRate: Leader(Type.Number()),
  }, strict), { description: 'Per account type, the rep best at each figure over at least team.minSample accounts' }),
  currency: Currency,
}, { ...strict, $id: 'TeamView' });
export type TeamView = Static<typeof TeamViewSchema>;

export const GoalProgressSchema = Type.Object({
  goal: GoalSchema,
  measuredOn: IsoDay,
  actual: Type.Union([Money, Type.Number(), Type.Null()], { description: 'An amount for revenue and averageTicket, a number otherwise; null when not measurable yet' }),
  ratio: Share('Actual over target'),
  met: Nullable(Type.Boolean({ description: 'Whether the goal is met; null when not measurable yet' })),
  elapsedShare: Type.Number({ description: 'How much of the period has gone by, from 0 to 1' }),
  description: Type.String({ description: 'The goal and its progress, in words' }),
}, strict);
export type GoalProgress = Static<typeof GoalProgressSchema>;

export const GoalsViewSchema = Type.Object({
  current: Type.Array(GoalProgressSchema, { description: 'At the latest run' }),
  history: Type.Array(Type.Object({ run: RunInfoSchema, goals: Type.Array(GoalProgressSchema) }, strict), { description: 'Oldest first: every snapshot, then the latest run' }),
  currency: Currency,
}, { ...strict, $id: 'GoalsView' });
export type GoalsView = Static<typeof GoalsViewSchema>;
