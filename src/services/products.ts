import { canEditCatalogue } from '../domain/access.js';
import { changedFields } from '../domain/changes.js';
import { ClienteleError, notFound } from '../domain/errors.js';
import type { Product, ProductCreate, ProductListQuery, ProductPatch } from '../domain/schemas/product.js';
import { type Context, requireRole } from './context.js';
import { uniqueViolation } from './store-errors.js';

const IGNORED = ['id', 'createdAt', 'updatedAt'];
const UNIQUE = { sku: ['sku', 'Another product already has this SKU.'] as [string, string] };

export const products = {
  async get(ctx: Context, id: number): Promise<Product> {
    const product = await ctx.store.products.get(id);
    if (!product) throw notFound('Product', id);
    return product;
  },

  list: (ctx: Context, query: ProductListQuery) => ctx.store.products.list(query),

  async create(ctx: Context, input: ProductCreate): Promise<Product> {
    requireRole(ctx, canEditCatalogue, 'change the product catalogue');
    return uniqueViolation(() => ctx.store.transaction(async (tx) => {
      const product = await tx.products.insert(input);
      await tx.audit.record({ userId: ctx.actor.userId, action: 'create', entity: 'product', entityId: product.id, changes: changedFields(undefined, product, IGNORED) });
      return product;
    }), UNIQUE);
  },

  async update(ctx: Context, id: number, patch: ProductPatch): Promise<Product> {
    requireRole(ctx, canEditCatalogue, 'change the product catalogue');
    return uniqueViolation(() => ctx.store.transaction(async (tx) => {
      const before = await tx.products.get(id);
      if (!before) throw notFound('Product', id);
      const after = (await tx.products.update(id, patch))!;
      await tx.audit.record({ userId: ctx.actor.userId, action: 'update', entity: 'product', entityId: id, changes: changedFields(before, after, IGNORED) });
      return after;
    }), UNIQUE);
  },

  async remove(ctx: Context, id: number): Promise<void> {
    requireRole(ctx, canEditCatalogue, 'change the product catalogue');
    await ctx.store.transaction(async (tx) => {
      const before = await tx.products.get(id);
      if (!before) throw notFound('Product', id);
      if (await tx.products.isReferenced(id)) {
        throw new ClienteleError('conflict', `Product ${id} appears on orders; set it inactive instead of deleting it.`);
      }
      await tx.products.delete(id);
      await tx.audit.record({ userId: ctx.actor.userId, action: 'delete', entity: 'product', entityId: id, changes: changedFields(before, undefined, IGNORED) });
    });
  },
};
