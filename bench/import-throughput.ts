// Issue 3's benchmark: importing 10 million invoice lines (the retail export layout) into
// PostgreSQL and into PGlite through the product's import path; rows per second and peak memory.
//   npm run bench -- import
// BENCH_IMPORT_ROWS (10,000,000), BENCH_PGLITE_ROWS (the same), BENCH_IMPORT_BATCH (500,000; 0 for
// one transaction), BENCH_ENGINES (postgres,pglite), BENCH_DATABASE_URL.
// Each engine runs in a process of its own, so its peak memory is its own (PGlite's included).
import { fork } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from './machine.js';
import { type EngineRun, writeInvoiceLines } from './import-throughput-engine.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000_000);
const PGLITE_ROWS = Number(process.env.BENCH_PGLITE_ROWS ?? ROWS);
const BATCH = Number(process.env.BENCH_IMPORT_BATCH ?? 500_000);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim()) as ('postgres' | 'pglite')[];

function runEngine(engine: 'postgres' | 'pglite', path: string, rows: number): Promise<EngineRun> {
  const child = fork(fileURLToPath(new URL('./import-throughput-engine.ts', import.meta.url)), [engine, path, String(BATCH), String(rows)], {
    execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: EngineRun | undefined;
    child.on('message', (message) => { result = message as EngineRun; });
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`The ${engine} run stopped with code ${code}.`))));
  });
}

const fmt = (n: number) => n.toLocaleString('en-US');

export async function runImportBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'clientele-lines-'));
  const results: EngineRun[] = [];
  const files: Record<number, number> = {};
  const loadBefore = loadavg().map((l) => Math.round(l * 10) / 10);
  try {
    for (const rows of [...new Set(ENGINES.map((e) => (e === 'pglite' ? PGLITE_ROWS : ROWS)))]) {
      process.stderr.write(`  writing ${fmt(rows)} invoice lines…\n`);
      await writeInvoiceLines(join(dir, `lines-${rows}.csv`), rows);
      files[rows] = Math.round((await stat(join(dir, `lines-${rows}.csv`))).size / 1024 ** 2);
    }
    for (const engine of ENGINES) {
      const rows = engine === 'pglite' ? PGLITE_ROWS : ROWS;
      results.push(await runEngine(engine, join(dir, `lines-${rows}.csv`), rows));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const out = { benchmark: 'import-throughput', date: new Date().toISOString(), machine: machine(), loadBefore, batchSize: BATCH, fileMiB: files, results };
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/import-throughput.json', `${JSON.stringify(out, null, 2)}\n`);
  const lines = [
    `# Import throughput (${out.date.slice(0, 10)})`, '',
    `Invoice lines in the retail export layout (4 lines an order, 100,000 customers, 4,000 products) imported through \`runImport\`, the path of \`clientele import order-lines\`, `
      + `${BATCH ? `committed every ${fmt(BATCH)} rows` : 'in one transaction'}, each engine in a process of its own. Every order, account and product created gets its audit row; migration 0004's triggers keep the purchase summaries.`,
    `Machine: ${out.machine.cpus} × ${out.machine.cpuModel}, ${out.machine.memoryGiB} GiB, Node ${out.machine.node}; load average ${loadBefore.join(' / ')} (1/5/15 min) before the run${loadBefore[0]! >= out.machine.cpus / 2 ? ': other work shared the cores' : ', an otherwise idle machine'}.`, '',
    '| engine | status | lines | orders | seconds | lines/s | CPU s, importer | CPU s, PostgreSQL | RSS MiB, store open | peak RSS MiB | load avg during |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.engine} | ${r.status} | ${fmt(r.rows)} | ${fmt(r.orders)} | ${r.seconds} | ${fmt(r.rowsPerSecond)} | ${r.cpuSeconds.importer} | ${r.cpuSeconds.database ?? '(in the importer)'} | ${r.openRssMiB} | ${r.peakRssMiB} | ${r.loadAverage} |`),
    '', 'Where the time went, by statement kind (seconds of wall time, summed over batches):', '',
    ...results.flatMap((r) => [`- ${r.engine}: ${Object.entries(r.phases).map(([k, v]) => `${k} ${v}`).join(', ')}`]),
    '', 'The ceiling: after the run, one batch\'s orders and lines copied straight into their tables from tables already in the database, with their indexes and nothing else '
      + '(no parsing, staging, checks, triggers, audit rows or purchase days), then rolled back. No import into these tables can go faster on this machine.', '',
    '| engine | orders | seconds | lines | seconds | lines/s, both inserts alone |',
    '|---|---|---|---|---|---|',
    ...results.map(({ engine, ceiling: c }) => `| ${engine} | ${fmt(c.orders)} | ${c.ordersSeconds} | ${fmt(c.lines)} | ${c.linesSeconds} | ${fmt(c.linesPerSecond)} |`),
    ...results.flatMap(({ engine, bulkCeiling: b }) => (b ? [
      '', `The bulk ceiling (${engine}): an import that dropped the tables' indexes, loaded and built them again, as pg_restore does, could not beat this. `
        + 'Every stored order and line copied into tables with no index, from the tables themselves, then the tables\' own indexes built on those copies, then rolled back. '
        + 'It leaves out everything else an import does: reading the file, staging, checks, grouping lines into orders, audit rows and purchase days.', '',
      '| engine | orders | lines | seconds, inserts | seconds, indexes | lines/s |',
      '|---|---|---|---|---|---|',
      `| ${engine} | ${fmt(b.orders)} | ${fmt(b.lines)} | ${b.insertSeconds} | ${b.indexSeconds} | ${fmt(b.linesPerSecond)} |`,
    ] : [])),
  ];
  await writeFile('bench/results/import-throughput.md', `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
