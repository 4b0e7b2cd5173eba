import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { type TSchema, Type } from 'typebox';
import {
  AnalysisListQuerySchema, GoalsBodySchema, MatrixQuerySchema, MovementsQuerySchema, PortfolioRulesSchema, PortfolioSettingsSchema, RulesPreviewSchema,
  GoalsSettingsSchema, RunCreateSchema, RunListQuerySchema, RunQuerySchema, RunSchema, SectionsQuerySchema, TeamQuerySchema,
} from '../../domain/schemas/analysis.js';
import {
  ChurnListSchema, GoalsViewSchema, GrowthListSchema, InactiveListSchema, MatrixSchema, MovementsSchema, OverviewSchema, ParetoSchema,
  RfmGridSchema, SectionsSchema, TeamViewSchema,
} from '../../domain/schemas/analysis-views.js';
import { AccountClassesSchema } from '../../domain/schemas/account-classes.js';
import {
  abcView, accountClasses, accountList, goalsView, matrixView, movementsView, overview, rfmView, sectionsView, teamView,
} from '../../services/analysis/analysis-views.js';
import { goalSettings, portfolioRules, setPortfolioGoals, setPortfolioRules } from '../../services/analysis/portfolio-rules.js';
import { inCurrency } from '../../services/currency.js';
import { previewRules } from '../../services/analysis/preview-rules.js';
import { runAnalysis } from '../../services/analysis/run-analysis.js';
import { latestRunInScope, runsInScope } from '../../services/analysis/runs-in-scope.js';
import { analysisSchedule, setAnalysisSchedule, SNAPSHOT_INTERVALS } from '../../services/analysis/schedule.js';
import { Enum } from '../../domain/schemas/common.js';
import type { RouteDeps } from '../route-deps.js';
import { contextOf } from '../request-context.js';
import { errors, IdParams } from './shared.js';

const tags = ['analysis'];
const ScheduleSchema = Type.Object({
  snapshots: Enum(SNAPSHOT_INTERVALS, 'How often a snapshot is kept as history'),
  dailyRefresh: Type.Boolean({ description: 'Re-classify once a day so the classes follow the orders' }),
}, { additionalProperties: false, $id: 'AnalysisSchedule' });
function read<A extends TSchema, Q extends TSchema = typeof RunQuerySchema>(summary: string, answer: A, querystring?: Q) {
  return { schema: { tags, summary, querystring: (querystring ?? RunQuerySchema) as Q, response: { 200: answer, ...errors(400, 401, 403, 404) } } };
}

export async function analysisRoutes(base: FastifyInstance, { store }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = (request: Parameters<typeof contextOf>[1]) => contextOf(store, request);

  app.post('/analysis/runs', {
    schema: { tags, summary: 'Classify the portfolio now (managers and admins); a snapshot is kept as history', body: RunCreateSchema, response: { 201: RunSchema, ...errors(400, 401, 403) } },
  }, async (request, reply) => reply.status(201).send(await runAnalysis(ctx(request), { asOf: request.body.asOf, kind: request.body.snapshot ? 'snapshot' : 'run' })));

  app.get('/analysis/runs', {
    schema: { tags, summary: 'The latest run and every snapshot, newest first', querystring: RunListQuerySchema, response: { 200: Type.Object({ items: Type.Array(RunSchema) }), ...errors(400, 401) } },
  }, async (request) => ({ items: await runsInScope(ctx(request), request.query.kind) }));

  app.get('/analysis/runs/latest', {
    schema: { tags, summary: 'The run every figure is read from', response: { 200: RunSchema, ...errors(401, 404) } },
  }, (request) => latestRunInScope(ctx(request)));

  app.get('/analysis/overview', read('Accounts and revenue per class of every classification, and pre-churn signals', OverviewSchema),
    (request) => overview(ctx(request), request.query.run));
  app.get('/analysis/abc', read('ABC / Pareto: the chart, the classes and the concentration figures', ParetoSchema),
    (request) => abcView(ctx(request), request.query.run));
  app.get('/analysis/rfm', read('The RFM grid (recency × frequency scores) and the accounts per segment', RfmGridSchema),
    (request) => rfmView(ctx(request), request.query.run));
  app.get('/analysis/matrix', read('Accounts and revenue crossed by any two classes or account fields', MatrixSchema, MatrixQuerySchema),
    (request) => matrixView(ctx(request), request.query.rows, request.query.columns, request.query.run));
  app.get('/analysis/sections', read('Counts, revenue, A/B/C mix, active rate and churn signals by one dimension or two crossed', SectionsSchema, SectionsQuerySchema),
    (request) => sectionsView(ctx(request), request.query.by, request.query.cross, request.query.run));
  app.get('/analysis/churn', read('Accounts with pre-churn signals, largest revenue first, each with its reasons', ChurnListSchema, AnalysisListQuerySchema),
    (request) => accountList(ctx(request), 'churn', { ...request.query, runId: request.query.run }));
  app.get('/analysis/inactive', read('Inactive accounts, most worth recovering first: since when, what they last bought, their last notes, revenue at stake', InactiveListSchema, AnalysisListQuerySchema),
    (request) => accountList(ctx(request), 'inactive', { ...request.query, runId: request.query.run }));
  app.get('/analysis/growth', read('Active accounts with most room to grow against alike accounts', GrowthListSchema, AnalysisListQuerySchema),
    (request) => accountList(ctx(request), 'growth', { ...request.query, runId: request.query.run }));
  app.get('/analysis/team', read('Per rep and type of account: accounts, revenue, retention, conversion, and who does best', TeamViewSchema, TeamQuerySchema),
    (request) => teamView(ctx(request), request.query.by, request.query.run));
  app.get('/analysis/goals', read('Goals (the portfolio\'s and each rep\'s), their progress now and at every snapshot; a rep who sees only their own accounts gets the goals set for them', GoalsViewSchema, Type.Object({}, { additionalProperties: false })),
    (request) => goalsView(ctx(request)));
  app.get('/analysis/movements', read('Accounts that moved between classes since a snapshot', MovementsSchema, MovementsQuerySchema),
    (request) => movementsView(ctx(request), request.query.dimension, request.query));
  app.get('/accounts/:id/classes', {
    schema: { tags, summary: 'The account\'s classes, each with its rule and figures, and their history', params: IdParams, response: { 200: AccountClassesSchema, ...errors(401, 404) } },
  }, (request) => accountClasses(ctx(request), request.params.id));

  app.get('/settings/portfolio', {
    schema: { tags: ['settings'], summary: 'The classification rules in force, every field with its value', response: { 200: PortfolioSettingsSchema, ...errors(401) } },
  }, () => portfolioRules(store));
  app.put('/settings/portfolio', {
    schema: { tags: ['settings'], summary: 'Change the classification rules (admins); takes effect at the next run', body: PortfolioRulesSchema, response: { 200: PortfolioSettingsSchema, ...errors(400, 401, 403, 422) } },
  }, (request) => setPortfolioRules(ctx(request), request.body));
  app.post('/settings/portfolio/preview', {
    schema: { tags: ['settings'], summary: 'How many accounts proposed rules would move between classes, against the latest run', body: PortfolioRulesSchema, response: { 200: RulesPreviewSchema, ...errors(400, 401, 403, 404, 422) } },
  }, (request) => previewRules(ctx(request), request.body));
  app.get('/settings/analysis-schedule', {
    schema: { tags: ['settings'], summary: 'When the server refreshes the classes and keeps snapshots', response: { 200: ScheduleSchema, ...errors(401) } },
  }, () => analysisSchedule(store));
  app.put('/settings/analysis-schedule', {
    schema: { tags: ['settings'], summary: 'Change when the server refreshes the classes and keeps snapshots (admins)', body: ScheduleSchema, response: { 200: ScheduleSchema, ...errors(400, 401, 403) } },
  }, (request) => setAnalysisSchedule(ctx(request), request.body));
  app.get('/settings/goals', {
    schema: { tags: ['settings'], summary: 'The goals, for the portfolio or for one rep\'s accounts; money targets in the currency named', response: { 200: GoalsSettingsSchema, ...errors(401) } },
  }, async () => inCurrency(store, { goals: await goalSettings(store) }));
  app.put('/settings/goals', {
    schema: { tags: ['settings'], summary: 'Replace the goals (admins)', body: GoalsBodySchema, response: { 200: GoalsSettingsSchema, ...errors(400, 401, 403, 422) } },
  }, async (request) => inCurrency(store, { goals: await setPortfolioGoals(ctx(request), request.body.goals) }));
}
