// Every answer the API gives is described field by field in the OpenAPI document: a route whose
// success answer has no schema, or a schema that lets anything through, fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

interface Schema {
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  prefixItems?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
}
interface Response { content?: Record<string, { schema?: Schema }> }
type Doc = { paths: Record<string, Record<string, { responses: Record<string, Response> }>>; components?: { schemas?: Record<string, Schema> } };

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null;

/** Where a schema lets an undescribed value through: anything at all, or an object open to any field. */
function openings(doc: Doc, schema: Schema, where: string, seen = new Set<Schema>()): string[] {
  if (schema.$ref) {
    const target = doc.components?.schemas?.[schema.$ref.split('/').pop()!];
    return target ? openings(doc, target, where, seen) : [`${where}: refers to a missing ${schema.$ref}`];
  }
  if (seen.has(schema)) return [];
  seen.add(schema);
  const found: string[] = [];
  const alternatives = [...(schema.anyOf ?? []), ...(schema.allOf ?? []), ...(schema.oneOf ?? [])];
  if (schema.type === undefined && alternatives.length === 0 && schema.enum === undefined && schema.const === undefined) {
    found.push(`${where}: any value (no type)`);
  }
  if (schema.additionalProperties === true || (isSchema(schema.additionalProperties) && openings(doc, schema.additionalProperties, '', new Set(seen)).length)) {
    found.push(`${where}: open to any field`);
  }
  const types = [schema.type].flat();
  const described = Object.keys(schema.properties ?? {}).length + Object.keys(schema.patternProperties ?? {}).length;
  if (types.includes('object') && described === 0 && schema.additionalProperties === undefined && !isSchema(schema.additionalProperties)) {
    found.push(`${where}: an object with no fields described`);
  }
  alternatives.forEach((alternative, i) => found.push(...openings(doc, alternative, `${where}|${i}`, seen)));
  for (const [name, property] of Object.entries(schema.properties ?? {})) found.push(...openings(doc, property, `${where}.${name}`, seen));
  for (const [pattern, value] of Object.entries(schema.patternProperties ?? {})) found.push(...openings(doc, value, `${where}[${pattern}]`, seen));
  if (isSchema(schema.additionalProperties)) found.push(...openings(doc, schema.additionalProperties, `${where}[*]`, seen));
  if (schema.items) found.push(...openings(doc, schema.items, `${where}[]`, seen));
  (schema.prefixItems ?? []).forEach((item, i) => found.push(...openings(doc, item, `${where}[${i}]`, seen)));
  return found;
}

/** Every success answer of every documented route, with what is wrong with its schema. */
function undescribedAnswers(doc: Doc): string[] {
  const found: string[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!status.startsWith('2')) continue;
        const where = `${method.toUpperCase()} ${path} ${status}`;
        if (status === '204') {
          if (response.content) found.push(`${where}: a 204 answer with a body`);
          continue;
        }
        const bodies = Object.entries(response.content ?? {});
        if (bodies.length === 0) found.push(`${where}: no schema`);
        for (const [type, body] of bodies) {
          if (!body.schema) found.push(`${where} ${type}: no schema`);
          else found.push(...openings(doc, body.schema, `${where} ${type}`));
        }
      }
    }
  }
  return found;
}

describe.each(ENGINES)('OpenAPI answers on %s', (engine) => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await openTestApp(engine);
    const response = await t.call('GET', '/api/openapi.json', { as: null });
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });
  afterAll(async () => { await t?.close(); });

  it('describes every success answer of every route field by field', () => {
    const answers = Object.values(doc.paths).flatMap((operations) => Object.values(operations)).length;
    expect(answers).toBeGreaterThan(90);
    expect(undescribedAnswers(doc)).toEqual([]);
  });

  it('finds an answer with no schema, one of any value and an open object', () => {
    const sample: Doc = {
      paths: {
        '/a': { get: { responses: { 200: {} } } },
        '/b': { get: { responses: { 200: { content: { 'application/json': { schema: { type: 'object', properties: { x: {} } } } } } } } },
        '/c': { get: { responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/C' } } } } } } },
        '/d': { delete: { responses: { 204: {} } } },
      },
      components: { schemas: { C: { type: 'object', properties: {}, additionalProperties: true } } },
    };
    expect(undescribedAnswers(sample)).toEqual([
      'GET /a 200: no schema',
      'GET /b 200 application/json.x: any value (no type)',
      'GET /c 200 application/json: open to any field',
    ]);
  });
});
