import { Type, type Static } from 'typebox';
import { DateTime, Enum, Id, InCurrency, ListQuery, Money, Name, Nullable, Text, Timestamps, strict } from './common.js';

const editable = {
  sku: Text(64, { minLength: 1 }),
  name: Name(),
  category: Nullable(Text(100)),
  listPrice: Money,
  active: Type.Boolean(),
};

export const ProductSchema = Type.Object({ id: Id, ...editable, ...Timestamps, ...InCurrency }, { $id: 'Product' });
/** A product as stored; the API names the currency of its list price beside it. */
export type Product = Omit<Static<typeof ProductSchema>, 'currency'>;

export const ProductCreateSchema = Type.Object({
  ...Type.Partial(Type.Object(editable)).properties,
  sku: editable.sku,
  name: editable.name,
  listPrice: editable.listPrice,
}, { ...strict, $id: 'ProductCreate' });
export type ProductCreate = Static<typeof ProductCreateSchema>;

export const ProductPatchSchema = Type.Partial(Type.Object(editable), { ...strict, minProperties: 1, $id: 'ProductPatch' });
export type ProductPatch = Static<typeof ProductPatchSchema>;

export const ProductListQuerySchema = Type.Object({
  ...ListQuery,
  category: Type.Optional(Text(100)),
  active: Type.Optional(Type.Boolean()),
  createdFrom: Type.Optional(DateTime),
  createdTo: Type.Optional(DateTime),
  updatedFrom: Type.Optional(DateTime),
  updatedTo: Type.Optional(DateTime),
  sort: Type.Optional(Enum(['name', '-name', 'sku', '-sku', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const)),
}, strict);
export type ProductListQuery = Static<typeof ProductListQuerySchema>;
