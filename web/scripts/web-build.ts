// Where the web app's sources and build live, and how to build it; shared by `npm start`, the
// server and the browser tests.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'vite';
import { buildState, type BuildState } from './build-freshness.js';
import { precompress } from './precompress.js';

export const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WEB_DIST = join(WEB_ROOT, 'dist');
const REPO_ROOT = join(WEB_ROOT, '..');

// The app also bundles the product's vocabulary from src/domain and the class names from
// src/analytics; a dependency upgrade changes the lock file.
const SOURCES = [join(WEB_ROOT, 'src'), join(WEB_ROOT, 'index.html'), join(WEB_ROOT, 'vite.config.ts'), join(WEB_ROOT, 'scripts'),
  join(REPO_ROOT, 'src', 'domain'), join(REPO_ROOT, 'src', 'analytics'), join(REPO_ROOT, 'package-lock.json')];

export function webBuildState(): Promise<BuildState> {
  return buildState(join(WEB_DIST, 'index.html'), SOURCES, (path) => path.endsWith('.test.ts'));
}

export async function buildWeb(): Promise<void> {
  // Vite takes the mode of its React build from NODE_ENV, which test runners set to "test".
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  await precompress(WEB_DIST);
}

/** Builds the app when the build is missing or older than its sources; says what it did. */
export async function ensureWebBuilt(log: (line: string) => void = () => {}): Promise<void> {
  const state = await webBuildState();
  if (!state.stale) return;
  log(`Building the web app: ${state.reason}…`);
  const started = Date.now();
  await buildWeb();
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
