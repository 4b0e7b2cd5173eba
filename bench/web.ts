// Issue 6's benchmark: with 100,000 accounts (and their orders) analysed, the time from
// navigation to the account list's first rows and to the dashboard's charts drawn, measured in
// Chromium against the real server, and the JavaScript the first page downloads, compressed.
//   npm run bench -- web     (BENCH_ACCOUNTS, BENCH_ORDERS, BENCH_RUNS; BENCH_ENGINE=pglite|postgres)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { buildApp } from '../src/api/app.js';
import { WEB_DIST } from '../src/api/web-app.js';
import { SYSTEM_ACTOR } from '../src/domain/access.js';
import { runAnalysis } from '../src/services/analysis/run-analysis.js';
import { createUser } from '../src/services/auth.js';
import { generatePortfolio } from '../src/services/demo/generate-portfolio.js';
import { bulkLoadPortfolio } from '../src/store/bulk-load.js';
import { type Connection, openPglite, openPostgres } from '../src/store/connection.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { createStore } from '../src/store/store.js';
import { launchBrowser } from '../test/support/browser.js';
import { ensureWebBuilt } from '../web/scripts/web-build.js';
import { machine } from './machine.js';
import { summarize, type LatencySummary } from './stats.js';

// One database per process, so two runs on one server never drop each other's.
const BENCH_DATABASE = `clientele_bench_web_${process.pid}`;

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'bench password 123';
const TARGET_MS = 1500;
const BUDGET_KB = 300;

async function pgReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** PostgreSQL when reachable (it loads the million orders faster), else the embedded store. */
async function openEngine(): Promise<{ engine: string; connection: Connection; close(): Promise<void> }> {
  const wanted = process.env.BENCH_ENGINE ?? ((await pgReachable(PG_URL)) ? 'postgres' : 'pglite');
  if (wanted === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'clientele-bench-web-'));
    const connection = await openPglite({ dataDir: dir, holder: 'bench' });
    return { engine: 'pglite', connection, close: async () => { await connection.close(); await rm(dir, { recursive: true, force: true }); } };
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
  await admin.query(`create database ${BENCH_DATABASE}`);
  const url = new URL(PG_URL);
  url.pathname = `/${BENCH_DATABASE}`;
  const connection = await openPostgres(url.toString());
  return {
    engine: 'postgres', connection,
    async close() {
      await connection.close();
      // Without force: a connection still closing must not be cut (the next run drops it anyway).
      await admin.query(`drop database if exists ${BENCH_DATABASE}`).catch(() => undefined);
      await admin.end();
    },
  };
}

/**
 * Milliseconds from the navigation's start until each condition first holds in the page, checked
 * at every frame by a script the page runs from its very start.
 */
async function timesTo(page: Page, url: string, conditions: string[]): Promise<number[]> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(`(() => {
    const seen = window.__benchSeen ??= [];
    ${JSON.stringify(conditions)}.forEach((c, i) => { if (seen[i] === undefined && (0, eval)(c)) seen[i] = performance.now(); });
    return seen.filter((t) => t !== undefined).length === ${conditions.length} ? seen : false;
  })()`, undefined, { polling: 'raf', timeout: 120_000 });
  return (await handle.jsonValue()) as number[];
}

interface ScriptBytes {
  compressed: number;
  uncompressed: number;
  files: number;
}

/** The scripts the page has downloaded so far, as the browser counted them. */
async function scriptBytes(page: Page): Promise<ScriptBytes> {
  return page.evaluate(() => {
    const scripts = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')) as PerformanceResourceTiming[];
    return {
      compressed: scripts.reduce((n, e) => n + e.encodedBodySize, 0),
      uncompressed: scripts.reduce((n, e) => n + e.decodedBodySize, 0),
      files: scripts.length,
    };
  });
}

/** The API calls behind the two pages, timed one at a time, to tell the server's share of the wait. */
const PAGE_CALLS = [
  '/api/v1/accounts?sort=name&limit=100', '/api/v1/users', '/api/v1/analysis/runs', '/api/v1/analysis/overview', '/api/v1/analysis/abc',
  '/api/v1/analysis/rfm', '/api/v1/analysis/matrix?rows=volumeTier&columns=frequency', '/api/v1/analysis/sections?by=country',
  '/api/v1/analysis/movements?dimension=abc&limit=200', '/api/v1/analysis/churn?limit=10', '/api/v1/analysis/goals',
];

async function timeCalls(base: string, cookie: string, samples = 5): Promise<Record<string, LatencySummary>> {
  const out: Record<string, LatencySummary> = {};
  for (const path of PAGE_CALLS) {
    const millis: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      millis.push(performance.now() - started);
    }
    out[path.replace('/api/v1', '')] = summarize(millis);
  }
  return out;
}

const ROWS_READY = 'document.querySelector(\'[role="row"][data-account-id]\')';
// Every chart on the page painted, once the overview has put them all there.
const CHARTS_READY = 'document.querySelector(\'.headline\') && [...document.querySelectorAll(\'.chart\')].every((c) => c.dataset.drawn === \'true\')';
// What the screen shows first: the headline figures and the two charts at the top.
const FIRST_CHARTS_READY = 'document.querySelector(\'.headline\') && [...document.querySelectorAll(\'.chart\')].slice(0, 2).filter((c) => c.dataset.drawn === \'true\').length === 2';

export async function runWebBench(): Promise<void> {
  await ensureWebBuilt((line) => process.stderr.write(`  ${line}\n`));
  const { engine, connection, close } = await openEngine();
  try {
    await migrateToLatest(connection.db);
    const store = createStore(connection);
    const portfolio = generatePortfolio({ seed: 1, accounts: ACCOUNTS, orders: ORDERS, endDate: '2026-01-01T00:00:00.000Z' });
    let started = Date.now();
    let lastLog = 0;
    const counts = await bulkLoadPortfolio(connection, {
      users: portfolio.users, passwordHash: '!locked', products: portfolio.products, records: portfolio.records(), chunkSize: 2000,
      onProgress: ({ accounts }) => {
        if (Date.now() - lastLog > 10_000) {
          lastLog = Date.now();
          process.stderr.write(`  ${engine}: ${accounts} accounts loaded\n`);
        }
      },
    });
    const loadSeconds = (Date.now() - started) / 1000;
    process.stderr.write(`  ${engine}: ${counts.accounts} accounts, ${counts.orders} orders in ${loadSeconds.toFixed(0)} s; analysing…\n`);
    started = Date.now();
    // A snapshot half a year earlier gives the movements chart something to draw.
    await runAnalysis({ store, actor: SYSTEM_ACTOR }, { asOf: '2025-07-01', kind: 'snapshot' });
    await runAnalysis({ store, actor: SYSTEM_ACTOR }, { asOf: '2026-01-01', kind: 'run' });
    const analysisSeconds = (Date.now() - started) / 1000;

    const admin = await createUser(store, { email: 'bench@example.com', name: 'Bench', role: 'admin', password: PASSWORD });
    const app = await buildApp({ store, logger: false, webRoot: WEB_DIST });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const signIn = await fetch(`${base}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: admin.email, password: PASSWORD }) });
    const session = signIn.headers.get('set-cookie')!.split(';')[0]!.split('=');
    const withSession = (context: BrowserContext) => context.addCookies([{ name: session[0]!, value: session.slice(1).join('='), url: base }]);

    const cold = { list: [] as number[], dashboard: [] as number[], firstCharts: [] as number[] };
    const warm = { list: [] as number[], dashboard: [] as number[], firstCharts: [] as number[] };
    const dashboard = async (into: typeof cold, page: Page) => {
      const [first, all] = await timesTo(page, `${base}/`, [FIRST_CHARTS_READY, CHARTS_READY]);
      into.firstCharts.push(first!);
      into.dashboard.push(all!);
    };
    let firstPage: ScriptBytes | undefined;
    let dashboardPage: ScriptBytes | undefined;
    for (let run = 0; run < RUNS; run++) {
      // Cold: a fresh profile, nothing cached. Warm: the same pages again, scripts from the cache.
      const browser = await launchBrowser();
      try {
        const { page } = await browser.open({ width: 1280, height: 900 });
        await withSession(browser.context);
        cold.list.push((await timesTo(page, `${base}/accounts`, [ROWS_READY]))[0]!);
        firstPage ??= await scriptBytes(page);
        warm.list.push((await timesTo(page, `${base}/accounts`, [ROWS_READY]))[0]!);
        await dashboard(cold, page);
        dashboardPage ??= await scriptBytes(page);
        await dashboard(warm, page);
      } finally {
        await browser.close();
      }
      process.stderr.write(`  run ${run + 1}/${RUNS}: list ${cold.list.at(-1)!.toFixed(0)} / ${warm.list.at(-1)!.toFixed(0)} ms, dashboard ${cold.dashboard.at(-1)!.toFixed(0)} / ${warm.dashboard.at(-1)!.toFixed(0)} ms\n`);
    }
    // Other work on the machine shows in the timings; the load says how busy it was.
    const load = loadavg().map((l) => Math.round(l * 10) / 10);
    const calls = await timeCalls(base, session.join('='));
    await app.close();

    const timings: Record<string, LatencySummary> = {
      'account list, first rows (cold cache)': summarize(cold.list),
      'account list, first rows (warm cache)': summarize(warm.list),
      'dashboard, headline and the first two charts drawn (scripts of the list cached)': summarize(cold.firstCharts),
      'dashboard, headline and the first two charts drawn (warm cache)': summarize(warm.firstCharts),
      'dashboard, all charts drawn (scripts of the list cached)': summarize(cold.dashboard),
      'dashboard, all charts drawn (warm cache)': summarize(warm.dashboard),
    };
    const out = {
      benchmark: 'web', date: new Date().toISOString(), machine: machine(), engine, accounts: counts.accounts, orders: counts.orders,
      loadSeconds, analysisSeconds, runs: RUNS, loadAverage: load, timingsMs: timings, apiCallsMs: calls, firstPageScripts: firstPage, dashboardScripts: dashboardPage,
      targets: { ms: TARGET_MS, firstPageKB: BUDGET_KB },
    };
    await mkdir('bench/results', { recursive: true });
    await writeFile('bench/results/web.json', `${JSON.stringify(out, null, 2)}\n`);
    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    const lines = [
      `# Web app (${out.date.slice(0, 10)})`, '',
      `${counts.accounts.toLocaleString('en-US')} accounts and ${counts.orders.toLocaleString('en-US')} orders on ${engine}, analysed twice (a snapshot and a run, ${analysisSeconds.toFixed(0)} s); the real server on this machine, headless Chromium, signed in as an admin.`,
      `Each of ${RUNS} runs starts a fresh browser profile: the first load of each page is cold, the second comes from the cache. Times run from the navigation's start to the first account row in the page, and to the dashboard's headline figures with its first two charts painted (what the screen shows first) and then every chart painted.`,
      `Machine: ${out.machine.cpus} × ${out.machine.cpuModel}, ${out.machine.memoryGiB} GiB, Node ${out.machine.node}; load average ${load.join(' / ')} (1 / 5 / 15 min) when measured. Target: under ${TARGET_MS} ms.`, '',
      '| measure | p50 ms | p95 ms | max ms |', '|---|---|---|---|',
      ...Object.entries(timings).map(([name, s]) => `| ${name} | ${s.p50} | ${s.p95} | ${s.max} |`), '',
      `JavaScript of the first page (the account list): ${kb(firstPage!.compressed)} KB compressed (${kb(firstPage!.uncompressed)} KB uncompressed, ${firstPage!.files} files); budget ${BUDGET_KB} KB.`,
      `With the dashboard, whose chunk carries the charting code: ${kb(dashboardPage!.compressed)} KB compressed in all (${dashboardPage!.files} files).`, '',
      'The API calls behind the pages, one at a time (5 each), for the server\'s share of the wait:', '',
      '| call | p50 ms | max ms |', '|---|---|---|',
      ...Object.entries(calls).map(([name, c]) => `| \`${name}\` | ${c.p50} | ${c.max} |`),
    ];
    await writeFile('bench/results/web.md', `${lines.join('\n')}\n`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await close();
  }
}
