// Starts Clientele: store, first admin, HTTP server. Used by `npm start` and `clientele serve`.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { createLogger } from './logger.js';
import { runScheduledAnalysis } from './services/analysis/schedule.js';
import type { Config } from './config.js';
import { buildApp, type App } from './api/app.js';
import { createUser, ensureFirstAdmin } from './services/auth.js';
import { describeStore, openStore } from './store/open-store.js';
import type { Store } from './store/store.js';

export interface RunningServer {
  app: App;
  store: Store;
  url: string;
  stop(): Promise<void>;
}

export const FIRST_RUN_EMAIL = 'admin@clientele.local';

export async function startServer(config: Config, options: { beforeListen?: (store: Store) => Promise<void> } = {}): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const store = await openStore(config, 'clientele serve');
  let firstRunPassword: string | undefined;
  try {
    const admin = await ensureFirstAdmin(store, config.adminEmail, config.adminPassword);
    if (admin === 'missing') {
      // Nobody can sign in yet and no admin was configured: make one and say how to sign in.
      firstRunPassword = randomBytes(12).toString('base64url');
      await createUser(store, { email: FIRST_RUN_EMAIL, name: 'Administrator', role: 'admin', password: firstRunPassword });
    }
    await options.beforeListen?.(store);
  } catch (error) {
    await store.connection.close();
    throw error;
  }
  const app = await buildApp({ store, logger, secureCookies: config.secureCookies, rateLimits: config.rateLimits, trustedOrigins: config.trustedOrigins });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  const lines = [
    '',
    `Clientele is running at ${url}  (store: ${describeStore(config)})`,
    `API reference: ${url}/api/docs`,
  ];
  if (firstRunPassword) {
    lines.push(`First run: sign in as ${FIRST_RUN_EMAIL} with password ${firstRunPassword}`,
      '  (shown once; change it, or set CLIENTELE_ADMIN_EMAIL and CLIENTELE_ADMIN_PASSWORD before the first start).');
  } else {
    lines.push('Sign in with your user; an admin adds users with `npx clientele user add`.');
  }
  const accounts = await store.accounts.list({ limit: 1 });
  if (accounts.items.length === 0) {
    lines.push('The portfolio is empty: stop the server and run `npx clientele demo` for a demo portfolio, or `npm run start:demo` to load it and start.');
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  const scheduler = startAnalysisScheduler(store, logger);
  let stopped = false;
  return {
    app, store, url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await scheduler.stop();
      await app.close();
      await store.connection.close();
    },
  };
}

const SCHEDULER_EVERY_MS = 15 * 60 * 1000;

/** Keeps the classes current and takes the scheduled snapshots, one run at a time, off the request path. */
function startAnalysisScheduler(store: Store, logger: Logger) {
  if (process.env.CLIENTELE_SCHEDULER === 'off') return { stop: async () => {} };
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runScheduledAnalysis(store)
      .then((run) => { if (run) logger.info({ run: run.id, kind: run.kind, asOf: run.asOf, ms: run.durationMs }, 'scheduled analysis done'); })
      .catch((error: unknown) => logger.error({ err: error }, 'scheduled analysis failed'))
      .finally(() => { running = null; });
  };
  const timer = setInterval(tick, SCHEDULER_EVERY_MS);
  timer.unref();
  setImmediate(tick);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
