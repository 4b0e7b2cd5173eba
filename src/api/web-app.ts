// Serves the built web app (web/dist) beside the API: files by path, hashed assets cached for
// good, and every other address outside /api answered with index.html so the app's own routes
// (/accounts/42…) survive a reload. Assets go out pre-compressed when the browser accepts it.
// The page carries the signed-in user, which saves the app a round trip before its first call.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PROJECT_ROOT } from '../project-root.js';
import { withoutHash } from '../store/repositories/users.js';
import type { Store } from '../store/store.js';
import { sendError } from './errors.js';

export const WEB_DIST = join(PROJECT_ROOT, 'web', 'dist');

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clientele</title></head>
<body><main><h1>The web app is not built</h1><p>Run <code>npm run build</code> (or start with <code>npm start</code>, which builds it),
then reload. The API answers meanwhile: <a href="/api/docs">API reference</a>.</p></main></body></html>`;

export function isWebAppBuilt(root: string = WEB_DIST): boolean {
  return existsSync(join(root, 'index.html'));
}

/** JSON safe inside a <script> element: no "</script>" or "<!--" can close or open anything. */
export const scriptSafeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export async function webAppRoutes(app: FastifyInstance, { root, store }: { root: string; store: Store }) {
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true, dotfiles: 'ignore', index: false });

  // index.html is read again only when a new build replaces it.
  let page: { mtimeMs: number; html: string } | undefined;
  const indexHtml = async () => {
    const { mtimeMs } = await stat(join(root, 'index.html'));
    if (page?.mtimeMs !== mtimeMs) page = { mtimeMs, html: await readFile(join(root, 'index.html'), 'utf8') };
    return page.html;
  };
  const signedIn = async (request: FastifyRequest) => {
    const user = request.actor ? await store.users.get(request.actor.userId) : undefined;
    return `<script id="clientele-user" type="application/json">${scriptSafeJson(user ? withoutHash(user) : null)}</script>`;
  };

  const route = { config: { public: true }, schema: { hide: true } } as const;
  app.get('/*', route, async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    if (path === 'api' || path.startsWith('api/')) {
      return sendError(reply, 404, { error: { code: 'not_found', message: `No route GET ${request.url.split('?')[0]}.` } });
    }
    // Checked per request, so a build made while the server runs is served without a restart.
    if (!isWebAppBuilt(root)) return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    if (path.startsWith('assets/')) {
      return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(path, root, { cacheControl: false });
    }
    if (extname(path) && existsSync(join(root, path))) return reply.sendFile(path, root);
    const html = (await indexHtml()).replace('</head>', `${await signedIn(request)}</head>`);
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  });
}
