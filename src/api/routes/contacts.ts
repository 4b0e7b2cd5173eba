import type { FastifyInstance } from 'fastify';
import { ContactCreateSchema, ContactListQuerySchema, ContactPatchSchema, ContactSchema } from '../../domain/schemas/contact.js';
import { contacts } from '../../services/contacts.js';
import type { RouteDeps } from '../route-deps.js';
import { crudRoutes } from './crud.js';

export async function contactRoutes(app: FastifyInstance, { store }: RouteDeps) {
  crudRoutes(app, store, '/contacts', 'contact',
    { item: ContactSchema, create: ContactCreateSchema, patch: ContactPatchSchema, query: ContactListQuerySchema }, contacts);
}
