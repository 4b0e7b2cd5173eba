// The analysis API's inputs, validated at the boundary, and the shapes it answers with.
import { Type, type Static, type TSchema } from 'typebox';
import { DEFAULT_PORTFOLIO_SETTINGS, type PortfolioSettings, type PortfolioSettingsInput, REVENUE_PERIODS, VOLUME_TIER_METHODS } from '../portfolio/settings.js';
import { GOAL_COMPARATORS, GOAL_METRICS } from '../portfolio/goals.js';
import { SECTION_DIMENSIONS } from '../portfolio/sections.js';
import { Count, Currency, Day, Enum, Id, Money } from './common.js';

const strict = { additionalProperties: false } as const;
export const IsoDay = Day('A day as YYYY-MM-DD');

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
  offset: Type.Optional(Count()),
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
// The sections of the rules, as GET /settings/portfolio describes them.
const RULE_SECTIONS: Record<string, string> = {
  revenuePeriod: 'The revenue the sales-volume tiers, ABC classes, sections and team figures rank on',
  status: 'Activity status: the active window, and when a never-buying account is probable',
  volumeTier: 'Sales-volume tiers: by multiples of the mean revenue or by quantiles',
  frequency: 'Purchase frequency: the largest median gap, in days, of frequent and regular buyers',
  abc: 'ABC / Pareto: the revenue shares that end classes A and B, and the chart',
  growth: 'Growth potential: the alike accounts an active account is measured against',
  inactive: 'Inactive accounts: the worth-recovering score and the notes shown',
  churn: 'Pre-churn signals: when each is raised',
  team: 'Team figures: the fewest accounts behind a rate before a rep is named best at it',
};

/** Every rule, shaped like the defaults, each field with its value. */
function fullOf(value: object, options: { description?: string } = {}, top = false): TSchema {
  return Type.Object(Object.fromEntries(Object.entries(value).map(([key, v]) => {
    const description = top ? RULE_SECTIONS[key] : undefined;
    return [key, typeof v === 'object' && v !== null ? fullOf(v, description ? { description } : {})
      : typeof v === 'number' ? Type.Number(description ? { description } : {})
        : Enum(RULE_CHOICES[key] ?? [String(v)], description)];
  })), { ...strict, ...options });
}

export const PortfolioSettingsSchema = Type.Unsafe<PortfolioSettings>({
  ...fullOf(DEFAULT_PORTFOLIO_SETTINGS, {}, true),
  $id: 'PortfolioRules',
  description: 'The classification rules in force, every field with its value (docs/analysis-rules.md)',
});

const MoveCell = Type.Object({
  from: Type.String({ description: 'The class in the latest run' }),
  to: Type.String({ description: 'The class under the proposed rules' }),
  accounts: Type.Integer({ description: 'Accounts that would move so' }),
}, strict);
const Moves = Type.Object({
  movedAccounts: Type.Integer({ description: 'Accounts that would change class' }),
  cells: Type.Array(MoveCell, { description: 'Largest first' }),
}, strict);

export const RulesPreviewSchema = Type.Object({
  comparedWith: Type.Object({ id: Id, asOf: IsoDay }, { ...strict, description: 'The latest run, the one the proposed rules are compared with' }),
  accounts: Type.Integer({ description: 'Accounts classified again under the proposed rules' }),
  moves: Type.Object(Object.fromEntries(CLASS_DIMENSION_NAMES.map((d) => [d, Moves])) as Record<(typeof CLASS_DIMENSION_NAMES)[number], typeof Moves>,
    { ...strict, description: 'Per classification, the accounts that would move' }),
}, { ...strict, $id: 'RulesPreview' });
export type RulesPreview = Static<typeof RulesPreviewSchema>;

export const GoalsBodySchema = Type.Object({ goals: GoalsSchema }, strict);
export const GoalsSettingsSchema = Type.Object({ goals: GoalsSchema, currency: Currency }, { $id: 'GoalSettings' });
export type GoalsSettings = Static<typeof GoalsSettingsSchema>;

export type RunCreate = Static<typeof RunCreateSchema>;
