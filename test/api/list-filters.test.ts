import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { allPages } from '../support/pages.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

interface Account {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
}

describe.each(ENGINES)('account and contact list filters on %s', (engine) => {
  let t: TestApp;
  /** The fixture accounts by name, in creation order; nothing else is created in this file. */
  const accounts = new Map<string, Account>();
  const created: string[] = [];
  let touched: string[];

  beforeAll(async () => {
    t = await openTestApp(engine);
    const add = async (body: Record<string, unknown>, contacts: object[] = []) => {
      const response = await t.call('POST', '/api/v1/accounts', { body });
      expect(response.statusCode).toBe(201);
      const account = response.json() as Account;
      for (const contact of contacts) {
        expect((await t.call('POST', '/api/v1/contacts', { body: { accountId: account.id, ...contact } })).statusCode).toBe(201);
      }
      created.push(account.name);
    };
    await add({ name: 'Société Générale d\'Exemple', status: 'customer', ownerId: t.rep.id, segment: 'smb', sector: 'retail', country: 'FR', tags: ['key', 'vip'], size: 'small', relationshipType: 'direct', email: 'contact@sge.example' },
      [{ firstName: 'Jean', lastName: 'Dupont', email: 'jean.dupont@sge.example', phone: '+33 6 12 34 56 78' }]);
    await add({ name: 'Acme Corp', status: 'prospect', ownerId: t.otherRep.id, segment: 'enterprise', sector: 'industry', country: 'DE', tags: ['key'], size: 'enterprise', phone: '+49 30 1234567' });
    await add({ name: 'Zeta Ltd', status: 'customer', segment: 'smb', sector: 'industry', country: 'GB', tags: ['vip', 'key', 'eu'], relationshipType: 'distributor' });
    await add({ name: 'Beta Partners', status: 'partner', ownerId: t.rep.id, sector: 'retail', country: 'FR' },
      [{ firstName: 'Élodie', lastName: 'Martin', email: 'E.Martin@beta.example', phone: '01 23 45 67 89' }, { lastName: 'Nguyen', email: 'nguyen@beta.example' }]);
    await add({ name: 'Ångström Labs', status: 'lead', country: 'SE', tags: ['vip'] });
    // Changed later than every creation, in this order.
    touched = ['Zeta Ltd', 'Acme Corp'];
    const list = (await t.call('GET', '/api/v1/accounts?limit=500')).json().items as Account[];
    for (const name of touched) {
      const id = list.find((a) => a.name === name)!.id;
      expect((await t.call('PATCH', `/api/v1/accounts/${id}`, { body: { region: 'Touched' } })).statusCode).toBe(200);
    }
    for (const account of (await t.call('GET', '/api/v1/accounts?limit=500')).json().items as Account[]) accounts.set(account.name, account);
  });
  afterAll(async () => { await t?.close(); });

  const names = async (query: string) => {
    const response = await t.call('GET', `/api/v1/accounts?limit=500&${query}`);
    expect(response.statusCode).toBe(200);
    return (response.json().items as Account[]).map((a) => a.name);
  };
  const sorted = (list: string[]) => [...list].sort();

  it.each([
    ['status=customer', ['Société Générale d\'Exemple', 'Zeta Ltd']],
    ['status=lead', ['Ångström Labs']],
    ['segment=smb', ['Société Générale d\'Exemple', 'Zeta Ltd']],
    ['sector=industry', ['Acme Corp', 'Zeta Ltd']],
    ['country=FR', ['Beta Partners', 'Société Générale d\'Exemple']],
    ['size=enterprise', ['Acme Corp']],
    ['relationshipType=distributor', ['Zeta Ltd']],
    ['status=customer&sector=industry', ['Zeta Ltd']],
    ['country=FR&status=lead', []],
  ])('filters by %s', async (query, expected) => {
    expect(sorted(await names(query))).toEqual(sorted(expected));
  });

  it('filters by owner', async () => {
    expect(sorted(await names(`ownerId=${t.rep.id}`))).toEqual(['Beta Partners', 'Société Générale d\'Exemple']);
    expect(await names(`ownerId=${t.otherRep.id}`)).toEqual(['Acme Corp']);
    expect(await names(`ownerId=${t.manager.id}`)).toEqual([]);
  });

  it('keeps accounts that carry all of several tags', async () => {
    expect(sorted(await names('tags=key'))).toEqual(['Acme Corp', 'Société Générale d\'Exemple', 'Zeta Ltd']);
    expect(sorted(await names('tags=vip,key'))).toEqual(['Société Générale d\'Exemple', 'Zeta Ltd']);
    expect(sorted(await names(`tags=${encodeURIComponent(' key , vip ,eu')}`))).toEqual(['Zeta Ltd']);
    expect(await names('tags=unknown,key')).toEqual([]);
  });

  it('filters by creation and change time, from inclusive to exclusive', async () => {
    const at = (name: string, field: 'createdAt' | 'updatedAt') => accounts.get(name)![field];
    const inRange = (field: 'createdAt' | 'updatedAt', from?: string, to?: string) => sorted([...accounts.values()]
      .filter((a) => (!from || a[field] >= from) && (!to || a[field] < to)).map((a) => a.name));

    const from = at('Zeta Ltd', 'createdAt');
    const to = at('Ångström Labs', 'createdAt');
    const expected = inRange('createdAt', from, to);
    expect(expected).toContain('Zeta Ltd');
    expect(expected).not.toContain('Ångström Labs');
    expect(expected).not.toContain('Acme Corp');
    expect(sorted(await names(`createdFrom=${from}&createdTo=${to}`))).toEqual(expected);
    expect(sorted(await names(`createdTo=${to}`))).toEqual(inRange('createdAt', undefined, to));

    const changedFrom = at(touched[0]!, 'updatedAt');
    expect(sorted(await names(`updatedFrom=${changedFrom}`))).toEqual(sorted(touched));
    expect(sorted(await names(`updatedTo=${changedFrom}`))).toEqual(inRange('updatedAt', undefined, changedFrom));
    expect(sorted(await names(`updatedFrom=${changedFrom}&status=prospect`))).toEqual(['Acme Corp']);
  });

  it.each([
    ['an accent-free spelling', 'societe', ['Société Générale d\'Exemple']],
    ['upper case with accents', 'SOCIÉTÉ GÉNÉRALE', ['Société Générale d\'Exemple']],
    ['a name with a ring', 'angstrom', ['Ångström Labs']],
    ['the account email', 'contact@sge', ['Société Générale d\'Exemple']],
    ['a contact\'s full name', 'jean dupont', ['Société Générale d\'Exemple']],
    ['a contact\'s accented first name, typed without accent', 'elodie', ['Beta Partners']],
    ['a contact\'s email', 'e.martin@beta', ['Beta Partners']],
    ['a contact\'s phone in national form', '0612', ['Société Générale d\'Exemple']],
    ['a contact\'s phone in national form with spaces', '06 12 34', ['Société Générale d\'Exemple']],
    ['a contact\'s phone as written', '+33 6 12 34', ['Société Générale d\'Exemple']],
    ['a contact\'s phone as bare digits', '612345678', ['Société Générale d\'Exemple']],
    ['a contact\'s phone with other punctuation', '01.23.45.67.89', ['Beta Partners']],
    ['the account phone in national form', '030 1234567', ['Acme Corp']],
    ['an apostrophe', 'd\'exemple', ['Société Générale d\'Exemple']],
    ['a LIKE wildcard, taken literally', '_', []],
  ])('searches by %s', async (_label, q, expected) => {
    expect(sorted(await names(`q=${encodeURIComponent(q)}`))).toEqual(sorted(expected));
  });

  it('combines search with filters', async () => {
    expect(await names(`q=beta&ownerId=${t.rep.id}`)).toEqual(['Beta Partners']);
    expect(await names(`q=beta&ownerId=${t.otherRep.id}`)).toEqual([]);
  });

  it('sorts by name, creation and change time, both ways', async () => {
    const byName = sorted([...accounts.keys()]);
    expect(await names('')).toEqual(byName);
    expect(await names('sort=name')).toEqual(byName);
    expect(await names('sort=-name')).toEqual([...byName].reverse());
    expect(await names('sort=createdAt')).toEqual(created);
    expect(await names('sort=-createdAt')).toEqual([...created].reverse());
    const byChange = [...created.filter((n) => !touched.includes(n)), ...touched];
    expect(await names('sort=updatedAt')).toEqual(byChange);
    expect(await names('sort=-updatedAt')).toEqual([...byChange].reverse());
  });

  it.each(['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'])('pages through every sort (%s) without repeating or skipping', async (sort) => {
    const pages = await allPages<Account>(t, `/api/v1/accounts?sort=${sort}&limit=2`);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((a) => a.name)).toEqual(await names(`sort=${sort}`));
  });

  it.each(['', 'segment=smb', 'sector=industry&country=DE', 'q=beta', 'tags=key&sort=-name', 'status=lead&q=nothing'])(
    'counts every account the list query %s selects, however many pages it takes', async (query) => {
      const response = await t.call('GET', `/api/v1/accounts/count?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ count: (await names(query)).length });
    });

  it('counts for a rep limited to their portfolio only their own accounts, and names a bad filter', async () => {
    await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'own' } });
    try {
      const mine = (await t.call('GET', '/api/v1/accounts/count', { as: t.rep })).json();
      expect(mine).toEqual({ count: (await names(`ownerId=${t.rep.id}`)).length });
    } finally {
      await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'all' } });
    }
    const bad = await t.call('GET', '/api/v1/accounts/count?abc=Z');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('abc');
  });

  it('pages through a filtered search', async () => {
    const pages = await allPages<Account>(t, '/api/v1/accounts?tags=key&sort=-createdAt&limit=1');
    expect(pages.flat().map((a) => a.name)).toEqual(['Zeta Ltd', 'Acme Corp', 'Société Générale d\'Exemple']);
  });

  it.each([['createdAt', 'name'], ['name', 'createdAt'], ['name', '-updatedAt']])('refuses a cursor made for sort=%s when sorting by %s', async (made, used) => {
    const first = (await t.call('GET', `/api/v1/accounts?sort=${made}&limit=1`)).json();
    expect(first.nextCursor).toEqual(expect.any(String));
    expectError(await t.call('GET', `/api/v1/accounts?sort=${used}&cursor=${encodeURIComponent(first.nextCursor)}`), { status: 400, code: 'bad_request', field: 'cursor' });
  });

  it.each([
    ['createdAt', ['created_at', 'not a date', 1]],
    ['createdAt', ['created_at', 1700000000000, 1]],
    ['name', ['name', 42, 1]],
    ['name', ['name', 'Acme', '1']],
    ['name', ['Acme', 1]],
  ])('refuses a forged cursor for sort=%s: %j', async (sort, value) => {
    const forged = Buffer.from(JSON.stringify(value)).toString('base64url');
    expectError(await t.call('GET', `/api/v1/accounts?sort=${sort}&cursor=${forged}`), { status: 400, code: 'bad_request', field: 'cursor' });
  });

  describe('contacts', () => {
    const contactNames = async (query: string) => {
      const response = await t.call('GET', `/api/v1/contacts?limit=500&${query}`);
      expect(response.statusCode).toBe(200);
      return sorted(response.json().items.map((c: { lastName: string }) => c.lastName));
    };

    it.each([
      ['a last name', 'dupont', ['Dupont']],
      ['first and last name', 'Jean Dup', ['Dupont']],
      ['an accented first name typed without accent', 'elodie', ['Martin']],
      ['an accented first name typed with accent', 'Élodie', ['Martin']],
      ['part of an email, in any case', 'BETA.EXAMPLE', ['Martin', 'Nguyen']],
      ['a phone in national form', '06 12', ['Dupont']],
      ['a phone as written', '+33 6 12', ['Dupont']],
      ['a phone as bare digits', '0123456789', ['Martin']],
      ['something nobody has', 'nobody', []],
    ])('searches contacts by %s', async (_label, q, expected) => {
      expect(await contactNames(`q=${encodeURIComponent(q)}`)).toEqual(expected);
    });

    it('filters contacts by account together with the search', async () => {
      const beta = accounts.get('Beta Partners')!.id;
      expect(await contactNames(`accountId=${beta}`)).toEqual(['Martin', 'Nguyen']);
      expect(await contactNames(`accountId=${beta}&q=nguyen`)).toEqual(['Nguyen']);
      expect(await contactNames(`accountId=${beta}&q=dupont`)).toEqual([]);
    });
  });
});
