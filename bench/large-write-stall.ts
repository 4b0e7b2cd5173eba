// Issue 17's stall benchmark: while one client sends the largest writes the API accepts, how
// long does another client's small read wait? Over real HTTP on loopback, on PGlite and on
// PostgreSQL. The reference is the same read with no write running, measured in the same run.
//   npm run bench -- stall         (BENCH_SAMPLES to change; BENCH_DATABASE_URL for PostgreSQL)
// Not yet a valid measurement: the writing client runs in the server's process, so building and
// sending its 1 to 4 MB bodies holds the same event loop the server uses. Its first run (on a
// busy machine) gave reads during the writes at 1.1 to 5.3 times their p99 alone. The writer
// must move to a second process (as autocannon would) before its numbers mean anything.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/api/app.js';
import { CUSTOM_FIELDS_MAX_BYTES } from '../src/domain/limits.js';
import { createApiToken, createUser } from '../src/services/auth.js';
import { type Connection, openPglite, openPostgres } from '../src/store/connection.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { createStore } from '../src/store/store.js';
import { machine } from './machine.js';
import { summarize, type LatencySummary } from './stats.js';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DATABASE = `clientele_stall_${process.pid}`;

interface Row { engine: string; write: string; writeMs: LatencySummary; probeIdle: LatencySummary; probeDuring: LatencySummary }

const WRITES: Record<string, (account: number, i: number) => { method: string; path: string; body: unknown }> = {
  'custom fields at the limit (16 KiB)': (account, i) => ({
    method: 'PATCH', path: `/api/v1/accounts/${account}`,
    body: { customFields: Object.fromEntries(Array.from({ length: 100 }, (_, k) => [`field${k}`, `${i}`.padEnd(Math.floor(CUSTOM_FIELDS_MAX_BYTES / 100) - 20, 'x')])) },
  }),
  'an order of 1,000 lines': (account, i) => ({
    method: 'POST', path: '/api/v1/orders',
    body: { accountId: account, number: `BIG-${i}`, orderedAt: '2026-01-01', lines: Array.from({ length: 1000 }, (_, k) => ({ quantity: 1 + (k % 5), unitPrice: '9.99', description: 'd'.repeat(200) })) },
  }),
  'a 4 MB custom-fields write (refused)': (account) => ({
    method: 'PATCH', path: `/api/v1/accounts/${account}`, body: { customFields: { blob: 'x'.repeat(4 * 1024 * 1024) } },
  }),
};

async function withEngine<T>(engine: 'pglite' | 'postgres', work: (connection: Connection) => Promise<T>): Promise<T> {
  if (engine === 'pglite') {
    const connection = await openPglite({});
    try { return await work(connection); } finally { await connection.close(); }
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${BENCH_DATABASE}`);
  const url = new URL(PG_URL);
  url.pathname = `/${BENCH_DATABASE}`;
  const connection = await openPostgres(url.toString());
  try { return await work(connection); } finally {
    await connection.close();
    await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin.end();
  }
}

async function measure(engine: 'pglite' | 'postgres', connection: Connection): Promise<Row[]> {
  await migrateToLatest(connection.db);
  const store = createStore(connection);
  const app = await buildApp({ store, logger: false, webRoot: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const user = await createUser(store, { email: 'bench@example.com', name: 'Bench', role: 'admin', password: 'a long enough password' });
  const { token } = await createApiToken(store, user.id, 'bench');
  const call = async (method: string, path: string, body?: unknown) => {
    const started = performance.now();
    const response = await fetch(base + path, {
      method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  };
  const account = (await (await fetch(`${base}/api/v1/accounts`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Bench' }),
  })).json() as { id: number }).id;
  const probe = () => call('GET', `/api/v1/accounts/${account}`);
  const probes = async (until: () => boolean) => {
    const times: number[] = [];
    while (!until()) {
      times.push((await probe()).ms);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return times;
  };
  for (let i = 0; i < 20; i++) await probe();
  const idle: number[] = [];
  for (let i = 0; i < SAMPLES; i++) idle.push((await probe()).ms);
  const rows: Row[] = [];
  try {
    for (const [name, write] of Object.entries(WRITES)) {
      const writeTimes: number[] = [];
      let done = false;
      const during = probes(() => done);
      for (let i = 0; i < Math.max(10, SAMPLES / 10); i++) {
        const { method, path, body } = write(account, i);
        writeTimes.push((await call(method, path, body)).ms);
      }
      done = true;
      rows.push({ engine, write: name, writeMs: summarize(writeTimes), probeIdle: summarize(idle), probeDuring: summarize(await during) });
    }
  } finally {
    await app.close();
  }
  return rows;
}

export async function runStallBench(): Promise<void> {
  const rows = [...await withEngine('pglite', (c) => measure('pglite', c)), ...await withEngine('postgres', (c) => measure('postgres', c))];
  const dir = join(import.meta.dirname, 'results');
  await mkdir(dir, { recursive: true });
  const m = await machine();
  await writeFile(join(dir, 'large-write-stall.json'), JSON.stringify({ date: new Date().toISOString(), machine: m, rows }, null, 2));
  const line = (r: Row) => `| ${r.engine} | ${r.write} | ${r.writeMs.p50} | ${r.probeIdle.p50} / ${r.probeIdle.p99} | ${r.probeDuring.p50} / ${r.probeDuring.p99} / ${r.probeDuring.max} | ${(r.probeDuring.p99 / r.probeIdle.p99).toFixed(1)}× |`;
  await writeFile(join(dir, 'large-write-stall.md'), [
    `# A large write and another client's read (${new Date().toISOString().slice(0, 10)})`,
    '',
    `One client sends the largest writes the API accepts, one after another; a second client reads one account every 5 ms meanwhile. Over HTTP on loopback; ${SAMPLES} reads with no write running are the reference, measured in the same run.`,
    `Machine: ${m}.`,
    '',
    '| engine | write | write p50 ms | read alone p50 / p99 ms | read during the writes p50 / p99 / max ms | p99 during ÷ alone |',
    '|---|---|---|---|---|---|',
    ...rows.map(line),
    '',
  ].join('\n'));
  process.stdout.write(`${rows.map(line).join('\n')}\n`);
}
