import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AccountUpsellQuerySchema, AccountUpsellSchema, AssociationRulesSchema, RulesQuerySchema, SimilarProductsSchema,
  SimilarQuerySchema, SuggestionsQuerySchema, SuggestionsSchema, UpsellListQuerySchema, UpsellListSchema,
} from '../../domain/schemas/recommendations.js';
import { accountSuggestions, associationRuleList, productsBoughtWith } from '../../services/recommend/cross-sell-views.js';
import { RecommendModels } from '../../services/recommend/recommend-models.js';
import { accountUpsell, upsellList } from '../../services/recommend/upsell-views.js';
import type { RouteDeps } from '../route-deps.js';
import { contextOf } from '../request-context.js';
import { errors, IdParams } from './shared.js';

const tags = ['recommendations'];

export async function recommendationRoutes(base: FastifyInstance, { store }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = (request: Parameters<typeof contextOf>[1]) => contextOf(store, request);
  // Learned at the first request and kept while the orders, catalogue and accounts are unchanged.
  const models = new RecommendModels(store);

  app.get('/accounts/:id/suggestions', {
    schema: {
      tags, summary: 'Cross-sell: products the account has not bought that accounts buying the same products bought, each with its reason',
      params: IdParams, querystring: SuggestionsQuerySchema, response: { 200: SuggestionsSchema, ...errors(400, 401, 404) },
    },
  }, (request) => accountSuggestions(ctx(request), models, request.params.id, request.query));

  app.get('/products/:id/similar', {
    schema: {
      tags, summary: 'Products bought by the same accounts as this one, most alike first',
      params: IdParams, querystring: SimilarQuerySchema, response: { 200: SimilarProductsSchema, ...errors(400, 401, 404) },
    },
  }, (request) => productsBoughtWith(ctx(request), models, request.params.id, request.query));

  app.get('/analysis/association-rules', {
    schema: {
      tags, summary: 'Association rules X → Y with support, confidence and lift, highest lift first (managers and admins)',
      querystring: RulesQuerySchema, response: { 200: AssociationRulesSchema, ...errors(400, 401, 403, 422) },
    },
  }, (request) => associationRuleList(ctx(request), models, request.query));

  app.get('/accounts/:id/upsell', {
    schema: {
      tags, summary: 'Up-sell: categories where the account spent well below alike accounts over the last 12 months',
      params: IdParams, querystring: AccountUpsellQuerySchema, response: { 200: AccountUpsellSchema, ...errors(400, 401, 404, 422) },
    },
  }, (request) => accountUpsell(ctx(request), models, request.params.id, request.query));

  app.get('/analysis/upsell', {
    schema: {
      tags, summary: 'Up-sell across the accounts you see, largest shortfall against alike accounts first',
      querystring: UpsellListQuerySchema, response: { 200: UpsellListSchema, ...errors(400, 401, 422) },
    },
  }, (request) => upsellList(ctx(request), models, request.query));
}
