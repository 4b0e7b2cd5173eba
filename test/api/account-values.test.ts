// GET /accounts/values: the segments, sectors and countries in use, counted over the accounts
// the caller may see, for the web app's choices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

describe.each(ENGINES)('account values in use on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
    const add = async (body: object) => expect((await t.call('POST', '/api/v1/accounts', { body })).statusCode).toBe(201);
    await add({ name: 'A', segment: 'Retail', sector: 'Food', country: 'FR', ownerId: t.rep.id });
    await add({ name: 'B', segment: 'Retail', sector: 'Wine', country: 'FR', ownerId: t.rep.id });
    await add({ name: 'C', segment: 'Wholesale', sector: 'Food', country: 'ES', ownerId: t.otherRep.id });
    await add({ name: 'D', segment: 'Wholesale', sector: 'Food', country: 'DE', ownerId: t.otherRep.id });
    await add({ name: 'E', segment: 'Wholesale', country: 'DE' });
    // Case and accents are kept: the list filters match values exactly.
    await add({ name: 'F', segment: 'retail', sector: 'Épicerie' });
    await add({ name: 'G' });
  });
  afterAll(async () => { await t?.close(); });

  it('lists each field\'s values with their counts, most used first, leaving out accounts without one', async () => {
    const response = await t.call('GET', '/api/v1/accounts/values');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      segment: { values: [{ value: 'Wholesale', count: 3 }, { value: 'Retail', count: 2 }, { value: 'retail', count: 1 }], complete: true },
      sector: { values: [{ value: 'Food', count: 3 }, { value: 'Wine', count: 1 }, { value: 'Épicerie', count: 1 }], complete: true },
      country: { values: [{ value: 'DE', count: 2 }, { value: 'FR', count: 2 }, { value: 'ES', count: 1 }], complete: true },
    });
  });

  it('answers one field when asked, and a value it lists selects that many accounts in the list', async () => {
    const response = await t.call('GET', '/api/v1/accounts/values?field=sector');
    expect(Object.keys(response.json())).toEqual(['sector']);
    for (const { value, count } of response.json().sector.values) {
      const list = (await t.call('GET', `/api/v1/accounts/count?sector=${encodeURIComponent(value)}`)).json();
      expect(list.count, value).toBe(count);
    }
  });

  it('counts only a rep\'s own accounts when reps see only their own, and every account otherwise', async () => {
    expect((await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'own' } })).statusCode).toBe(200);
    try {
      const mine = (await t.call('GET', '/api/v1/accounts/values', { as: t.rep })).json();
      expect(mine.segment.values).toEqual([{ value: 'Retail', count: 2 }]);
      expect(mine.sector.values).toEqual([{ value: 'Food', count: 1 }, { value: 'Wine', count: 1 }]);
      expect(mine.country.values).toEqual([{ value: 'FR', count: 2 }]);
      const theirs = (await t.call('GET', '/api/v1/accounts/values?field=segment', { as: t.otherRep })).json();
      expect(theirs.segment.values).toEqual([{ value: 'Wholesale', count: 2 }]);
    } finally {
      await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'all' } });
    }
    const all = (await t.call('GET', '/api/v1/accounts/values?field=segment', { as: t.rep })).json();
    expect(all.segment.values).toHaveLength(3);
  });

  it('refuses an unknown field, naming it, and a caller who is not signed in', async () => {
    expectError(await t.call('GET', '/api/v1/accounts/values?field=city'), { status: 400, code: 'bad_request', field: 'field' });
    expectError(await t.call('GET', '/api/v1/accounts/values?colour=red'), { status: 400, code: 'bad_request' });
    expectError(await t.call('GET', '/api/v1/accounts/values', { as: null }), { status: 401, code: 'unauthenticated' });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.call('GET', '/api/openapi.json', { as: null })).json();
    const operation = doc.paths['/api/v1/accounts/values'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(['field']);
    expect(JSON.stringify(operation.responses['200'])).toMatch(/complete/);
  });
});
