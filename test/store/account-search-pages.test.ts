// A search sorts its matches itself up to SEARCH_SORT_CAP of them and walks the sort's index
// past it; either way every page must hold what one full sort of the matches gives.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_SORT_CAP } from '../../src/store/repositories/accounts.js';
import type { AccountListQuery } from '../../src/domain/schemas/account.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';

const SEGMENT = 'search-pages';

describe.each(ENGINES)('account search pages on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let accounts: { id: number; name: string; created_at: Date }[];
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(engine));
    // Names in a scrambled order, so that the name order is not the id order; "Zephyr" accounts
    // sort last, behind 600 others, as a thousand names starting with a word do in a real file.
    const zephyrs = SEARCH_SORT_CAP + 300;
    await sql`insert into accounts (kind, name, status, segment, search_text, created_at)
      select 'company', name, 'customer', ${SEGMENT}, lower(name), timestamptz '2026-01-01' + (g % 97) * interval '1 day'
      from (select g, case when g % 5 = 0 then 'Acme Nordhaven ' || g else 'Acme ' || g end as name
              from generate_series(1, 600) g
            union all
            select g, 'Zephyr ' || ((g * 7919) % ${zephyrs}) from generate_series(1, ${zephyrs}) g) named
      order by (g * 104729) % 100003`.execute(store.connection.db);
    accounts = (await store.connection.db.selectFrom('accounts').select(['id', 'name', 'created_at']).where('segment', '=', SEGMENT).execute())
      .map((a) => ({ ...a, id: Number(a.id) }));
  });
  afterAll(async () => { await dispose?.(); });

  async function allPages(q: string, sort?: AccountListQuery['sort']): Promise<number[]> {
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.accounts.list({ segment: SEGMENT, q, sort, limit: 50, cursor });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  }

  const byName = (a: { name: string; id: number }, b: { name: string; id: number }) =>
    (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id);
  const matching = (term: string) => accounts.filter((a) => a.name.toLowerCase().includes(term));

  it('pages through fewer matches than the cap in name order, each once', async () => {
    for (const term of ['nordhaven', 'zephyr 1']) {
      const expected = matching(term).sort(byName).map((a) => a.id);
      expect(expected.length).toBeGreaterThan(50);
      expect(expected.length).toBeLessThanOrEqual(SEARCH_SORT_CAP);
      expect(await allPages(term)).toEqual(expected);
    }
  });

  it('pages through more matches than the cap in name order, each once', async () => {
    const expected = matching('zephyr').sort(byName).map((a) => a.id);
    expect(expected.length).toBeGreaterThan(SEARCH_SORT_CAP);
    expect(await allPages('zephyr')).toEqual(expected);
  });

  it('keeps a search sorted by another column, newest first, on either side of the cap', async () => {
    const newestFirst = (a: typeof accounts[number], b: typeof accounts[number]) => b.created_at.getTime() - a.created_at.getTime() || b.id - a.id;
    for (const term of ['nordhaven', 'zephyr']) {
      expect(await allPages(term, '-createdAt')).toEqual(matching(term).sort(newestFirst).map((a) => a.id));
    }
  });
});
