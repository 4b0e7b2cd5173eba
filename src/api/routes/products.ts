import type { FastifyInstance } from 'fastify';
import { ProductCreateSchema, ProductListQuerySchema, ProductPatchSchema, ProductSchema } from '../../domain/schemas/product.js';
import { products } from '../../services/products.js';
import type { RouteDeps } from '../route-deps.js';
import { crudRoutes } from './crud.js';

export async function productRoutes(app: FastifyInstance, { store }: RouteDeps) {
  crudRoutes(app, store, '/products', 'product',
    { item: ProductSchema, create: ProductCreateSchema, patch: ProductPatchSchema, query: ProductListQuerySchema }, products, { amounts: true });
}
