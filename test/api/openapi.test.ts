import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { MONEY_PATTERN } from '../../src/domain/money.js';

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
  $ref?: string;
  anyOf?: Schema[];
  allOf?: Schema[];
  oneOf?: Schema[];
}
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

// Fields that hold amounts wherever they appear; `total` is an amount except as a list's count beside its items.
const MONEY_FIELDS = new Set(['revenue', 'total', 'listPrice', 'unitPrice', 'clv', 'totalClv', 'clvMin', 'clvMax', 'expectedAverageValue',
  'populationMeanValue', 'spent', 'peerMedian', 'shortfall', 'averageTicket', 'target', 'revenuePerAccount']);

interface MoneyFinding { where: string; problem: string }

/**
 * Walks a documented schema for amounts: a field named in cents, an amount typed as a number, or
 * a decimal-string amount with no \`currency\` beside it or on an object around it.
 */
function moneyProblems(doc: Doc, schema: Schema | undefined, where: string, currencyAround: boolean, seen = new Set<Schema>(), amounts = { seen: 0 }): MoneyFinding[] {
  if (!schema) return [];
  if (schema.$ref) return moneyProblems(doc, doc.components?.schemas?.[schema.$ref.split('/').pop()!], where, currencyAround, seen, amounts);
  if (seen.has(schema)) return [];
  seen.add(schema);
  const found: MoneyFinding[] = [];
  for (const alternative of [...(schema.anyOf ?? []), ...(schema.allOf ?? []), ...(schema.oneOf ?? [])]) {
    found.push(...moneyProblems(doc, alternative, where, currencyAround, new Set(seen), amounts));
  }
  if (schema.pattern === MONEY_PATTERN) amounts.seen += 1;
  if (schema.pattern === MONEY_PATTERN && !currencyAround) found.push({ where, problem: 'an amount with no currency named beside it' });
  if (schema.items) found.push(...moneyProblems(doc, schema.items, `${where}[]`, currencyAround, new Set(seen), amounts));
  const properties = schema.properties ?? {};
  const named = currencyAround || 'currency' in properties;
  for (const [name, property] of Object.entries(properties)) {
    const at = `${where}.${name}`;
    if (/cents/i.test(name)) found.push({ where: at, problem: 'named in cents' });
    const types = [property, ...(property.anyOf ?? [])].map((p) => p.type);
    const countBesideItems = name === 'total' && 'items' in properties;
    // The recovery score's weights and parts share out revenue, frequency and recency; they are not amounts.
    if (MONEY_FIELDS.has(name) && !countBesideItems && !where.endsWith('.weights') && !where.endsWith('.scoreParts') && types.some((type) => type === 'integer' || type === 'number')
      && !(name === 'target' && (property.anyOf ?? []).some((p) => p.pattern === MONEY_PATTERN))) {
      found.push({ where: at, problem: 'an amount typed as a number' });
    }
    found.push(...moneyProblems(doc, property, at, named, new Set(seen), amounts));
  }
  return found;
}

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

  it('documents no amount in cents or as a number, and names the currency beside every amount an answer gives', () => {
    const found: MoneyFinding[] = [];
    const amounts = { seen: 0 };
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        // What a request sends is in the organisation's currency, so only answers must name it.
        found.push(...moneyProblems(doc, operation.requestBody?.content['application/json'].schema, `${where} body`, true, new Set(), amounts));
        for (const [status, response] of Object.entries(operation.responses)) {
          const answer = response.content?.['application/json']?.schema;
          found.push(...moneyProblems(doc, answer, `${where} ${status}`, false, new Set(), amounts));
        }
      }
    }
    expect(found).toEqual([]);
    // The walk reached the amounts of orders, products, accounts, lifetime value, up-sell and goals.
    expect(amounts.seen).toBeGreaterThan(40);
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
