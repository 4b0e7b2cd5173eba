import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp, type TestUser } from '../support/test-app.js';

interface Pair {
  kind: string;
  a: { id: number };
  b: { id: number };
  score: number;
  reasons: string[];
}

describe.each(ENGINES)('duplicates API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => { t = await openTestApp(engine); });
  afterAll(async () => { await t?.close(); });

  const account = async (body: object, as?: TestUser) => {
    const response = await t.call('POST', '/api/v1/accounts', { body, as });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; name: string };
  };
  const contact = async (body: object) => {
    const response = await t.call('POST', '/api/v1/contacts', { body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number };
  };
  const pairOf = (pairs: Pair[], x: number, y: number) => pairs.find((p) => p.a.id === Math.min(x, y) && p.b.id === Math.max(x, y));
  const list = async (query = '', as?: TestUser) => {
    const response = await t.call('GET', `/api/v1/duplicates${query}`, { as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Pair[]; pairs: { account?: number; contact?: number }; dismissed: { account?: number; contact?: number } };
  };

  it('lists accounts with the same email and accounts named alike apart from the legal form, with the reasons', async () => {
    const first = await account({ name: 'Northwind Traders', email: 'pia.olsen@northwind.example' });
    const second = await account({ name: 'Nordwind Handel', email: 'Pia.Olsen@Northwind.example' });
    const acmeSarl = await account({ name: 'ACME SARL', city: 'Lyon', country: 'FR' });
    const acme = await account({ name: 'Acme', city: 'Lyon', country: 'FR' });
    await account({ name: 'Unrelated Bakery' });

    const { items } = await list('?kind=account');
    expect(pairOf(items, first.id, second.id)).toMatchObject({
      kind: 'account', score: 65, reasons: ['same email pia.olsen@northwind.example', "names differ: 'Northwind Traders' ≠ 'Nordwind Handel'"],
    });
    expect(pairOf(items, acmeSarl.id, acme.id)).toMatchObject({
      score: 80, reasons: ["names alike: 'ACME SARL' ≈ 'Acme' after removing 'SARL'", 'same city Lyon'],
    });
    expect(items.every((p) => p.kind === 'account' && p.score >= 60)).toBe(true);
    expect(items.some((p) => [p.a.id, p.b.id].includes(first.id) && [p.a.id, p.b.id].includes(acme.id))).toBe(false);
  });

  it('filters by kind and least score, and limits the list while counting every pair', async () => {
    const shop = await account({ name: 'Corner Shop' });
    await contact({ accountId: shop.id, firstName: 'Eve', lastName: 'Adams', email: 'eve@corner.example' });
    await contact({ accountId: shop.id, firstName: 'Eve', lastName: 'ADAMS' });
    const contacts = await list('?kind=contact');
    expect(contacts.items.length).toBeGreaterThan(0);
    expect(contacts.items.every((p) => p.kind === 'contact')).toBe(true);
    const both = await list('?minScore=0');
    expect(new Set(both.items.map((p) => p.kind))).toEqual(new Set(['account', 'contact']));
    expect(both.items.map((p) => p.score)).toEqual([...both.items.map((p) => p.score)].sort((x, y) => y - x));
    const strict = await list('?minScore=85');
    expect(strict.items.every((p) => p.score >= 85)).toBe(true);
    const one = await list('?minScore=0&limit=1');
    expect(one.items).toHaveLength(1);
    // Counted per kind, before the limit, and only for the kinds asked for.
    expect(one.pairs).toEqual(both.pairs);
    expect(both.pairs).toEqual({
      account: both.items.filter((p) => p.kind === 'account').length, contact: both.items.filter((p) => p.kind === 'contact').length,
    });
    expect(contacts.pairs).toEqual({ contact: contacts.items.length });
  });

  it('rejects an unknown kind and a score out of range, naming the field', async () => {
    const kind = await t.call('GET', '/api/v1/duplicates?kind=order');
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.field).toBe('kind');
    const score = await t.call('GET', '/api/v1/duplicates?minScore=101');
    expect(score.statusCode).toBe(400);
    expect(score.json().error.field).toBe('minScore');
  });

  it('merges an account into another through the API; the merged id then answers where it went', async () => {
    const kept = await account({ name: 'Globex', email: 'hello@globex.example' });
    const merged = await account({ name: 'Globex Corp.', website: 'globex.example', tags: ['vip'] });
    await contact({ accountId: merged.id, lastName: 'Scorpio' });
    const response = await t.call('POST', `/api/v1/accounts/${kept.id}/merge`, { as: t.manager, body: { from: merged.id } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      kept: { id: kept.id, name: 'Globex', email: 'hello@globex.example', website: 'globex.example', tags: ['vip'] },
      mergedId: merged.id, moved: { contacts: 1, orders: 0 }, filled: ['website'], tagsAdded: ['vip'],
    });
    const gone = await t.call('GET', `/api/v1/accounts/${merged.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error).toMatchObject({ code: 'not_found', message: `Account ${merged.id} was merged into account ${kept.id}.` });
    const contacts = (await t.call('GET', `/api/v1/contacts?accountId=${kept.id}`)).json();
    expect(contacts.items.map((c: { lastName: string }) => c.lastName)).toEqual(['Scorpio']);
    const audit = (await t.call('GET', `/api/v1/audit?entity=account&entityId=${merged.id}`)).json();
    expect(audit.items.map((e: { action: string; userId: number }) => [e.action, e.userId])).toEqual([['merge', t.manager.id], ['create', t.admin.id]]);
  });

  it('refuses to merge a record into itself (400), a missing one (404), and lets no rep merge (403)', async () => {
    const a = await account({ name: 'Initech' });
    const b = await account({ name: 'Initech LLC' });
    const self = await t.call('POST', `/api/v1/accounts/${a.id}/merge`, { body: { from: a.id } });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.field).toBe('from');
    const missingFrom = await t.call('POST', `/api/v1/accounts/${a.id}/merge`, { body: { from: 987654 } });
    expect(missingFrom.statusCode).toBe(404);
    expect(missingFrom.json().error.field).toBe('from');
    const missingKept = await t.call('POST', `/api/v1/accounts/987654/merge`, { body: { from: a.id } });
    expect(missingKept.statusCode).toBe(404);
    expect(missingKept.json().error.field).toBe('id');
    const noBody = await t.call('POST', `/api/v1/accounts/${a.id}/merge`, { body: {} });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json().error.field).toBe('from');
    for (const rep of [t.rep, t.otherRep]) {
      const byRep = await t.call('POST', `/api/v1/accounts/${a.id}/merge`, { as: rep, body: { from: b.id } });
      expect(byRep.statusCode).toBe(403);
      expect(byRep.json().error.code).toBe('forbidden');
    }
    expect((await t.call('GET', `/api/v1/accounts/${b.id}`)).statusCode).toBe(200);
  });

  it('merges contacts of one account, and refuses contacts of different accounts', async () => {
    const home = await account({ name: 'Umbrella' });
    const elsewhere = await account({ name: 'Umbrella Two' });
    const kept = await contact({ accountId: home.id, firstName: 'Alice', lastName: 'Abernathy', email: 'alice@umbrella.example' });
    const merged = await contact({ accountId: home.id, lastName: 'Abernathy', phone: '+33 6 12 34 56 78', jobTitle: 'CTO' });
    const other = await contact({ accountId: elsewhere.id, lastName: 'Abernathy' });
    const call = (await t.call('POST', '/api/v1/interactions', { body: { accountId: home.id, contactId: merged.id, type: 'call', subject: 'Hello' } })).json();

    const across = await t.call('POST', `/api/v1/contacts/${kept.id}/merge`, { body: { from: other.id } });
    expect(across.statusCode).toBe(409);
    expect(across.json().error.message).toMatch(/different accounts/);
    const byRep = await t.call('POST', `/api/v1/contacts/${kept.id}/merge`, { as: t.rep, body: { from: merged.id } });
    expect(byRep.statusCode).toBe(403);

    const response = await t.call('POST', `/api/v1/contacts/${kept.id}/merge`, { body: { from: merged.id } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      kept: { id: kept.id, firstName: 'Alice', email: 'alice@umbrella.example', phone: '+33 6 12 34 56 78', jobTitle: 'CTO' },
      moved: { interactions: 1 },
    });
    expect((await t.call('GET', `/api/v1/interactions/${call.id}`)).json().contactId).toBe(kept.id);
    expect((await t.call('GET', `/api/v1/contacts/${merged.id}`)).statusCode).toBe(404);
  });

  it('marks a pair as not a duplicate for good, lists it no more, and takes the decision back', async () => {
    const gmbh = await account({ name: 'Initrode GmbH', city: 'Kiel', country: 'DE' });
    const ag = await account({ name: 'Initrode AG', city: 'Kiel', country: 'DE' });
    expect(pairOf((await list('?kind=account')).items, gmbh.id, ag.id)).toBeDefined();
    const before = await list('?kind=account');

    const dismissed = await t.call('POST', '/api/v1/duplicates/dismissed', { as: t.manager, body: { a: ag.id, b: gmbh.id } });
    expect(dismissed.statusCode, dismissed.body).toBe(201);
    expect(dismissed.json()).toMatchObject({ kind: 'account', a: gmbh.id, b: ag.id, dismissedBy: t.manager.id });
    const after = await list('?kind=account');
    expect(pairOf(after.items, gmbh.id, ag.id)).toBeUndefined();
    expect(after.pairs.account).toBe(before.pairs.account! - 1);
    expect(after.dismissed.account).toBe(before.dismissed.account! + 1);
    // Everyone's list leaves it out, and saying it again keeps the first decision.
    expect(pairOf((await list('?kind=account', t.rep)).items, gmbh.id, ag.id)).toBeUndefined();
    const again = await t.call('POST', '/api/v1/duplicates/dismissed', { body: { kind: 'account', a: gmbh.id, b: ag.id } });
    expect(again.json()).toEqual(dismissed.json());
    const listed = (await t.call('GET', '/api/v1/duplicates/dismissed?kind=account')).json();
    expect(listed.items[0]).toEqual(dismissed.json());

    const restored = await t.call('DELETE', `/api/v1/duplicates/dismissed/account/${ag.id}/${gmbh.id}`, { as: t.manager });
    expect(restored.statusCode, restored.body).toBe(204);
    expect(pairOf((await list('?kind=account')).items, gmbh.id, ag.id)).toBeDefined();
    const twice = await t.call('DELETE', `/api/v1/duplicates/dismissed/account/${ag.id}/${gmbh.id}`);
    expect(twice.statusCode).toBe(404);
  });

  it('refuses to dismiss a record with itself (400), a missing record (404), and lets no rep decide (403)', async () => {
    const a = await account({ name: 'Vandelay Industries' });
    const b = await account({ name: 'Vandelay Industries Ltd' });
    const self = await t.call('POST', '/api/v1/duplicates/dismissed', { body: { a: a.id, b: a.id } });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.field).toBe('b');
    const missing = await t.call('POST', '/api/v1/duplicates/dismissed', { body: { a: 987654, b: a.id } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.field).toBe('a');
    const contact = await t.call('POST', '/api/v1/duplicates/dismissed', { body: { kind: 'contact', a: a.id, b: 987655 } });
    expect(contact.statusCode).toBe(404);
    const byRep = await t.call('POST', '/api/v1/duplicates/dismissed', { as: t.rep, body: { a: a.id, b: b.id } });
    expect(byRep.statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/duplicates/dismissed', { as: t.rep })).statusCode).toBe(403);
    expect((await t.call('DELETE', `/api/v1/duplicates/dismissed/account/${a.id}/${b.id}`, { as: t.rep })).statusCode).toBe(403);
    expect(pairOf((await list('?kind=account')).items, a.id, b.id)).toBeDefined();
  });

  it('forgets a decision about a record once it is merged away', async () => {
    const [x, y, z] = [await account({ name: 'Soylent Corp' }), await account({ name: 'Soylent Corporation' }), await account({ name: 'Soylent' })];
    expect((await t.call('POST', '/api/v1/duplicates/dismissed', { body: { a: x.id, b: y.id } })).statusCode).toBe(201);
    expect((await t.call('POST', `/api/v1/accounts/${z.id}/merge`, { body: { from: y.id } })).statusCode).toBe(200);
    const listed = (await t.call('GET', '/api/v1/duplicates/dismissed')).json() as { items: { a: number; b: number }[] };
    expect(listed.items.some((p) => [p.a, p.b].includes(y.id))).toBe(false);
  });

  it('scores two departments sharing a role mailbox (office@) as their common domain, not as one customer', async () => {
    const it1 = await account({ name: 'Stadt Bremen – IT department', email: 'office@stadt-bremen.example', city: 'Bremen', country: 'DE' });
    const it2 = await account({ name: 'Stadt Bremen – Facilities', email: 'office@stadt-bremen.example', city: 'Bremen', country: 'DE' });
    const pair = pairOf((await list('?kind=account')).items, it1.id, it2.id)!;
    expect(pair).toMatchObject({
      score: 75 - 25 + 10,
      reasons: ['same web domain stadt-bremen.example', "names differ: 'Stadt Bremen – IT department' ≠ 'Stadt Bremen – Facilities'",
        'shared mailbox office@stadt-bremen.example is a role address, counted as its domain only', 'same city Bremen'],
    });
  });

  it('lists for a rep limited to their portfolio only the duplicates among their own accounts', async () => {
    await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'own' } });
    try {
      const mine = await account({ name: 'Hooli Europe', ownerId: t.rep.id, email: 'eu@hooli.example' }, t.rep);
      const mineToo = await account({ name: 'Hooli Europe SAS', ownerId: t.rep.id }, t.rep);
      const theirs = await account({ name: 'Hooli Europe GmbH', ownerId: t.otherRep.id }, t.otherRep);
      const seen = (await list('?kind=account', t.rep)).items;
      expect(pairOf(seen, mine.id, mineToo.id)).toBeDefined();
      expect(seen.some((p) => [p.a.id, p.b.id].includes(theirs.id))).toBe(false);
      expect(pairOf((await list('?kind=account', t.manager)).items, mine.id, theirs.id)).toBeDefined();
    } finally {
      await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'all' } });
    }
  });
});
