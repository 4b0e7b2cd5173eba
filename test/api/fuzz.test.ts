// Schema-driven fuzzing of every operation in the OpenAPI document: requests built by fast-check
// from each operation's own schemas, valid or spoiled (hostile values, missing and unknown
// fields, odd spellings of ids, other charsets and media types), sent as an admin, a rep or
// no one. Every answer must be below 500, every refusal in the error shape, and a refused
// request must leave every table as it was. `npm test` sends a few hundred cases per engine;
// `npm run test:all` (CLIENTELE_TEST_ALL=1) sends 2,000 per engine, CLIENTELE_FUZZ_CASES=10000 the full
// 10,000 (15 minutes on PGlite here). docs/limits.md says more.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableDigests } from '../../src/store/table-digests.js';
import { HOSTILE, HOSTILE_TEXT, type JsonSchema, SchemaArbitraries } from '../support/schema-arbitrary.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp, type TestUser } from '../support/test-app.js';

// Users created by the fuzz need no costly password hashes to prove anything.
process.env.CLIENTELE_SCRYPT_LOG_N ??= '10';

const CASES = Number(process.env.CLIENTELE_FUZZ_CASES ?? (process.env.CLIENTELE_TEST_ALL ? 2_000 : 300));
const SEED = Number(process.env.CLIENTELE_FUZZ_SEED ?? 17);

interface Operation { method: string; path: string; params: { name: string; in: string; schema: JsonSchema }[]; body?: JsonSchema }
interface FuzzCase { op: Operation; path: string; query: string; payload?: string | Buffer; contentType?: string; as: 'admin' | 'rep' | 'none' }
interface Finding { request: string; status: number; problem: string; body: string }

const RAW_BODIES: [string | Buffer, string][] = [
  [Buffer.concat([Buffer.from('{"name":"caf'), Buffer.from([0xe9, 0xff]), Buffer.from('"}')]), 'application/json'],
  [Buffer.from('{"name":"Sixteen"}', 'utf16le'), 'application/json; charset=utf-16'],
  ['{"name":"Latin"}', 'application/json; charset=iso-8859-1'],
  ['name=Form', 'application/x-www-form-urlencoded'],
  ['plain words', 'text/plain'],
  ['{"name": "unfinished', 'application/json'],
  ['', 'application/json'],
  [`{"x":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'application/json'],
  ['{"lines":[{"quantity":1e400}]}', 'application/json'],
  ['--b\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\na,b\r\n--b--\r\n', 'multipart/form-data; boundary=b'],
];

/** A refusal the audit trail records on purpose: a failed sign-in (see docs/limits.md). */
const MAY_RECORD: Record<string, string[]> = { 'POST /api/v1/auth/sign-in': ['audit_log'] };

function operations(doc: { paths: Record<string, Record<string, { parameters?: Operation['params']; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase(), path,
    params: op.parameters ?? [],
    body: op.requestBody?.content?.['application/json']?.schema,
  })));
}

function caseOf(op: Operation, schemas: SchemaArbitraries, protectedIds: Record<string, number[]>): fc.Arbitrary<FuzzCase> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const idFor = (template: string) => fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }).map((id) => String((protectedIds[template] ?? []).includes(id) ? id + 100 : id)) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  );
  const path = fc.tuple(...pathParams.map(() => idFor(op.path))).map((values) =>
    pathParams.reduce((p, param, i) => p.replace(`{${param.name}}`, values[i]!), op.path));
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  // A lone surrogate has no UTF-8 form: send the bytes it would have had (a URL cannot carry it).
  const encode = (v: unknown) => encodeURIComponent(text(v).replace(/[\ud800-\udfff]/g, '')) + (/[\ud800-\udfff]/.test(text(v)) ? '%ED%A0%80' : '');
  const query = fc.tuple(
    ...queryParams.map((p) => fc.option(fc.oneof(
      { weight: 3, arbitrary: schemas.valid(p.schema).map(encode) },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE).map(encode) },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    ), { freq: 2 })),
    fc.option(fc.constantFrom('colour=red', 'limit=%2B5', 'q=a%00b', '%FF=1', 'a[b]=1'), { freq: 8 }),
  ).map((values) => {
    const pairs = queryParams.flatMap((p, i) => (values[i] === null ? [] : [`${p.name}=${values[i]}`]));
    const extra = values[queryParams.length];
    if (extra) pairs.push(extra as string);
    return pairs.length ? `?${pairs.join('&')}` : '';
  });
  const payload: fc.Arbitrary<{ payload?: string | Buffer; contentType?: string }> = fc.oneof(
    { weight: 8, arbitrary: (op.body ? schemas.any(op.body) : fc.option(fc.jsonValue({ maxDepth: 2 }), { freq: 3 })).map((v) => (v === null || v === undefined ? {} : { payload: JSON.stringify(v), contentType: 'application/json' })) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map(([p, contentType]) => ({ payload: p, contentType })) },
  );
  const as = fc.constantFrom<FuzzCase['as']>('admin', 'admin', 'admin', 'admin', 'rep', 'none');
  return fc.record({ path, query, payload, as }).map((c) => ({ op, path: c.path, query: c.query, ...c.payload, as: c.as }));
}

/** What is wrong with an answer, or undefined when it is one the API may give. */
function problemWith(status: number, contentType: string | undefined, body: string): string | undefined {
  if (status >= 500) return 'server error';
  if (status < 400) return undefined;
  if (!contentType?.startsWith('application/json')) return `error answered as ${contentType}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'error body is not JSON';
  }
  const error = (parsed as { error?: Record<string, unknown> }).error;
  if (!error || Object.keys(parsed as object).length !== 1) return 'error body is not { error }';
  const { code, message, field, ...rest } = error;
  if (typeof code !== 'string' || typeof message !== 'string' || !message) return 'error lacks a code or a message';
  if (field !== undefined && typeof field !== 'string') return 'error field is not a string';
  if (Object.keys(rest).length) return `error has other keys: ${Object.keys(rest).join(', ')}`;
  return undefined;
}

describe.each(ENGINES)('fuzzing every API operation on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
    const account = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Seed', ownerId: t.rep.id } })).json().id;
    await t.call('POST', '/api/v1/contacts', { body: { accountId: account, lastName: 'Seed' } });
    await t.call('POST', '/api/v1/products', { body: { sku: 'SEED', name: 'Seed', listPrice: '5.00', category: 'Seeds' } });
    for (const [i, day] of ['2025-01-10', '2025-06-10', '2026-01-10'].entries()) {
      await t.call('POST', '/api/v1/orders', { body: { accountId: account, number: `SEED-${i}`, orderedAt: day, lines: [{ productId: 1, quantity: 2, unitPrice: '5.00' }] } });
    }
    await t.call('POST', '/api/v1/analysis/runs', { body: { asOf: '2026-06-30' } });
  }, 120_000);
  afterAll(async () => { await t?.close(); });

  it(`answers ${CASES} generated requests below 500, in the error shape, and refusals change nothing`, async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).json();
    const schemas = new SchemaArbitraries(doc.components.schemas);
    const tokens = (await t.call('GET', '/api/v1/tokens')).json().items.map((r: { id: number }) => r.id);
    // The fuzz keeps its own credentials: it may not deactivate, demote or revoke them.
    const protectedIds = { '/api/v1/users/{id}': [t.admin.id], '/api/v1/tokens/{id}': tokens };
    const ops = operations(doc);
    const cases = fc.sample(fc.oneof(...ops.map((op) => caseOf(op, schemas, protectedIds))), { numRuns: CASES, seed: SEED });
    const users: Record<FuzzCase['as'], TestUser | null> = { admin: t.admin, rep: t.rep, none: null };
    const findings: Finding[] = [];
    const statuses = new Map<number, number>();
    let baseline = await tableDigests(t.store);
    const timing = new Map<string, number>();
    for (const c of cases) {
      const user = users[c.as];
      const headers: Record<string, string> = { ...(user && { authorization: `Bearer ${user.token}` }), ...(c.contentType && { 'content-type': c.contentType }) };
      const url = c.path + c.query;
      const started = performance.now();
      const response = await t.app.inject({ method: c.op.method as 'GET', url, headers, ...(c.payload !== undefined && { payload: c.payload }) });
      timing.set(`${c.op.method} ${c.op.path}`, (timing.get(`${c.op.method} ${c.op.path}`) ?? 0) + performance.now() - started);
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      const request = `${c.op.method} ${url} as ${c.as} ${c.contentType ?? ''} ${String(c.payload ?? '').slice(0, 200)}`;
      const problem = problemWith(response.statusCode, response.headers['content-type'] as string | undefined, response.body);
      if (problem) findings.push({ request, status: response.statusCode, problem, body: response.body.slice(0, 300) });
      const after = await tableDigests(t.store);
      if (response.statusCode >= 400) {
        const allowed = MAY_RECORD[`${c.op.method} ${c.op.path}`] ?? [];
        const changed = Object.keys(after).filter((table) => after[table] !== baseline[table] && !allowed.includes(table));
        if (changed.length) findings.push({ request, status: response.statusCode, problem: `refused but changed ${changed.join(', ')}`, body: response.body.slice(0, 300) });
      }
      baseline = after;
    }
    if (process.env.CLIENTELE_FUZZ_TIMING) console.log([...timing].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${Math.round(v)} ms ${k}`).join('\n'));
    // The fuzz must reach past validation, not only be refused by it.
    const succeeded = [...statuses].filter(([s]) => s < 300).reduce((n, [, count]) => n + count, 0);
    expect(succeeded).toBeGreaterThan(CASES / 20);
    expect(findings.slice(0, 15)).toEqual([]);
    expect(findings).toHaveLength(0);
  }, 3 * 60 * 60_000);
});
