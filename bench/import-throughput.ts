// Issue 3's benchmark: importing 10 million invoice lines (the retail export layout) into
// PostgreSQL and into PGlite through the product's import path; rows per second and peak memory.
//   npm run bench -- import      (BENCH_IMPORT_ROWS, BENCH_IMPORT_BATCH, BENCH_DATABASE_URL to change)
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../src/domain/access.js';
import { formatMoney } from '../src/domain/money.js';
import { runImport } from '../src/services/import/run-import.js';
import { type Connection, openPglite, openPostgres } from '../src/store/connection.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { createStore } from '../src/store/store.js';
import { machine } from './machine.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000_000);
const BATCH = Number(process.env.BENCH_IMPORT_BATCH ?? 500_000);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Peak resident memory of this process so far, from the kernel (VmHWM). */
async function peakRssMiB(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function writeLines(path: string, rows: number) {
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

async function importInto(engine: 'pglite' | 'postgres', path: string) {
  let connection: Connection;
  let cleanup = async () => {};
  if (engine === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'clientele-import-bench-'));
    connection = await openPglite({ dataDir: dir, holder: 'bench' });
    cleanup = () => rm(dir, { recursive: true, force: true });
  } else {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query('drop database if exists clientele_import_bench with (force)');
    await admin.query('create database clientele_import_bench');
    const url = new URL(PG_URL);
    url.pathname = '/clientele_import_bench';
    connection = await openPostgres(url.toString());
    cleanup = async () => {
      await admin.query('drop database if exists clientele_import_bench with (force)');
      await admin.end();
    };
  }
  try {
    await migrateToLatest(connection.db);
    const store = createStore(connection);
    const started = Date.now();
    let lastLog = 0;
    const report = await runImport(store, {
      target: 'order-lines', path, batchSize: BATCH, actor: SYSTEM_ACTOR,
      mapping: { createAccounts: { name: 'Customer {accountExternalId}' } },
      onProgress: ({ rowsRead }) => {
        if (Date.now() - lastLog > 15_000) {
          lastLog = Date.now();
          process.stderr.write(`  ${engine}: ${rowsRead.toLocaleString('en-US')} rows, ${Math.round(rowsRead / ((Date.now() - started) / 1000)).toLocaleString('en-US')} rows/s\n`);
        }
      },
    });
    const seconds = (Date.now() - started) / 1000;
    return { engine, status: report.status, rows: report.rowsRead, orders: report.inserted, seconds: Math.round(seconds), rowsPerSecond: Math.round(report.rowsRead / seconds) };
  } finally {
    await connection.close();
    await cleanup();
  }
}

export async function runImportBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'clientele-lines-'));
  const path = join(dir, 'lines.csv');
  process.stderr.write(`  writing ${ROWS.toLocaleString('en-US')} invoice lines…\n`);
  await writeLines(path, ROWS);
  const fileMiB = Math.round((await stat(path)).size / 1024 ** 2);
  const results = [];
  try {
    // Each engine in its own process would isolate peak memory; here PostgreSQL runs first, so
    // the peak measured after it is the importer's own, and the PGlite figure includes PGlite.
    results.push({ ...(await importInto('postgres', path)), peakRssMiB: await peakRssMiB() });
    results.push({ ...(await importInto('pglite', path)), peakRssMiB: await peakRssMiB() });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const out = { benchmark: 'import-throughput', date: new Date().toISOString(), machine: machine(), rows: ROWS, fileMiB, batchSize: BATCH, results };
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/import-throughput.json', `${JSON.stringify(out, null, 2)}\n`);
  const lines = [
    `# Import throughput (${out.date.slice(0, 10)})`, '',
    `${ROWS.toLocaleString('en-US')} invoice lines (${fileMiB} MiB CSV, order-lines layout) through \`runImport\`, committed every ${BATCH.toLocaleString('en-US')} rows.`,
    `Machine: ${out.machine.cpus} × ${out.machine.cpuModel}, ${out.machine.memoryGiB} GiB, Node ${out.machine.node}.`, '',
    '| engine | status | rows | orders | seconds | rows/s | peak RSS MiB (process) |', '|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.engine} | ${r.status} | ${r.rows} | ${r.orders} | ${r.seconds} | ${r.rowsPerSecond} | ${r.peakRssMiB} |`),
  ];
  await writeFile('bench/results/import-throughput.md', `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
