// An in-process API on a fresh store, with one user of each role signed in by API token.
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../../src/api/app.js';
import { createApiToken, createUser } from '../../src/services/auth.js';
import type { Engine } from '../../src/store/connection.js';
import type { Store } from '../../src/store/store.js';
import { openTestStore } from './test-store.js';

export interface TestUser {
  id: number;
  token: string;
}

export interface TestApp {
  app: App;
  store: Store;
  admin: TestUser;
  manager: TestUser;
  rep: TestUser;
  otherRep: TestUser;
  /** Calls the API as a user; `as: null` sends no credentials. */
  call(method: string, url: string, options?: { as?: TestUser | null; body?: unknown }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function openTestApp(engine: Engine): Promise<TestApp> {
  const { store, dispose } = await openTestStore(engine);
  // Suites fire requests far faster than any person or script: the rate limits have their own test.
  const app = await buildApp({ store, logger: false, rateLimits: false });
  const make = async (email: string, role: 'admin' | 'manager' | 'rep') => {
    const user = await createUser(store, { email, name: email.split('@')[0]!, role, password: 'a long enough password' });
    const { token } = await createApiToken(store, user.id, 'tests');
    return { id: user.id, token };
  };
  const admin = await make('admin@example.com', 'admin');
  const manager = await make('manager@example.com', 'manager');
  const rep = await make('rep@example.com', 'rep');
  const otherRep = await make('other.rep@example.com', 'rep');
  return {
    app, store, admin, manager, rep, otherRep,
    call(method, url, options = {}) {
      const as = options.as === undefined ? admin : options.as;
      return app.inject({
        method: method as 'GET',
        url,
        headers: as ? { authorization: `Bearer ${as.token}` } : {},
        ...(options.body !== undefined && { payload: options.body as object }),
      });
    },
    async close() {
      await app.close();
      await dispose();
    },
  };
}
