// Serves the built web app (web/dist) beside the API: files by path, hashed assets cached for
// good, and every other address outside /api answered with index.html so the app's own routes
// (/accounts/42…) survive a reload. Assets go out pre-compressed when the browser accepts it.
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors.js';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clientele</title></head>
<body><main><h1>The web app is not built</h1><p>Run <code>npm run build</code> (or start with <code>npm start</code>, which builds it),
then reload. The API answers meanwhile: <a href="/api/docs">API reference</a>.</p></main></body></html>`;

export function isWebAppBuilt(root: string = WEB_DIST): boolean {
  return existsSync(join(root, 'index.html'));
}

export async function webAppRoutes(app: FastifyInstance, { root }: { root: string }) {
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true, dotfiles: 'ignore', index: false });

  const page = { config: { public: true }, schema: { hide: true } } as const;
  app.get('/*', page, async (request, reply) => {
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
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
  });
}
