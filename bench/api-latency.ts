// Issue 2's benchmark: with 100,000 accounts and about 1,000,000 orders loaded, the latency of
// the account list with a filter, of free-text search and of an account's timeline, through the
// real API (in-process, with token authentication), on PGlite and on PostgreSQL.
//   npm run bench -- api            (BENCH_ACCOUNTS / BENCH_ORDERS / BENCH_DATABASE_URL to change)
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/api/app.js';
import { createApiToken, createUser } from '../src/services/auth.js';
import { generatePortfolio } from '../src/services/demo/generate-portfolio.js';
import { bulkLoadPortfolio } from '../src/store/bulk-load.js';
import { type Connection, openPglite, openPostgres } from '../src/store/connection.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { createStore } from '../src/store/store.js';
import { machine } from './machine.js';
import { summarize, time, type LatencySummary } from './stats.js';

// One database per process, so two runs on one server never drop each other's.
const BENCH_DATABASE = `clientele_bench_${process.pid}`;

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface EngineResult {
  engine: string;
  loadSeconds: number;
  rows: Record<string, number>;
  latencyMs: Record<string, LatencySummary>;
}

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

async function withEngine(engine: 'pglite' | 'postgres', work: (connection: Connection) => Promise<EngineResult>): Promise<EngineResult> {
  if (engine === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'clientele-bench-'));
    const connection = await openPglite({ dataDir: dir, holder: 'bench' });
    try {
      return await work(connection);
    } finally {
      await connection.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
  await admin.query(`create database ${BENCH_DATABASE}`);
  const url = new URL(PG_URL);
  url.pathname = `/${BENCH_DATABASE}`;
  const connection = await openPostgres(url.toString());
  try {
    return await work(connection);
  } finally {
    await connection.close();
    await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin.end();
  }
}

async function measure(engine: 'pglite' | 'postgres', connection: Connection): Promise<EngineResult> {
  await migrateToLatest(connection.db);
  const store = createStore(connection);
  const portfolio = generatePortfolio({ seed: 1, accounts: ACCOUNTS, orders: ORDERS, endDate: '2026-01-01T00:00:00.000Z' });
  const started = Date.now();
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
  process.stderr.write(`  ${engine}: loaded ${counts.accounts} accounts, ${counts.orders} orders in ${loadSeconds.toFixed(1)} s\n`);
  await connection.db.executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } } as never).catch(() => undefined);

  const user = await createUser(store, { email: 'bench@example.com', name: 'Bench', role: 'admin', password: 'bench password 123' });
  const { token } = await createApiToken(store, user.id, 'bench');
  const app = await buildApp({ store, logger: false });
  const headers = { authorization: `Bearer ${token}` };
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers });
    if (response.statusCode !== 200) throw new Error(`${url} → ${response.statusCode} ${response.body.slice(0, 200)}`);
  };

  // Real values to look for: account names, contact emails and phone digits from the store.
  const sample = await connection.db.selectFrom('accounts').select(['id', 'name', 'country']).orderBy('id').where('id', '<=', ACCOUNTS).execute();
  const contacts = await connection.db.selectFrom('contacts').select(['email', 'phone']).limit(5000).execute();
  const pick = <T>(list: readonly T[], i: number) => list[(i * 7919) % list.length]!;
  const terms = (i: number) => {
    const kind = i % 3;
    if (kind === 0) return pick(sample, i).name.split(/\s+/)[0]!.slice(0, 6);
    if (kind === 1) return (pick(contacts, i).email ?? 'x@y.z').split('@')[0]!;
    return (pick(contacts, i).phone ?? '0000').replace(/\D/g, '').slice(-6);
  };
  const countries = [...new Set(sample.map((a) => a.country).filter(Boolean))] as string[];

  const latencyMs: Record<string, LatencySummary> = {
    'account list, filtered (status + country, 50 rows)': summarize(await time(SAMPLES, 20, (i) => get(`/api/v1/accounts?status=customer&country=${pick(countries, i)}&limit=50`))),
    'free-text search (names, emails, phones; 50 rows)': summarize(await time(SAMPLES, 20, (i) => get(`/api/v1/accounts?q=${encodeURIComponent(terms(i))}&limit=50`))),
    'account timeline (50 newest entries)': summarize(await time(SAMPLES, 20, (i) => get(`/api/v1/accounts/${pick(sample, i).id}/timeline?limit=50`))),
  };
  await app.close();
  return { engine, loadSeconds, rows: { ...counts }, latencyMs };
}

export async function runApiLatencyBench(): Promise<void> {
  const results: EngineResult[] = [];
  results.push(await withEngine('pglite', (c) => measure('pglite', c)));
  if (await pgReachable(PG_URL)) results.push(await withEngine('postgres', (c) => measure('postgres', c)));
  else process.stderr.write(`PostgreSQL not reachable at ${PG_URL}; measured PGlite only.\n`);

  const out = { benchmark: 'api-latency', date: new Date().toISOString(), machine: machine(), accounts: ACCOUNTS, ordersTarget: ORDERS, samples: SAMPLES, results };
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/api-latency.json', `${JSON.stringify(out, null, 2)}\n`);
  const lines = [
    `# API latency (${out.date.slice(0, 10)})`, '',
    `${ACCOUNTS.toLocaleString('en-US')} accounts, ~${ORDERS.toLocaleString('en-US')} orders; ${SAMPLES} requests per query after 20 warm-up ones, in-process through Fastify with token authentication.`,
    `Machine: ${out.machine.cpus} × ${out.machine.cpuModel}, ${out.machine.memoryGiB} GiB, Node ${out.machine.node}.`, '',
    '| engine | query | p50 ms | p95 ms | p99 ms | max ms |', '|---|---|---|---|---|---|',
    ...results.flatMap((r) => Object.entries(r.latencyMs).map(([q, s]) => `| ${r.engine} | ${q} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} |`)),
    '', ...results.map((r) => `- ${r.engine}: loaded ${r.rows.accounts} accounts, ${r.rows.orders} orders, ${r.rows.orderLines} lines, ${r.rows.contacts} contacts in ${r.loadSeconds.toFixed(1)} s.`),
  ];
  await writeFile('bench/results/api-latency.md', `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
