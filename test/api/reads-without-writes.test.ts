// Issue 17, part 8: an ordinary authenticated read writes nothing. A token's use is recorded
// at most once a minute, so only the first request of a minute updates it; the one read that
// writes on purpose is an account's profile, whose view the audit trail keeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/api/app.js';
import { createApiToken, createUser } from '../../src/services/auth.js';
import { recordingStore, type RecordedQuery } from '../../src/store/query-plans.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';

const writes = (queries: RecordedQuery[]) =>
  queries.map((q) => q.sql.trim()).filter((text) => /^(insert|update|delete|merge)\b/i.test(text));

describe.each(ENGINES)('reads without writes on %s', (engine) => {
  let t: TestStore;
  let store: Store;
  let app: App;
  let queries: RecordedQuery[];
  let token: string;
  let accountId: number;

  beforeAll(async () => {
    t = await openTestStore(engine);
    store = t.store;
    const user = await createUser(store, { email: 'reader@example.com', name: 'Reader', role: 'admin', password: 'a long enough password' });
    token = (await createApiToken(store, user.id, 'reader')).token;
    accountId = (await store.accounts.insert({ name: 'Read Only Ltd' })).id;
    const recording = recordingStore(store.connection);
    queries = recording.queries;
    app = await buildApp({ store: recording.store, logger: false, rateLimits: false, webRoot: false });
  });
  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  const get = async (url: string) => {
    queries.length = 0;
    const response = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode, response.body).toBe(200);
    return writes(queries);
  };

  it('records the token\'s first use, then reads the list, search, contacts and timeline without a write', async () => {
    expect(await get('/accounts?limit=50')).toEqual([expect.stringMatching(/^update "api_tokens" set "last_used_at"/)]);
    for (const url of ['/accounts?limit=50', '/accounts?q=read%20only', '/accounts/count?status=customer', `/contacts?accountId=${accountId}`, `/accounts/${accountId}/timeline`, '/auth/me']) {
      expect(await get(url), url).toEqual([]);
    }
  });

  it('writes only the audit trail\'s record of a profile being viewed', async () => {
    expect(await get(`/accounts/${accountId}`)).toEqual([expect.stringMatching(/^insert into "audit_log"/)]);
  });
});
