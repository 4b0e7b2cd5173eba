// The real server, listening on a free port with the built web app, on a fresh embedded store
// holding a small demo portfolio whose team can sign in. For the browser suites.
import { buildApp, type App } from '../../src/api/app.js';
import { isWebAppBuilt, WEB_DIST } from '../../src/api/web-app.js';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { createUser } from '../../src/services/auth.js';
import { loadDemoPortfolio } from '../../src/services/demo/load-demo-portfolio.js';
import { setPortfolioRules } from '../../src/services/analysis/portfolio-rules.js';
import { runAnalysis } from '../../src/services/analysis/run-analysis.js';
import type { Store } from '../../src/store/store.js';
import { openTestStore } from './test-store.js';

export const PASSWORD = 'a long enough password';

export interface Person {
  id: number;
  email: string;
  name: string;
}

export interface WebServer {
  url: string;
  app: App;
  store: Store;
  admin: Person;
  manager: Person;
  reps: Person[];
  close(): Promise<void>;
}

export interface WebServerOptions {
  accounts?: number;
  seed?: number;
  /** Analyse the portfolio: a snapshot half a year before the demo's end, then a run at its end. */
  analyse?: boolean;
  /** Classification rules to set before analysing, e.g. a shorter active window. */
  rules?: Record<string, unknown>;
  /** Fills the store instead of the demo portfolio (its team is then the admin alone). */
  load?: (store: Store) => Promise<void>;
}

const DEMO_END = '2026-01-01';

export async function openWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  if (!isWebAppBuilt()) throw new Error('The web app is not built: run `npm run build` (test:all builds it before the browser suites).');
  const { store, dispose } = await openTestStore('pglite');
  const admin = await createUser(store, { email: 'admin@example.com', name: 'Ada Admin', role: 'admin', password: PASSWORD });
  if (options.load) await options.load(store);
  const demo = options.load ? null : await loadDemoPortfolio({ store, actor: SYSTEM_ACTOR }, {
    seed: options.seed ?? 7, accounts: options.accounts ?? 300, years: 3, endDate: `${DEMO_END}T00:00:00.000Z`, userPassword: PASSWORD,
  });
  const system = { store, actor: SYSTEM_ACTOR };
  if (options.rules) await setPortfolioRules(system, options.rules as never);
  if (options.analyse) {
    await runAnalysis(system, { asOf: '2025-07-01', kind: 'snapshot' });
    await runAnalysis(system, { asOf: DEMO_END, kind: 'run' });
  }
  const person = async (email: string): Promise<Person> => {
    const user = (await store.users.getByEmail(email))!;
    return { id: user.id, email, name: user.name };
  };
  const app = await buildApp({ store, logger: false, webRoot: WEB_DIST });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app, store,
    admin: { id: admin.id, email: admin.email, name: admin.name },
    manager: demo ? await person(demo.userEmails.manager) : { id: admin.id, email: admin.email, name: admin.name },
    reps: demo ? await Promise.all(demo.userEmails.reps.map(person)) : [],
    async close() {
      await app.close();
      await dispose();
    },
  };
}
