// Builds the HTTP server: validation with the TypeBox schemas, one error format, sign-in on
// every route but the public ones, the OpenAPI document generated from the same schemas.
import Fastify, { type FastifyInstance } from 'fastify';
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
import { errorHandler, sendError } from './errors.js';
import { accountRoutes } from './routes/accounts.js';
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
import './request-context.js';

export interface AppOptions {
  store: Store;
  logger?: Logger | boolean;
  secureCookies?: boolean;
  throttle?: SignInThrottle;
  imports?: ImportJobs;
  /** The built web app to serve at `/`; false serves the API alone. */
  webRoot?: string | false;
}

export type App = FastifyInstance;

registerAjvFormats();

export async function buildApp(options: AppOptions): Promise<App> {
  const { store } = options;
  const app = Fastify({
    loggerInstance: typeof options.logger === 'object' ? options.logger : undefined,
    logger: typeof options.logger === 'boolean' ? options.logger : undefined,
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API; plain JSON.stringify keeps every field as the service built it.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, { error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` } }));

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

  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header?.toLowerCase().startsWith('bearer ')) {
      request.actor = await actorFromToken(store, header.slice(7).trim());
    } else {
      const session = request.cookies[SESSION_COOKIE];
      if (session) request.actor = await actorFromSession(store, session);
    }
  });
  // Before validation, so a stranger learns nothing about the API from its error messages.
  app.addHook('preValidation', async (request, reply) => {
    if (request.routeOptions.config.public || request.url.startsWith('/api/docs')) return;
    if (!request.actor) {
      return sendError(reply, 401, { error: { code: 'unauthenticated', message: 'Sign in first, or send an API token as "Authorization: Bearer …".' } });
    }
  });

  const imports = options.imports ?? new ImportJobs(store, join(tmpdir(), 'clientele-imports'));
  app.addHook('onClose', () => imports.idle());
  const deps = { store, throttle: options.throttle ?? new SignInThrottle(), secureCookies: options.secureCookies ?? false };
  await app.register(async (api) => {
    await authRoutes(api, deps);
    await userRoutes(api, deps);
    await accountRoutes(api, deps);
    await contactRoutes(api, deps);
    await productRoutes(api, deps);
    await orderRoutes(api, deps);
    await interactionRoutes(api, deps);
    await taskRoutes(api, deps);
    await auditRoutes(api, deps);
    await settingsRoutes(api, deps);
    await exchangeRateRoutes(api, deps);
    await exportRoutes(api, deps);
    await duplicateRoutes(api, deps);
    await importRoutes(api, { ...deps, imports });
    await analysisRoutes(api, deps);
    await recommendationRoutes(api, deps);
    await clvRoutes(api, deps);
  }, { prefix: '/api/v1' });
  if (options.webRoot !== false) await app.register(webAppRoutes, { root: options.webRoot ?? WEB_DIST, store });

  return app as unknown as App;
}

export interface RouteDeps {
  store: Store;
  throttle: SignInThrottle;
  secureCookies: boolean;
}
