// One engine's half of the portfolio-analysis benchmark, run in a process of its own so its
// peak memory is its own:
//   node --import tsx bench/portfolio-engine.ts ENGINE DATASET.json RESULT.json
// Loads the dataset with COPY, then times rebuilding the purchase summaries, reading them,
// classifying from them, a whole stored run, and single new orders reaching the classes.
import { createReadStream } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { daysBefore } from '../src/analytics/portfolio/calendar.js';
import { ABC_CLASSES } from '../src/domain/portfolio/classes.js';
import { classifyColumns } from '../src/analytics/portfolio/classify-columns.js';
import { classifyPortfolio } from '../src/analytics/portfolio/classify-portfolio.js';
import { SYSTEM_ACTOR } from '../src/domain/access.js';
import { portfolioRules } from '../src/services/analysis/portfolio-rules.js';
import { reclassifyAccounts } from '../src/services/analysis/reclassify.js';
import { runAnalysis } from '../src/services/analysis/run-analysis.js';
import { storedExplanation } from '../src/services/analysis/explain-stored.js';
import { type Connection, type Engine, openPglite, openPostgres } from '../src/store/connection.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { createStore, type Store } from '../src/store/store.js';
import { peakRssMiB, resetPeakRss } from './peak-memory.js';
import { classCodes } from './portfolio-class-codes.js';
import { ACCOUNT_COLUMNS, ORDER_COLUMNS, type PortfolioDataset } from './portfolio-data.js';
import { summarize, type LatencySummary } from './stats.js';

const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// One database per process: a second run of the benchmark on the same server (another helper's,
// a rerun) dropped the first's database in the middle of its COPY, and the first died with ECONNRESET.
const DATABASE = `clientele_portfolio_bench_${process.pid}`;
const CLASSIFY_REPEATS = Number(process.env.BENCH_CLASSIFY_REPEATS ?? 3);
const NEW_ORDERS = Number(process.env.BENCH_NEW_ORDERS ?? 200);

export interface StepResult {
  seconds: number;
  peakRssMiB: number;
}

export interface EngineResult {
  engine: Engine;
  serverVersion: string;
  loadSeconds: number;
  rebuild: StepResult & { accounts: number };
  readSummaries: StepResult & { histories: number; purchaseDays: number; heapMiB: number };
  readAccounts: StepResult & { accounts: number };
  /** classifyPortfolio: every account's classes with their rule sentences and figures, the portfolio analyses, once. */
  explain: StepResult & { accounts: number; cpuSeconds: number };
  /** The portfolio read straight into columns (the store's portfolioColumns.read). */
  readColumns: StepResult & { purchaseDays: number };
  /** classifyColumns: each repetition's wall and CPU seconds (the CPU of every thread of the process, the collector's included), fastest first. */
  classify: {
    seconds: number[]; cpuSeconds: number[]; peakRssMiB: number; heapMiB: number; accounts: number;
    abc: Record<string, number>; rfmScoreCounts: { r: number[]; f: number[]; m: number[] };
  };
  runAnalysis: StepResult & { steps: Record<string, number>; storedClasses: number };
  /** One account's classes with their rules and figures, worked out when read (explain-stored.ts): ms per account. */
  explainOnRead: { samples: number; p50: number; p99: number };
  newOrder: {
    what: string; latencyMs: LatencySummary; reflected: boolean;
    /** The insert alone (with its trigger), of the same samples. */
    insertMs?: LatencySummary;
    /** The collector's pauses while the samples ran. */
    gcPauses?: { count: number; totalMs: number; maxMs: number };
    /** The heap still in use once the whole run's garbage was collected, before the samples. */
    heapAfterRunMiB?: number;
    /** The first order after the run, on connections that have not yet run the trigger or the queries. */
    firstOrderMs?: number;
    warmupOrders?: number;
    /** Seconds waited after the run for the server's autovacuum to finish. */
    settledSeconds?: number;
    /** The five slowest samples, with their account's purchase days and what else worked in the database just after. */
    slowest?: { ms: number; accountId: number; purchaseDays: number; busy?: string[] }[];
  };
  peakRssMiB: number;
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
const heapMiB = () => Math.round(process.memoryUsage().heapUsed / 1024 ** 2);

async function step<T>(work: () => Promise<T>): Promise<{ value: T } & StepResult> {
  await resetPeakRss();
  const started = process.hrtime.bigint();
  const value = await work();
  return { value, seconds: round(seconds(started)), peakRssMiB: await peakRssMiB() };
}

async function open(engine: Engine): Promise<{ connection: Connection; cleanup: () => Promise<unknown> }> {
  if (engine === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'clientele-portfolio-bench-'));
    const connection = await openPglite({ dataDir: dir, holder: 'bench' });
    return { connection, cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.query(`create database ${DATABASE}`);
  const url = new URL(PG_URL);
  url.pathname = `/${DATABASE}`;
  const connection = await openPostgres(url.toString());
  return {
    connection,
    async cleanup() {
      // pg's pool.end() resolves before its sessions have gone; dropping with (force) meanwhile
      // would end them with an error their idle pool has no listener for.
      for (let wait = 0; wait < 50; wait++) {
        const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [DATABASE]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await admin.query(`drop database if exists ${DATABASE} with (force)`);
      await admin.end();
    },
  };
}

/** A CSV file in pieces that end on a line end: PGlite runs each batch of pieces as a COPY of its own. */
async function* csvLines(path: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    const end = text.lastIndexOf('\n') + 1;
    rest = text.slice(end);
    if (end > 0) yield text.slice(0, end);
  }
  if (rest) yield rest;
}

/** The dataset through COPY in one transaction; triggers and foreign-key checks are off, since the summaries are rebuilt next. */
async function load(store: Store, data: PortfolioDataset): Promise<void> {
  for (let rep = 1; rep <= data.reps; rep++) {
    const user = await store.users.insert({ email: `rep${rep}@bench.local`, name: `Rep ${rep}`, role: 'rep', passwordHash: 'x' });
    if (user.id !== rep) throw new Error(`rep ${rep} was stored as user ${user.id}`);
  }
  await store.connection.copyTransaction(async (session) => {
    await sql`set local session_replication_role = replica`.execute(session.db);
    await session.copyCsv('accounts', ACCOUNT_COLUMNS, csvLines(data.accountsCsv));
    await session.copyCsv('orders', ORDER_COLUMNS, csvLines(data.ordersCsv));
  });
  // The orders name accounts by their place in the file: the identity must have numbered them 1 to n.
  const { rows } = await sql<{ low: number; high: number; n: number }>`select min(id)::int as low, max(id)::int as high, count(*)::int as n from accounts`.execute(store.connection.db);
  if (rows[0]!.low !== 1 || rows[0]!.high !== data.accounts || rows[0]!.n !== data.accounts) throw new Error(`accounts were numbered ${JSON.stringify(rows[0])}`);
  await sql`vacuum analyze accounts, orders`.execute(store.connection.db);
}

/** Reads the portfolio as columns and classifies it from them, CLASSIFY_REPEATS times; writes the class codes for the DuckDB comparison. */
async function classifyFromColumns(store: Store, data: PortfolioDataset, settings: Awaited<ReturnType<typeof portfolioRules>>, asOfEnd: Date,
  codesPath: string, log: (text: string) => void): Promise<Pick<EngineResult, 'readColumns' | 'classify'>> {
  log('reading the portfolio as columns');
  const readColumns = await step(() => store.portfolioColumns.read(asOfEnd));
  const columns = readColumns.value;
  log(`classifying ${columns.ids.length.toLocaleString('en-US')} accounts from the columns, ${CLASSIFY_REPEATS} times`);
  await resetPeakRss();
  const classifySeconds: number[] = [];
  const classifyCpu: number[] = [];
  let classified: ReturnType<typeof classifyColumns> | undefined;
  for (let i = 0; i < CLASSIFY_REPEATS; i++) {
    classified = undefined;
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    classified = classifyColumns({ asOf: data.asOf, columns, settings });
    classifySeconds.push(round(seconds(started)));
    const used = process.cpuUsage(cpu);
    classifyCpu.push(round((used.user + used.system) / 1e6));
  }
  const c = classified!;
  const classify = {
    seconds: classifySeconds.sort((a, b) => a - b), cpuSeconds: classifyCpu.sort((a, b) => a - b),
    peakRssMiB: await peakRssMiB(), heapMiB: heapMiB(), accounts: c.ids.length,
    abc: { ...c.figures.abc.accounts, none: c.ids.length - c.figures.abc.rankedAccounts },
    rfmScoreCounts: c.figures.rfm.scoreCounts,
  };
  // DuckDB's reference ranks the period's revenue only: an inactive account without any, which
  // ours ranks apart on its last active year (docs/inactive-value-class.md), counts as none here.
  await writeFile(codesPath, classCodes(data.accounts, Array.from(c.ids, (id, i) => ({
    accountId: id, abc: c.periodRevenue[i]! > 0 ? ABC_CLASSES[c.abc[i]!]! : 'none', r: c.recencyScore[i] || null, f: c.frequencyScore[i] || null, m: c.monetaryScore[i] || null,
  }))));
  return { readColumns: { seconds: readColumns.seconds, peakRssMiB: readColumns.peakRssMiB, purchaseDays: columns.days.length }, classify };
}

/** `codesPath` receives every account's ABC class and RFM scores, to compare with DuckDB's account by account. */
/** `save` receives what has been measured so far after each step, so a process that dies later still leaves it. */
export async function benchEngine(engine: Engine, data: PortfolioDataset, codesPath: string,
  save: (partial: Partial<EngineResult>) => Promise<void> = async () => {}): Promise<EngineResult> {
  const { connection, cleanup } = await open(engine);
  const partial: Partial<EngineResult> = { engine };
  const log = (text: string) => process.stderr.write(`  ${engine}: ${text}\n`);
  try {
    await migrateToLatest(connection.db);
    const store = createStore(connection);
    log(`loading ${data.accounts.toLocaleString('en-US')} accounts and ${data.orders.toLocaleString('en-US')} orders`);
    const loaded = await step(() => load(store, data));

    const version = await sql<{ v: string }>`select split_part(version(), ' ', 2) as v`.execute(connection.db);
    partial.serverVersion = `PostgreSQL ${version.rows[0]!.v}`;
    partial.loadSeconds = loaded.seconds;
    await save(partial);

    log('rebuilding the purchase summaries');
    const rebuild = await step(() => store.purchaseHistories.rebuild());
    partial.rebuild = { seconds: rebuild.seconds, peakRssMiB: rebuild.peakRssMiB, accounts: rebuild.value };
    await save(partial);

    const settings = await portfolioRules(store);
    const asOfEnd = new Date(`${daysBefore(data.asOf, -1)}T00:00:00Z`);
    // In a function of its own, so the columns are garbage once it returns, not held through the samples.
    Object.assign(partial, await classifyFromColumns(store, data, settings, asOfEnd, codesPath, log));
    await save(partial);

    log('running a whole stored analysis');
    const stepTimes: Record<string, number> = {};
    let last = process.hrtime.bigint();
    let current = 'preparing';
    const run = await step(() => runAnalysis({ store, actor: SYSTEM_ACTOR }, {
      asOf: data.asOf,
      onProgress: (name) => {
        stepTimes[current] = round(seconds(last));
        last = process.hrtime.bigint();
        current = name;
      },
    }));
    stepTimes[current] = round(seconds(last));
    const stored = await sql<{ n: number }>`select count(*)::int as n from account_classes`.execute(connection.db);
    partial.runAnalysis = { seconds: run.seconds, peakRssMiB: run.peakRssMiB, steps: stepTimes, storedClasses: stored.rows[0]!.n };
    await save(partial);

    log('explaining accounts one at a time as they are read');
    partial.explainOnRead = await explainOnRead(store);
    await save(partial);

    log('reading the summaries and the accounts');
    let read = await step(() => store.purchaseHistories.list());
    const purchaseDays = read.value.reduce((sum, history) => sum + history.days.length, 0);
    const readSummaries = { seconds: read.seconds, peakRssMiB: read.peakRssMiB, histories: read.value.length, purchaseDays, heapMiB: heapMiB() };
    const readAccounts = await step(() => store.analysisFacts.accounts());

    partial.readSummaries = readSummaries;
    const existing = readAccounts.value.filter((account) => account.since < asOfEnd.toISOString());
    partial.readAccounts = { seconds: readAccounts.seconds, peakRssMiB: readAccounts.peakRssMiB, accounts: existing.length };
    await save(partial);
    log(`explaining ${existing.length.toLocaleString('en-US')} accounts (classes with their rules and figures)`);
    const explained = await step(async () => {
      const cpu = process.cpuUsage();
      const result = classifyPortfolio({ asOf: data.asOf, accounts: existing, histories: read.value, settings });
      const used = process.cpuUsage(cpu);
      return { accounts: result.accounts.length, cpuSeconds: round((used.user + used.system) / 1e6) };
    });
    // Let the collector have the objects before the whole run reads everything again.
    read = undefined as never;
    readAccounts.value.length = 0;

    partial.explain = { seconds: explained.seconds, peakRssMiB: explained.peakRssMiB, ...explained.value };
    await save(partial);

    existing.length = 0;
    log(`placing ${NEW_ORDERS} new orders one at a time`);
    partial.newOrder = await newOrders(store, data);
    partial.peakRssMiB = await peakRssMiB();
    return partial as EngineResult;
  } finally {
    await connection.close();
    await cleanup();
  }
}

/**
 * Orders placed, untimed but for the first, before the samples: each pooled connection plans the
 * trigger and the queries once, and the collector's young generation, shrunk by the collection
 * that settled the run's garbage, grows back (its first scavenges there took 8 to 20 ms each for
 * less than a megabyte, in the first tenth of a second).
 */
/** Reads the explanation of accounts spread over the run, one at a time, as GET /accounts/:id/classes does. */
async function explainOnRead(store: Store): Promise<{ samples: number; p50: number; p99: number }> {
  const run = (await store.analysisRuns.latest())!;
  const ids = (await sql<{ account_id: number }>`select account_id from account_classes where run_id = ${run.id} order by account_id`.execute(store.connection.db)).rows;
  const step = Math.max(1, Math.floor(ids.length / EXPLAINED_ON_READ));
  const times: number[] = [];
  for (let k = 0; k < ids.length && times.length < EXPLAINED_ON_READ; k += step) {
    const started = process.hrtime.bigint();
    const row = await store.analysisRuns.accountClasses(run.id, Number(ids[k]!.account_id));
    await storedExplanation(store, run, row!);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
  return { samples: times.length, p50: at(0.5), p99: at(0.99) };
}

const EXPLAINED_ON_READ = Number(process.env.BENCH_EXPLAINED_ON_READ ?? 200);
const WARMUP_ORDERS = Number(process.env.BENCH_WARMUP_ORDERS ?? 100);
/** How long to wait at most for the server's autovacuum to finish with the tables the run and the load wrote. */
const SETTLE_MINUTES = Number(process.env.BENCH_SETTLE_MINUTES ?? 10);

/** What else works in the database at this moment (autovacuum, another client): PostgreSQL only. */
async function busyBackends(store: Store): Promise<string[]> {
  if (store.connection.engine !== 'postgres') return [];
  const { rows } = await sql<{ b: string }>`select backend_type || coalesce(': ' || left(query, 60), '') as b from pg_stat_activity
    where datname = current_database() and state is distinct from 'idle' and pid <> pg_backend_pid() and backend_type <> 'client backend'`
    .execute(store.connection.db);
  return rows.map((r) => r.b);
}

/**
 * The whole run before the samples leaves gigabytes behind: garbage in this process, a million
 * freshly written rows the database has yet to flush, and (on PostgreSQL) autovacuum working
 * through the tables the load and the run wrote. Settle all three, as a server would have them
 * some minutes after its nightly run; returns the seconds waited for autovacuum.
 */
async function settle(store: Store): Promise<number> {
  await sql`checkpoint`.execute(store.connection.db);
  const started = process.hrtime.bigint();
  while ((await busyBackends(store)).some((b) => b.startsWith('autovacuum')) && seconds(started) < SETTLE_MINUTES * 60) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  (globalThis as { gc?: () => void }).gc?.();
  return round(seconds(started), 1);
}

/**
 * One order at a time on accounts spread over the portfolio, each timed from its insert (the
 * triggers refresh the account's purchase days) until its account's classes in the latest run
 * are placed again.
 */
async function newOrders(store: Store, data: PortfolioDataset): Promise<EngineResult['newOrder']> {
  const run = await store.analysisRuns.latest();
  if (!run) throw new Error('no analysis run to reclassify against');
  // Warm-up on accounts the samples do not touch: a warm-up on the sampled accounts would warm their pages too.
  const warmup = Array.from({ length: WARMUP_ORDERS }, (_, i) => data.accounts - i);
  const sampled = Array.from({ length: NEW_ORDERS }, (_, i) => 1 + ((i * 7919) % (data.accounts - WARMUP_ORDERS)));
  // Read before and after all the samples, not around each: on PGlite every query feeds the
  // collector that the samples are measuring.
  const storedOf = async (ids: number[]) => new Map((await store.connection.db.selectFrom('account_classes')
    .select(['account_id', 'order_count', 'revenue_cents']).where('run_id', '=', run.id).where('account_id', 'in', ids).execute())
    .map((r) => [Number(r.account_id), { orders: r.order_count, cents: Number(r.revenue_cents) }]));
  const before = await storedOf([...warmup, ...sampled]);
  const settledSeconds = await settle(store);
  const heapAfterRunMiB = heapMiB();
  const placedCents = new Map<number, number>();
  let written = 0;
  /** Places one order on an account and times it until the account's classes follow. */
  async function place(accountId: number) {
    const totalCents = 12_345 + placedCents.size;
    placedCents.set(accountId, totalCents);
    const started = process.hrtime.bigint();
    await store.orders.insert({
      accountId, number: `N${placedCents.size}`, orderedAt: new Date(`${data.asOf}T15:00:00Z`), channel: 'web', status: 'invoiced', totalCents, itemCount: 1,
    });
    const inserted = process.hrtime.bigint();
    written += await reclassifyAccounts(store, [accountId]);
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, insertMs: Number(inserted - started) / 1e6 };
  }
  const firstOrder = await place(warmup[0]!);
  for (const accountId of warmup.slice(1)) await place(accountId);

  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) pauses.push(entry.duration); });
  observer.observe({ entryTypes: ['gc'] });
  const millis: number[] = [];
  const insertMillis: number[] = [];
  const slowest: { ms: number; accountId: number; purchaseDays: number; busy: string[] }[] = [];
  for (const accountId of sampled) {
    const sample = await place(accountId);
    millis.push(sample.ms);
    insertMillis.push(sample.insertMs);
    if (slowest.length < 5 || sample.ms > slowest[slowest.length - 1]!.ms) {
      // What else works in the database (PostgreSQL only: no query on PGlite); the account's size is looked up afterwards.
      slowest.push({ ms: round(sample.ms, 2), accountId, purchaseDays: 0, busy: await busyBackends(store) });
      slowest.sort((a, b) => b.ms - a.ms).splice(5);
    }
  }
  // The observer hears of pauses on a later turn of the event loop: PGlite's queries never leave
  // the microtask queue, so without this wait its samples reported no pause at all.
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  for (const sample of slowest) sample.purchaseDays = (await store.purchaseHistories.get(sample.accountId)).days.length;
  const after = await storedOf([...placedCents.keys()]);
  const reflected = written === placedCents.size && [...placedCents].every(([accountId, cents]) => {
    const was = before.get(accountId);
    const now = after.get(accountId);
    return !!now && now.orders === (was?.orders ?? 0) + 1 && now.cents === (was?.cents ?? 0) + cents;
  });
  return {
    what: 'inserting one order (the triggers merge it into its account\'s purchase days) and `reclassifyAccounts` placing that account again in the latest run',
    latencyMs: summarize(millis), insertMs: summarize(insertMillis), reflected,
    firstOrderMs: round(firstOrder.ms, 2), warmupOrders: WARMUP_ORDERS, settledSeconds, heapAfterRunMiB,
    gcPauses: { count: pauses.length, totalMs: Math.round(pauses.reduce((a, b) => a + b, 0) * 10) / 10, maxMs: Math.round(Math.max(0, ...pauses) * 10) / 10 },
    slowest,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [engine, datasetPath, resultPath] = process.argv.slice(2) as [Engine, string, string];
  const data = JSON.parse(await readFile(datasetPath, 'utf8')) as PortfolioDataset;
  const result = await benchEngine(engine, data, `${resultPath}.codes`, (partial) => writeFile(resultPath, JSON.stringify(partial)));
  await writeFile(resultPath, JSON.stringify(result));
}
