import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

interface Operation {
  requestBody?: { content: { 'application/json': { schema: Schema } } };
  responses: Record<string, { content?: { 'application/json': { schema: Schema } } }>;
}
interface Schema {
  type?: string;
  additionalProperties?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  pattern?: string;
  items?: Schema;
}
type Doc = { paths: Record<string, Record<string, Operation>> };

const RESOURCES = ['accounts', 'contacts', 'products', 'orders', 'interactions', 'tasks', 'users'];

describe.each(ENGINES)('OpenAPI document on %s', (engine) => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await openTestApp(engine);
    const response = await t.call('GET', '/api/openapi.json', { as: null });
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });
  afterAll(async () => { await t?.close(); });

  it.each(RESOURCES)('lists every route of /api/v1/%s', (resource) => {
    expect(Object.keys(doc.paths[`/api/v1/${resource}`] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    const item = Object.keys(doc.paths[`/api/v1/${resource}/{id}`] ?? {});
    expect(item).toEqual(expect.arrayContaining(['get', 'patch']));
    if (resource !== 'users') expect(item).toContain('delete');
  });

  it('lists the timeline, tokens, audit, access settings and sign-in routes', () => {
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/v1/accounts/{id}/timeline', '/api/v1/tokens', '/api/v1/tokens/{id}', '/api/v1/audit', '/api/v1/settings/access',
      '/api/v1/auth/sign-in', '/api/v1/auth/sign-out', '/api/v1/auth/me',
    ]));
  });

  it('rejects unknown fields in the documented body of POST /api/v1/accounts', () => {
    const schema = doc.paths['/api/v1/accounts']!.post!.requestBody!.content['application/json'].schema;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['name']);
  });

  it('rejects unknown fields in every documented request body, down to order lines', () => {
    const bodies = Object.entries(doc.paths).flatMap(([path, operations]) => Object.entries(operations)
      .filter(([, op]) => op.requestBody)
      .map(([method, op]) => [`${method.toUpperCase()} ${path}`, op.requestBody!.content['application/json'].schema] as const));
    expect(bodies.length).toBeGreaterThanOrEqual(15);
    for (const [where, schema] of bodies) expect({ where, strict: schema.additionalProperties }).toEqual({ where, strict: false });
    const lines = doc.paths['/api/v1/orders']!.post!.requestBody!.content['application/json'].schema.properties!.lines!;
    expect(lines.items!.additionalProperties).toBe(false);
  });

  it('documents money as decimal strings', () => {
    const product = doc.paths['/api/v1/products']!.post!.requestBody!.content['application/json'].schema;
    expect(product.properties!.listPrice).toMatchObject({ type: 'string', pattern: expect.stringContaining('\\d{1,2}') });
  });

  it('documents errors with the one error shape', () => {
    const answer = doc.paths['/api/v1/accounts']!.post!.responses['409']!.content!['application/json'].schema;
    expect(answer.properties!.error!.properties).toMatchObject({ code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } });
  });

  it('serves the API reference page without signing in', async () => {
    const page = await t.call('GET', '/api/docs/', { as: null });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});
