// Issue 17, part 8: the hot reads of the API (the account list with its filters and sorts,
// free-text search, the account's profile and its timeline) go through indexes. A demo
// portfolio large enough for the planner to prefer them is bulk-loaded and analysed; each
// request is sent through the API with a store that records every statement as the
// repositories compiled it, and the planner's plan for each (EXPLAIN, nothing executed) must
// not read accounts, contacts, orders or interactions whole.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/api/app.js';
import { REP_VISIBILITY_KEY } from '../../src/services/context.js';
import { createApiToken, createUser } from '../../src/services/auth.js';
import { generatePortfolio } from '../../src/services/demo/generate-portfolio.js';
import { bulkLoadPortfolio } from '../../src/store/bulk-load.js';
import { explain, recordingStore, sequentialScans, type RecordedQuery } from '../../src/store/query-plans.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';

/** Enough rows that an index beats a full read: ~10 orders, ~2 contacts and interactions an account. */
const ACCOUNTS = Number(process.env.CLIENTELE_PLAN_ACCOUNTS ?? 4000);
/**
 * Tables a selective read must never read whole. Not account_classes: a class filter reads the
 * latest run's rows for the class, which with one run in the store is the whole table.
 */
const WATCHED = ['accounts', 'contacts', 'orders', 'order_lines', 'interactions', 'tasks', 'account_status_changes'];

describe.each(ENGINES)('hot query plans on %s', (engine) => {
  let t: TestStore;
  let store: Store;
  let app: App;
  let queries: RecordedQuery[];
  let adminToken: string;
  let repToken: string;
  let repId: number;
  let sample: { id: number; name: string; country: string | null; owner_id: number | null };
  let contact: { email: string | null; phone: string | null };

  beforeAll(async () => {
    t = await openTestStore(engine);
    store = t.store;
    const portfolio = generatePortfolio({ seed: 17, accounts: ACCOUNTS, endDate: '2026-01-01T00:00:00.000Z' });
    await bulkLoadPortfolio(store.connection, {
      users: portfolio.users, passwordHash: '!locked', products: portfolio.products, records: portfolio.records(), chunkSize: 1000,
    });
    const admin = await createUser(store, { email: 'plans.admin@example.com', name: 'Plans', role: 'admin', password: 'a long enough password' });
    adminToken = (await createApiToken(store, admin.id, 'plans')).token;
    // A rep of the demo team who owns accounts, limited to their own portfolio.
    const owner = await store.connection.db.selectFrom('accounts').select('owner_id').where('owner_id', 'is not', null)
      .groupBy('owner_id').orderBy(sql`count(*)`, 'desc').executeTakeFirstOrThrow();
    repId = Number(owner.owner_id);
    await store.users.update(repId, { role: 'rep', active: true });
    repToken = (await createApiToken(store, repId, 'plans')).token;
    await store.settings.set(REP_VISIBILITY_KEY, 'own');
    const recording = recordingStore(store.connection);
    queries = recording.queries;
    app = await buildApp({ store: recording.store, logger: false, rateLimits: false, webRoot: false });
    // A run classifies every account, so the class filters and sorts have figures to read.
    const run = await app.inject({ method: 'POST', url: '/api/v1/analysis/runs', headers: { authorization: `Bearer ${adminToken}` }, payload: { asOf: '2026-01-01' } });
    expect(run.statusCode, run.body).toBe(201);
    await sql`analyze`.execute(store.connection.db);
    sample = await store.connection.db.selectFrom('accounts').select(['id', 'name', 'country', 'owner_id'])
      .where('country', 'is not', null).orderBy('id').offset(Math.floor(ACCOUNTS / 3)).limit(1).executeTakeFirstOrThrow() as typeof sample;
    sample.id = Number(sample.id);
    contact = await store.connection.db.selectFrom('contacts').select(['email', 'phone']).where('email', 'is not', null).where('phone', 'is not', null)
      .orderBy('id').offset(100).limit(1).executeTakeFirstOrThrow();
  });
  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  /** Sends the request and returns the tables each of its statements would read whole. */
  async function scansOf(url: string, as: 'admin' | 'rep' = 'admin') {
    queries.length = 0;
    const response = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${as === 'admin' ? adminToken : repToken}` } });
    expect(response.statusCode, response.body).toBe(200);
    expect(queries.length).toBeGreaterThan(0);
    const found: { sql: string; tables: string[] }[] = [];
    for (const query of queries) {
      const tables = sequentialScans(await explain(store.connection.db, query)).filter((table) => WATCHED.includes(table));
      if (tables.length) found.push({ sql: query.sql.replace(/\s+/g, ' ').slice(0, 300), tables });
    }
    return { found, body: response.json() as { nextCursor?: string | null } };
  }

  const cases: [string, () => string, ('admin' | 'rep')?][] = [
    ['the account list, first page by name', () => '/accounts?limit=50'],
    ['filtered by status and country', () => `/accounts?status=customer&country=${sample.country}&limit=50`],
    ['filtered by owner, newest changes first', () => `/accounts?ownerId=${sample.owner_id}&sort=-updatedAt&limit=50`],
    ['filtered by a class of the latest run (A accounts)', () => '/accounts?abc=A&limit=50'],
    ['filtered by class status (inactive) and churn signals', () => '/accounts?status=inactive&churn=true&limit=50'],
    ['accounts buying now', () => '/accounts?status=buying_now&limit=50'],
    ['a rep limited to their own accounts', () => '/accounts?limit=50&sort=-createdAt', 'rep'],
    ['searching a company name', () => `/accounts?q=${encodeURIComponent(sample.name)}&limit=50`],
    ['searching a contact\'s email', () => `/accounts?q=${encodeURIComponent(contact.email!)}&limit=50`],
    ['searching a phone number', () => `/accounts?q=${encodeURIComponent(contact.phone!)}&limit=50`],
    ['the profile: the account', () => `/accounts/${sample.id}`],
    ['the profile: its contacts', () => `/contacts?accountId=${sample.id}&limit=500&sort=lastName`],
    ['the timeline, first page', () => `/accounts/${sample.id}/timeline?limit=50`],
    ['the timeline, orders only', () => `/accounts/${sample.id}/timeline?limit=50&kinds=order`],
  ];

  it.each(cases)('%s reads no table whole', async (_name, url, as) => {
    const { found } = await scansOf(url(), as);
    expect(found).toEqual([]);
  });

  it('the next pages of the list and the timeline read no table whole', async () => {
    for (const first of ['/accounts?status=customer&limit=20', `/accounts/${sample.id}/timeline?limit=5`]) {
      const { body } = await scansOf(first);
      expect(body.nextCursor).toEqual(expect.any(String));
      const { found } = await scansOf(`${first}&cursor=${body.nextCursor}`);
      expect(found).toEqual([]);
    }
  });
});
