// Security headers on every answer (pages, API, exports, /api/docs) through @fastify/helmet.
// The Content-Security-Policy lets a page run scripts and load styles, images and data from
// this server only: no inline script, no plugin, no framing by another site, no form posted
// elsewhere. Style attributes are allowed (style-src-attr): the charts' tooltips are built as
// HTML with inline styles, and a style attribute cannot run code. The API reference at
// /api/docs (Swagger UI) adds <style> elements of its own, so its pages alone allow inline styles.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

export async function securityHeaders(app: FastifyInstance, { secure }: { secure: boolean }) {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      // Over plain http (a local start) upgrading requests to https would break every asset.
      directives: secure ? { ...CONTENT_SECURITY_POLICY, 'upgrade-insecure-requests': [] } : CONTENT_SECURITY_POLICY,
    },
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: secure ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  const docsPolicy = policyText({ ...CONTENT_SECURITY_POLICY, 'style-src': ["'self'", "'unsafe-inline'"] }, secure);
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/docs')) reply.header('content-security-policy', docsPolicy);
  });
}

function policyText(directives: Record<string, string[]>, secure: boolean): string {
  const text = Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`).join(';');
  return secure ? `${text};upgrade-insecure-requests` : text;
}

