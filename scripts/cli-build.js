// @ts-check
// The compiled CLI: src/ transpiled to plain JavaScript in dist/cli/, so `clientele` starts
// without compiling TypeScript on every run (tsx spent about 5.5 s of CPU on each command).
// Plain JavaScript itself, as bin/clientele.js loads it before anything is compiled.
//
// Each build goes into a folder of its own (dist/cli/<stamp>/, the tree of src/ mirrored, so
// paths relative to a module still hold); dist/cli/current.json, replaced in one rename, names
// the build in use. Processes building at the same time never write into each other's files,
// and one still running from an older build keeps its modules until that build is cleared.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * A server started from an older build still loads modules from it (the lifetime-value worker,
 * for one): the next build removes only builds past the few newest that are over an hour old.
 */
const KEEP_RECENT_BUILDS = 4;
const KEEP_OLD_BUILDS_MS = 60 * 60_000;

/**
 * @typedef {{ root?: string }} Where  the project root: this project's by default, another in tests
 * @typedef {{ stale: boolean, reason: string, entry?: string }} CliBuildState
 */

const paths = (/** @type {Where} */ { root = PROJECT_ROOT } = {}) => {
  const out = join(root, 'dist', 'cli');
  return { root, src: join(root, 'src'), out, pointer: join(out, 'current.json'), script: fileURLToPath(import.meta.url) };
};

const isSource = (/** @type {string} */ name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');

/**
 * The newest change under `dir`: files that are compiled, and folders themselves, whose time
 * moves when a file in them is added, removed or renamed.
 * @param {string} dir
 * @param {string[]} files  collects the sources, for the build
 */
function newestChange(dir, files = []) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestChange(path, files));
    else if (isSource(entry.name)) {
      files.push(path);
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/**
 * Whether the compiled CLI is missing or older than a source (or than this script); when not,
 * where its entry point is.
 * @param {Where} [where]
 * @returns {CliBuildState}
 */
export function cliBuildState(where) {
  const { src, out, pointer, script } = paths(where);
  /** @type {{ dir: string, startedAt: number } | undefined} */
  let current;
  try {
    current = JSON.parse(readFileSync(pointer, 'utf8'));
  } catch {
    return { stale: true, reason: 'the CLI has not been compiled yet' };
  }
  if (!current) return { stale: true, reason: 'the CLI has not been compiled yet' };
  // Compared with the moment the build started: a source saved during a build is newer than it.
  if (Math.max(newestChange(src), statSync(script).mtimeMs) > current.startedAt) {
    return { stale: true, reason: 'the sources changed since the CLI was compiled' };
  }
  return { stale: false, reason: 'the compiled CLI is up to date', entry: join(out, current.dir, 'cli', 'main.js') };
}

/**
 * Compiles every source of src/ (tests left out) into a new build folder and makes it current.
 * @param {Where} [where]
 * @returns {Promise<string>} the entry point of the new build
 */
export async function buildCli(where) {
  const { src, out, pointer } = paths(where);
  const startedAt = Date.now();
  /** @type {string[]} */
  const files = [];
  newestChange(src, files);
  const dir = `${startedAt}-${process.pid}`;
  // Loaded only to build: a run from an up-to-date build never pays for it.
  const { build } = await import('esbuild');
  await build({
    entryPoints: files, outbase: src, outdir: join(out, dir),
    format: 'esm', platform: 'node', target: 'node20', bundle: false, logLevel: 'warning',
  });
  const temporary = `${pointer}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ dir, startedAt }));
  renameSync(temporary, pointer);
  clearOldBuilds(out, dir, startedAt);
  return join(out, dir, 'cli', 'main.js');
}

/** @param {string} out @param {string} keep @param {number} now */
function clearOldBuilds(out, keep, now) {
  const builds = readdirSync(out, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== keep)
    .map((entry) => ({ name: entry.name, builtAt: Number(entry.name.split('-')[0]) }))
    .sort((a, b) => b.builtAt - a.builtAt);
  for (const { name, builtAt } of builds.slice(KEEP_RECENT_BUILDS)) {
    if (now - builtAt > KEEP_OLD_BUILDS_MS) rmSync(join(out, name), { recursive: true, force: true });
  }
}

/**
 * The entry point of an up-to-date compiled CLI, compiling first when needed.
 * @param {Where & { log?: (line: string) => void }} [options]
 */
export async function ensureCliBuilt(options = {}) {
  const state = cliBuildState(options);
  if (state.entry) return state.entry;
  options.log?.(`Compiling the CLI: ${state.reason}…`);
  mkdirSync(paths(options).out, { recursive: true });
  return buildCli(options);
}

// `node scripts/cli-build.js` (npm run build:cli, and `prepare` on install): compile now.
if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const started = Date.now();
  mkdirSync(paths().out, { recursive: true });
  const entry = await buildCli();
  process.stdout.write(`CLI compiled into ${relative(PROJECT_ROOT, join(entry, '..', '..'))} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}
