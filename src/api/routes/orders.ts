import type { FastifyInstance } from 'fastify';
import { OrderCreateSchema, OrderListQuerySchema, OrderPatchSchema, OrderSchema } from '../../domain/schemas/order.js';
import { orders } from '../../services/orders.js';
import type { RouteDeps } from '../route-deps.js';
import { crudRoutes } from './crud.js';

export async function orderRoutes(app: FastifyInstance, { store }: RouteDeps) {
  crudRoutes(app, store, '/orders', 'order',
    { item: OrderSchema, create: OrderCreateSchema, patch: OrderPatchSchema, query: OrderListQuerySchema }, orders, { amounts: true });
}
