// The analysis API's inputs, validated at the boundary, and the shapes it answers with.
import { Type, type Static, type TSchema } from 'typebox';
import { DEFAULT_PORTFOLIO_SETTINGS, type PortfolioSettingsInput, REVENUE_PERIODS, VOLUME_TIER_METHODS } from '../portfolio/settings.js';
import { GOAL_COMPARATORS, GOAL_METRICS } from '../portfolio/goals.js';
import { SECTION_DIMENSIONS } from '../portfolio/sections.js';
import { Currency, Enum, Id, Money } from './common.js';

const strict = { additionalProperties: false } as const;
export const IsoDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A day as YYYY-MM-DD' });

export const CLASS_DIMENSION_NAMES = ['status', 'abc', 'rfm', 'volumeTier', 'frequency'] as const;
export const MATRIX_DIMENSION_NAMES = [...CLASS_DIMENSION_NAMES, 'recencyScore', 'frequencyScore', 'monetaryScore', ...SECTION_DIMENSIONS] as const;

export const RunCreateSchema = Type.Object({
  asOf: Type.Optional(IsoDay),
  snapshot: Type.Optional(Type.Boolean({ description: 'Keep the run as history (a snapshot); otherwise it replaces the previous ordinary run' })),
}, strict);

export const RunSchema = Type.Object({
  id: Id, kind: Enum(['run', 'snapshot'] as const), asOf: IsoDay, accountCount: Type.Integer(), durationMs: Type.Integer(),
  createdAt: Type.String(), createdBy: Type.Union([Id, Type.Null()]),
  newestPurchase: Type.Union([IsoDay, Type.Null()], { description: 'The newest purchase on file on or before the as-of day' }),
  dataStale: Type.Boolean({ description: 'The file ends more than 90 days before the as-of day: accounts look inactive because the file stops; analyse as of newestPurchase instead' }),
}, { $id: 'AnalysisRun' });

export const RunQuerySchema = Type.Object({ run: Type.Optional(Id) }, strict);
export const RunListQuerySchema = Type.Object({ kind: Type.Optional(Enum(['run', 'snapshot'] as const)) }, strict);

export const MatrixQuerySchema = Type.Object({
  rows: Enum(MATRIX_DIMENSION_NAMES), columns: Enum(MATRIX_DIMENSION_NAMES), run: Type.Optional(Id),
}, strict);

export const SectionsQuerySchema = Type.Object({
  by: Enum(SECTION_DIMENSIONS), cross: Type.Optional(Enum(SECTION_DIMENSIONS)), run: Type.Optional(Id),
}, strict);

export const AnalysisListQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  run: Type.Optional(Id),
}, strict);

export const TeamQuerySchema = Type.Object({ by: Enum(['segment', 'size'] as const), run: Type.Optional(Id) }, strict);

export const MovementsQuerySchema = Type.Object({
  dimension: Enum(CLASS_DIMENSION_NAMES),
  from: Type.Optional(Id), to: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'How many of the accounts that moved to list (100 by default; 0 for the counts alone)' })),
  fromClass: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'List only the accounts that moved from this class' })),
  toClass: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'List only the accounts that moved to this class' })),
}, strict);

export const GoalSchema = Type.Object({
  metric: Enum(GOAL_METRICS),
  target: Type.Union([Money, Type.Number()], {
    description: 'revenue and averageTicket: an amount as a decimal string ("2500.00"); counts as a number; rates and shares from 0 to 1; enterpriseToSmallRevenue as a multiple',
  }),
  comparator: Enum(GOAL_COMPARATORS),
  period: Type.Object({ start: IsoDay, end: IsoDay }, strict),
  ownerId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'The rep whose accounts the goal measures; absent or null for the whole portfolio' })),
}, { ...strict, $id: 'Goal' });
export const GoalsSchema = Type.Array(GoalSchema, { maxItems: 100 });
export type GoalSetting = Static<typeof GoalSchema>;

const RULE_CHOICES: Record<string, readonly string[]> = { revenuePeriod: REVENUE_PERIODS, method: VOLUME_TIER_METHODS };

/** Any subset of the rules, shaped like the defaults; ranges are checked by the analytics' own resolver, which names the field at fault. */
function partialOf(value: object): TSchema {
  return Type.Object(Object.fromEntries(Object.entries(value).map(([key, v]) => [key, Type.Optional(
    typeof v === 'object' && v !== null ? partialOf(v)
      : typeof v === 'number' ? Type.Number()
        : Enum(RULE_CHOICES[key] ?? [String(v)]),
  )])), strict);
}

export const PortfolioRulesSchema = Type.Unsafe<PortfolioSettingsInput>({
  ...partialOf(DEFAULT_PORTFOLIO_SETTINGS),
  description: 'Any subset of the classification rules; GET /settings/portfolio shows every field with its value',
});
export const GoalsBodySchema = Type.Object({ goals: GoalsSchema }, strict);
export const GoalsSettingsSchema = Type.Object({ goals: GoalsSchema, currency: Currency }, { $id: 'GoalSettings' });

// The answers below are read from stored runs; they let through fields a later run adds
// (additionalProperties) so a stored figure is never dropped on its way out.
const open = { additionalProperties: true } as const;
const RunInfo = Type.Object({ id: Id, kind: Enum(['run', 'snapshot'] as const), asOf: IsoDay, createdAt: Type.String(), accountCount: Type.Integer() }, open);
const Share = Type.Union([Type.Number(), Type.Null()]);

const GoalProgressSchema = Type.Object({
  goal: GoalSchema,
  measuredOn: IsoDay,
  actual: Type.Union([Money, Type.Number(), Type.Null()], { description: 'An amount for revenue and averageTicket, a number otherwise; null when not measurable yet' }),
  ratio: Share,
  met: Type.Union([Type.Boolean(), Type.Null()]),
  elapsedShare: Type.Number(),
  description: Type.String(),
}, open);

export const GoalsViewSchema = Type.Object({
  current: Type.Array(GoalProgressSchema),
  history: Type.Array(Type.Object({ run: RunInfo, goals: Type.Array(GoalProgressSchema) }, open), { description: 'Oldest first: every snapshot, then the latest run' }),
  currency: Currency,
}, { ...open, $id: 'GoalsView' });

const teamFigures = {
  ownerId: Type.Union([Id, Type.Null()]),
  accounts: Type.Integer(),
  revenue: Money,
  revenuePerAccount: Type.Union([Money, Type.Null()]),
  activePreviously: Type.Integer(), retained: Type.Integer(), retentionRate: Share,
  prospects: Type.Integer(), converted: Type.Integer(), conversionRate: Share,
};
const Leader = <T extends TSchema>(value: T) => Type.Union([Type.Object({ ownerId: Id, value, sample: Type.Integer() }, open), Type.Null()]);

export const TeamViewSchema = Type.Object({
  run: RunInfo,
  dimension: Enum(['segment', 'size'] as const),
  byRep: Type.Array(Type.Object(teamFigures, open)),
  byRepAndType: Type.Array(Type.Object({ ...teamFigures, accountType: Type.Union([Type.String(), Type.Null()]) }, open)),
  leaders: Type.Array(Type.Object({
    accountType: Type.Union([Type.String(), Type.Null()]),
    revenuePerAccount: Leader(Money), retentionRate: Leader(Type.Number()), conversionRate: Leader(Type.Number()),
  }, open)),
  currency: Currency,
}, { ...open, $id: 'TeamView' });

export const FlexibleObject = Type.Object({}, { additionalProperties: true });

export type RunCreate = Static<typeof RunCreateSchema>;
