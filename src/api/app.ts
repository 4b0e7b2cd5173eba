// Builds the HTTP server: validation with the TypeBox schemas, one error format, sign-in on
// every route but the public ones, the OpenAPI document generated from the same schemas.
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { registerAjvFormats, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { validatorCompiler } from './validator-compiler.js';
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import { actorFromSession, actorFromToken } from '../services/auth.js';
import { SignInThrottle } from '../services/sign-in-throttle.js';
import { errorHandler, frameworkErrors, sendError } from './errors.js';
import { useUtf8JsonBodies } from './json-body.js';
import { BODY_LIMIT } from '../domain/limits.js';
import { csrfProblem, isSafeMethod, originProblem, setCsrfCookie } from './csrf.js';
import { DEFAULT_RATE_LIMITS, type RateLimits, rateLimits } from './rate-limits.js';
import { securityHeaders } from './security-headers.js';
import { accountRoutes } from './routes/accounts.js';
import { accountValueRoutes } from './routes/account-values.js';
import { analysisRoutes } from './routes/analysis.js';
import { authRoutes, SESSION_COOKIE } from './routes/auth.js';
import { clvRoutes } from './routes/clv.js';
import { auditRoutes } from './routes/audit.js';
import { contactRoutes } from './routes/contacts.js';
import { exportRoutes } from './routes/exports.js';
import { duplicateRoutes } from './routes/duplicates.js';
import { importRoutes } from './routes/imports.js';
import { interactionRoutes } from './routes/interactions.js';
import { ImportJobs } from '../services/import/import-jobs.js';
import { orderRoutes } from './routes/orders.js';
import { productRoutes } from './routes/products.js';
import { recommendationRoutes } from './routes/recommendations.js';
import { settingsRoutes } from './routes/settings.js';
import { exchangeRateRoutes } from './routes/exchange-rates.js';
import { taskRoutes } from './routes/tasks.js';
import { userRoutes } from './routes/users.js';
import { WEB_DIST, webAppRoutes } from './web-app.js';
import type { RouteDeps, RoutePlugin } from './route-deps.js';
import './request-context.js';

/** Every resource's routes, in the order they are registered under /api/v1. */
const ROUTES: readonly RoutePlugin[] = [
  authRoutes, userRoutes, accountRoutes, accountValueRoutes, contactRoutes, productRoutes, orderRoutes, interactionRoutes, taskRoutes,
  auditRoutes, settingsRoutes, exchangeRateRoutes, exportRoutes, duplicateRoutes, importRoutes, analysisRoutes,
  recommendationRoutes, clvRoutes,
];

export interface AppOptions {
  store: Store;
  logger?: Logger | boolean;
  secureCookies?: boolean;
  throttle?: SignInThrottle;
  imports?: ImportJobs;
  /** The built web app to serve at `/`; false serves the API alone. */
  webRoot?: string | false;
  /** Requests per minute per address and per user; false turns both off. */
  rateLimits?: RateLimits | false;
  /** Other origins whose pages may call the API with the session cookie (a dev server). */
  trustedOrigins?: readonly string[];
}

export type App = FastifyInstance;

registerAjvFormats();

export async function buildApp(options: AppOptions): Promise<App> {
  const { store } = options;
  const app = Fastify({
    loggerInstance: typeof options.logger === 'object' ? options.logger : undefined,
    logger: typeof options.logger === 'boolean' ? options.logger : undefined,
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    // Fastify logs two lines per request at info, which drowns the server's own messages:
    // one line per request at debug instead (LOG_LEVEL=debug).
    logController: new LogController({ disableRequestLogging: true }),
    // A path the router cannot decode (/accounts/%FF%FE) answers in the error shape too.
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();
  useUtf8JsonBodies(app);
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug({ method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API; plain JSON.stringify keeps every field as the service built it.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, { error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` } }));

  const secureCookies = options.secureCookies ?? false;
  const trustedOrigins = options.trustedOrigins ?? [];
  await securityHeaders(app as unknown as FastifyInstance, { secure: secureCookies });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 4 * 1024 ** 3, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Clientele API', version: '1', description: 'The customer portfolio: accounts, contacts, orders, interactions, tasks.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/v1/tokens' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { config: { public: true }, schema: { hide: true } }, async () => ({ ok: true, engine: store.engine }));

  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization;
    if (header?.toLowerCase().startsWith('bearer ')) {
      request.actor = await actorFromToken(store, header.slice(7).trim());
    } else {
      const session = request.cookies[SESSION_COOKIE];
      if (session) {
        request.actor = await actorFromSession(store, session);
        if (request.actor) {
          request.session = session;
          setCsrfCookie(request, reply, session, { secure: secureCookies });
        }
      }
    }
  });
  const limits = options.rateLimits === false ? undefined : await rateLimits(app as unknown as FastifyInstance, options.rateLimits ?? DEFAULT_RATE_LIMITS);
  if (limits) app.addHook('onRequest', limits);
  // Before validation, so a stranger learns nothing about the API from its error messages.
  app.addHook('preValidation', async (request, reply) => {
    if (!isSafeMethod(request.method)) {
      // Signing in has no session to protect yet (it replaces any), but must come from this server's pages.
      const signingIn = request.routeOptions.url === '/api/v1/auth/sign-in';
      const problem = request.session && !signingIn ? csrfProblem(request, request.session, trustedOrigins)
        : request.url.startsWith('/api/v1/auth/') ? originProblem(request, trustedOrigins) : undefined;
      if (problem) return sendError(reply, 403, problem);
    }
    if (request.routeOptions.config.public || request.url.startsWith('/api/docs')) return;
    if (!request.actor) {
      return sendError(reply, 401, { error: { code: 'unauthenticated', message: 'Sign in first, or send an API token as "Authorization: Bearer …".' } });
    }
  });

  const imports = options.imports ?? new ImportJobs(store, join(tmpdir(), 'clientele-imports'));
  app.addHook('onClose', () => imports.idle());
  const deps: RouteDeps = { store, throttle: options.throttle ?? new SignInThrottle(), secureCookies, imports };
  // Each resource's routes are a plugin given the same dependencies (route-deps.ts).
  await app.register(async (api) => {
    for (const routes of ROUTES) await api.register(routes, deps);
  }, { prefix: '/api/v1' });
  if (options.webRoot !== false) await app.register(webAppRoutes, { root: options.webRoot ?? WEB_DIST, store });

  return app as unknown as App;
}
