// What every route plugin is given by app.ts: one small module that imports no route, so the
// routes depend on it and app.ts depends on the routes, never the other way round.
import type { FastifyPluginAsync } from 'fastify';
import type { ImportJobs } from '../services/import/import-jobs.js';
import type { SignInThrottle } from '../services/sign-in-throttle.js';
import type { Store } from '../store/store.js';

export interface RouteDeps {
  store: Store;
  throttle: SignInThrottle;
  secureCookies: boolean;
  /** The server's background import jobs. */
  imports: ImportJobs;
}

/** A resource's routes, registered by app.ts with `app.register(plugin, deps)`. */
export type RoutePlugin = FastifyPluginAsync<RouteDeps>;
