import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AccountClvSchema, ClvQuerySchema, HoldoutQuerySchema, HoldoutSchema, PortfolioClvSchema,
} from '../../domain/schemas/clv.js';
import { ClvFits } from '../../services/clv/clv-fits.js';
import {
  accountLifetimeValue, lifetimeValueHoldout, portfolioLifetimeValue,
} from '../../services/clv/lifetime-value.js';
import type { RouteDeps } from '../route-deps.js';
import { contextOf } from '../request-context.js';
import { errors, IdParams } from './shared.js';

const tags = ['lifetime value'];

/** Lifetime value: the fitted models, each account's outlook and the hold-out check; any signed-in user. */
export async function clvRoutes(base: FastifyInstance, { store }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  // One cache per server: fits are reused until the purchases change (see clv-fits.ts).
  const fits = new ClvFits(store);

  app.get('/analysis/clv', {
    schema: {
      tags, summary: 'The BG/NBD and Gamma-Gamma models fitted on the portfolio, with the expected purchases and total CLV over the horizon',
      querystring: ClvQuerySchema, response: { 200: PortfolioClvSchema, ...errors(400, 401, 422) },
    },
  }, (request) => portfolioLifetimeValue(contextOf(store, request), fits, request.query));

  app.get('/analysis/clv/holdout', {
    schema: {
      tags, summary: 'Fit on a calibration period and compare with the next: hold-out purchases by calibration frequency, and cumulative repeat purchases period by period (actual and predicted)',
      querystring: HoldoutQuerySchema, response: { 200: HoldoutSchema, ...errors(400, 401, 422) },
    },
  }, (request) => lifetimeValueHoldout(contextOf(store, request), request.query));

  app.get('/accounts/:id/clv', {
    schema: {
      tags, summary: "The account's probability of being alive, expected purchases, next purchase, value per purchase and CLV",
      params: IdParams, querystring: ClvQuerySchema, response: { 200: AccountClvSchema, ...errors(400, 401, 404, 422) },
    },
  }, (request) => accountLifetimeValue(contextOf(store, request), fits, request.params.id, request.query));
}
