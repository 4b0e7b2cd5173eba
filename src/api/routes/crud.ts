// The five routes of a plain resource (list, create, read, change, delete), declared once.
import { Type, type TSchema } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { Context } from '../../services/context.js';
import type { Store } from '../../store/store.js';
import { Page } from '../../domain/schemas/common.js';
import { recordsInCurrency } from '../../services/currency.js';
import { contextOf } from '../request-context.js';
import { errors, IdParams } from './shared.js';

export interface CrudService<T, C, P, Q> {
  list(ctx: Context, query: Q): Promise<unknown>;
  create(ctx: Context, input: C): Promise<T>;
  get(ctx: Context, id: number): Promise<T>;
  update(ctx: Context, id: number, patch: P): Promise<T>;
  remove(ctx: Context, id: number): Promise<void>;
}

export interface CrudSchemas {
  item: TSchema;
  create: TSchema;
  patch: TSchema;
  query: TSchema;
}

/** With `amounts`, every record answered names the currency of its amounts (its schema has `currency`). */
export function crudRoutes<T, C, P, Q>(app: FastifyInstance, store: Store, path: string, label: string, schemas: CrudSchemas, service: CrudService<T, C, P, Q>, options: { amounts?: boolean } = {}) {
  const tags = [path.replace(/^\//, '')];
  const ctx = (request: Parameters<typeof contextOf>[1]) => contextOf(store, request);
  const answer = async (body: Promise<unknown>) => (options.amounts ? recordsInCurrency(store, (await body) as object) : body);
  app.get(path, { schema: { tags, summary: `List ${label}s`, querystring: schemas.query, response: { 200: Page(schemas.item), ...errors(400, 401) } } },
    (request) => answer(service.list(ctx(request), request.query as Q)));
  app.post(path, { schema: { tags, summary: `Create a ${label}`, body: schemas.create, response: { 201: schemas.item, ...errors(400, 401, 403, 404, 409, 422) } } },
    async (request, reply) => reply.status(201).send(await answer(service.create(ctx(request), request.body as C))));
  app.get(`${path}/:id`, { schema: { tags, summary: `Read a ${label}`, params: IdParams, response: { 200: schemas.item, ...errors(401, 404) } } },
    (request) => answer(service.get(ctx(request), (request.params as { id: number }).id)));
  app.patch(`${path}/:id`, { schema: { tags, summary: `Change a ${label}`, params: IdParams, body: schemas.patch, response: { 200: schemas.item, ...errors(400, 401, 403, 404, 409, 422) } } },
    (request) => answer(service.update(ctx(request), (request.params as { id: number }).id, request.body as P)));
  app.delete(`${path}/:id`, { schema: { tags, summary: `Delete a ${label}`, params: IdParams, response: { 204: Type.Null(), ...errors(401, 403, 404, 409) } } },
    async (request, reply) => {
      await service.remove(ctx(request), (request.params as { id: number }).id);
      return reply.status(204).send(null);
    });
}
