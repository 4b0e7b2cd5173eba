// The server's side of the web app: files, the single-page fallback, the signed-in user in the
// page, and the API's own 404s, on a stand-in build.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/api/app.js';
import { scriptSafeJson } from '../../src/api/web-app.js';
import { createUser } from '../../src/services/auth.js';
import { tempFolder } from '../support/temp-files.js';
import { openTestStore } from '../support/test-store.js';

let app: App;
let dist: string;
let cleanup: () => Promise<void>;
let disposeStore: () => Promise<void>;
const script = 'console.log("app");'.repeat(100);

beforeAll(async () => {
  const folder = await tempFolder('clientele-web-dist');
  dist = folder.path('dist');
  cleanup = folder.remove;
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, 'index.html'), '<!doctype html><html><head><title>Clientele</title></head><body><div id="root"></div></body></html>');
  await writeFile(join(dist, 'assets', 'index-abc123.js'), script);
  await writeFile(join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
  const { store, dispose } = await openTestStore('pglite');
  disposeStore = dispose;
  await createUser(store, { email: 'ana@example.com', name: 'Ana </script>', role: 'rep', password: 'a long enough password' });
  app = await buildApp({ store, logger: false, webRoot: dist });
});
afterAll(async () => {
  await app?.close();
  await disposeStore?.();
  await cleanup?.();
});

async function signedInCookie(): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'ana@example.com', password: 'a long enough password' } });
  return response.headers['set-cookie']!.toString().split(';')[0]!;
}

describe('serving the web app', () => {
  it('answers the app\'s own addresses with the page, telling it nobody is signed in', async () => {
    for (const url of ['/', '/accounts', '/accounts/42?status=lead']) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain('<div id="root">');
      expect(response.body).toContain('<script id="clientele-user" type="application/json">null</script></head>');
    }
  });

  it('puts the signed-in user in the page, without the password hash and unable to close the script', async () => {
    const response = await app.inject({ url: '/accounts', headers: { cookie: await signedInCookie() } });
    const json = /<script id="clientele-user" type="application\/json">(.*?)<\/script>/.exec(response.body)![1]!;
    expect(json).not.toContain('</script>');
    const user = JSON.parse(json) as Record<string, unknown>;
    expect(user).toMatchObject({ email: 'ana@example.com', name: 'Ana </script>', role: 'rep' });
    expect(user).not.toHaveProperty('passwordHash');
  });

  it('sends hashed assets compressed when the browser accepts it, cached for good', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.body).toBe(script);
  });

  it('keeps the API\'s error answers under /api, and 404s a missing asset', async () => {
    const api = await app.inject({ url: '/api/v1/no-such-thing' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/v1/no-such-thing.' } });
    expect((await app.inject({ url: '/api/v1/accounts' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/assets/gone-123.js' })).statusCode).toBe(404);
  });

  it('says how to build the app when the build is missing', async () => {
    await rm(join(dist, 'index.html'));
    try {
      const response = await app.inject({ url: '/accounts' });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('npm run build');
    } finally {
      await writeFile(join(dist, 'index.html'), '<!doctype html><html><head></head><body><div id="root"></div></body></html>');
    }
  });
});

describe('JSON inside a script element', () => {
  it('escapes every "<" so nothing in the data can end the script', () => {
    expect(scriptSafeJson({ name: '</script><script>alert(1)</script>' })).toBe('{"name":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}');
    expect(JSON.parse(scriptSafeJson({ name: '<!--' }))).toEqual({ name: '<!--' });
  });
});
