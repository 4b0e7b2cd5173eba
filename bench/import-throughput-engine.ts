// One engine's run of the import benchmark, in a process of its own (see import-throughput.ts):
//   tsx bench/import-throughput-engine.ts postgres|pglite FILE BATCH ROWS
// It reports to its parent: rows per second, CPU seconds (the importer's and PostgreSQL's),
// peak resident memory and the wall time spent in each kind of statement.
import { fork } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../src/domain/access.js';
import { formatMoney } from '../src/domain/money.js';
import { runImport } from '../src/services/import/run-import.js';
import { type Connection, openPglite, openPostgres } from '../src/store/connection.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { createStore } from '../src/store/store.js';
import { type BulkCeiling, bulkCeiling, type ImportCeiling, importCeiling } from './import-ceiling.js';

const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// One database per process, so two runs on one server never drop each other's.
const DB_NAME = `clientele_import_bench_${process.pid}`;

export interface EngineRun {
  engine: string;
  status: string;
  rows: number;
  orders: number;
  seconds: number;
  rowsPerSecond: number;
  cpuSeconds: { importer: number; database?: number };
  /** Resident memory once the store is open, before the import. */
  openRssMiB: number;
  peakRssMiB: number;
  /** The 1-minute load average, sampled every 15 s during the run and averaged. */
  loadAverage: number;
  phases: Record<string, number>;
  ceiling: ImportCeiling;
  /** PostgreSQL only, the target engine: a load into bare tables, indexed after. */
  bulkCeiling?: BulkCeiling;
}

/** The retail export layout: 4 lines an order, 100,000 customers in 5 countries, 4,000 products. */
export async function writeInvoiceLines(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n');
  const countries = ['United Kingdom', 'France', 'Germany', 'Spain', 'Netherlands'];
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const invoice = 500000 + Math.floor(i / 4);
    const customer = 10000 + (invoice % 100_000);
    const day = new Date(Date.UTC(2020, 0, 1) + (invoice % 1500) * 86_400_000).toISOString().slice(0, 10);
    buffer += `${invoice},SKU${i % 4000},Product ${i % 4000},${(i % 12) + 1},${day} 10:${String(i % 60).padStart(2, '0')},${formatMoney(50 + (i % 2000))},${customer},${countries[customer % 5]}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

const PHASES: [RegExp, string][] = [
  [/^\s*copy /i, 'read, check and COPY to staging'],
  [/insert into order_lines/i, 'order lines'],
  [/insert into orders/i, 'orders (with 0004 triggers)'],
  [/insert into accounts/i, 'accounts'],
  [/insert into products/i, 'products'],
  [/^\s*analyze/i, 'analyze'],
  [/^\s*commit/i, 'commit'],
];
const phases: Record<string, number> = {};
function note(text: string, millis: number) {
  const phase = PHASES.find(([pattern]) => pattern.test(text))?.[1] ?? 'checks, grouping, other';
  phases[phase] = (phases[phase] ?? 0) + millis;
}

/** Times every statement the engine runs, by kind (benchmark instrumentation only). */
function instrument() {
  const pgQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const started = Date.now();
    const first = args[0] as { text?: string } | string;
    const text = typeof first === 'string' ? first : first?.text ?? '';
    const result = pgQuery.apply(this, args) as { then?: unknown; once?: (event: string, f: () => void) => void };
    if (result && typeof result.then === 'function') {
      void (result as Promise<unknown>).finally(() => note(text, Date.now() - started)).catch(() => undefined);
    } else if (result?.once) {
      result.once('finish', () => note(text, Date.now() - started));
    }
    return result;
  } as typeof pg.Client.prototype.query;
  const proto = PGlite.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of ['query', 'exec']) {
    const original = proto[method]!;
    proto[method] = async function (this: unknown, ...args: unknown[]) {
      const started = Date.now();
      try {
        return await original.apply(this, args);
      } finally {
        note(String(args[0]), Date.now() - started);
      }
    };
  }
}

function cpuOfProcess(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const statusMiB = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024);

/** Starts the peak resident memory (VmHWM) afresh, so it covers the import only. */
function resetPeakRss() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux, or not allowed: the peak then covers the whole process.
  }
}

async function createPglite(dir: string) {
  const created = await openPglite({ dataDir: dir, holder: 'bench' });
  await migrateToLatest(created.db);
  await created.close();
}

async function main() {
  if (process.argv[2] === 'create-pglite') return createPglite(process.argv[3]!);
  const [engine, path, batchText, rowsText] = process.argv.slice(2) as ['postgres' | 'pglite', string, string, string];
  const batch = Number(batchText);
  let connection: Connection;
  let cleanup = async () => {};
  let databaseCpu: (() => Promise<number | undefined>) | undefined;
  if (engine === 'pglite') {
    // Created and migrated by a process of its own, then opened here as a store in use is:
    // creating one runs initdb, which leaves PGlite's process some 400 MB larger for good.
    const dir = await mkdtemp(join(tmpdir(), 'clientele-import-bench-'));
    await new Promise<void>((resolve, reject) => {
      fork(fileURLToPath(import.meta.url), ['create-pglite', dir], { execArgv: ['--import', 'tsx'], stdio: 'inherit' })
        .on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Creating the PGlite store stopped with code ${code}.`))));
    });
    connection = await openPglite({ dataDir: dir, holder: 'bench' });
    cleanup = () => rm(dir, { recursive: true, force: true });
  } else {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${DB_NAME} with (force)`);
    await admin.query(`create database ${DB_NAME}`);
    const url = new URL(PG_URL);
    url.pathname = `/${DB_NAME}`;
    connection = await openPostgres(url.toString());
    // The server's own processes for this database, when it runs on this machine.
    databaseCpu = async () => {
      const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [DB_NAME]);
      try {
        return Math.round(rows.reduce((sum, { pid }) => sum + cpuOfProcess(pid), 0));
      } catch {
        return undefined;
      }
    };
    cleanup = async () => {
      // pg's pool has ended before its sessions have gone; dropping with (force) meanwhile ends
      // them with an error the closed pool has no listener for, which stopped the process.
      for (let wait = 0; wait < 50; wait++) {
        const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [DB_NAME]);
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await admin.query(`drop database if exists ${DB_NAME} with (force)`);
      await admin.end();
    };
  }
  try {
    if (engine === 'postgres') await migrateToLatest(connection.db);
    const store = createStore(connection);
    instrument();
    resetPeakRss();
    const openRssMiB = statusMiB('VmRSS');
    const cpuBefore = process.cpuUsage();
    const loads: number[] = [];
    const sampler = setInterval(() => loads.push(loadavg()[0]!), 15_000);
    const started = Date.now();
    let lastLog = 0;
    const report = await runImport(store, {
      target: 'order-lines', path, batchSize: batch || undefined, actor: SYSTEM_ACTOR,
      mapping: { createAccounts: { name: 'Customer {accountExternalId}' } },
      onProgress: ({ rowsRead }) => {
        if (Date.now() - lastLog > 30_000) {
          lastLog = Date.now();
          process.stderr.write(`  ${engine}: ${rowsRead.toLocaleString('en-US')} lines read, ${Math.round(rowsRead / ((Date.now() - started) / 1000)).toLocaleString('en-US')} lines/s, load ${loadavg()[0]!.toFixed(1)}\n`);
        }
      },
    });
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    loads.push(loadavg()[0]!);
    const cpu = process.cpuUsage(cpuBefore);
    const database = await databaseCpu?.();
    const run: EngineRun = {
      engine, status: report.status, rows: report.rowsRead, orders: report.inserted, seconds: Math.round(seconds),
      rowsPerSecond: Math.round(report.rowsRead / seconds),
      cpuSeconds: { importer: Math.round((cpu.user + cpu.system) / 1e6), ...(database === undefined ? {} : { database }) },
      openRssMiB,
      peakRssMiB: statusMiB('VmHWM'),
      loadAverage: Math.round((loads.reduce((a, b) => a + b, 0) / loads.length) * 10) / 10,
      phases: Object.fromEntries(Object.entries(phases).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v / 1000)])),
      // One batch's worth of orders (4 lines an order), after the run and outside its figures.
      ceiling: await importCeiling(connection, Math.round((batch || report.rowsRead) / 4)),
      ...(engine === 'postgres' ? { bulkCeiling: await bulkCeiling(connection) } : {}),
    };
    if (Number(rowsText) !== report.rowsRead) process.stderr.write(`  ${engine}: read ${report.rowsRead} lines of ${rowsText}\n`);
    process.send?.(run);
  } finally {
    await connection.close();
    await cleanup();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();
