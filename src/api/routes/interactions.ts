import type { FastifyInstance } from 'fastify';
import { InteractionCreateSchema, InteractionListQuerySchema, InteractionPatchSchema, InteractionSchema } from '../../domain/schemas/interaction.js';
import { interactions } from '../../services/interactions.js';
import type { RouteDeps } from '../route-deps.js';
import { crudRoutes } from './crud.js';

export async function interactionRoutes(app: FastifyInstance, { store }: RouteDeps) {
  crudRoutes(app, store, '/interactions', 'interaction',
    { item: InteractionSchema, create: InteractionCreateSchema, patch: InteractionPatchSchema, query: InteractionListQuerySchema }, interactions);
}
