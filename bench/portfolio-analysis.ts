// Issue 4's benchmark: portfolio analysis at a million accounts and ten million orders, on
// PostgreSQL and on PGlite, with DuckDB computing the same RFM and ABC beside it.
//   npm run bench -- portfolio
// BENCH_ACCOUNTS, BENCH_ORDERS (1,000,000 and 10,000,000), BENCH_ENGINES (postgres,pglite),
// BENCH_PGLITE_ACCOUNTS and BENCH_PGLITE_ORDERS (a smaller size for PGlite), BENCH_HEAP_MIB (the
// heap of each engine's process), BENCH_TIMEOUT_MINUTES (per engine), BENCH_DATABASE_URL,
// BENCH_RESULTS_DIR (bench/results; another directory leaves the published results alone), e.g.
//   BENCH_ENGINES=pglite BENCH_ACCOUNTS=10000 BENCH_ORDERS=100000 BENCH_RESULTS_DIR=/tmp/b npm run bench -- portfolio
// Each engine and the reference run in a process of their own, so each peak memory is its own.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../src/store/connection.js';
import { machine } from './machine.js';
import { type CodeDifferences, compareCodes } from './portfolio-class-codes.js';
import { type PortfolioDataset, writePortfolioDataset } from './portfolio-data.js';
import type { DuckdbResult } from './portfolio-duckdb.js';
import type { EngineResult } from './portfolio-engine.js';
import { portfolioReport } from './portfolio-report.js';

const env = process.env;
const ACCOUNTS = Number(env.BENCH_ACCOUNTS ?? 1_000_000);
const ORDERS = Number(env.BENCH_ORDERS ?? 10_000_000);
const ENGINES = (env.BENCH_ENGINES ?? 'postgres,pglite').split(',') as Engine[];
const SIZES: Record<Engine, { accounts: number; orders: number }> = {
  postgres: { accounts: ACCOUNTS, orders: ORDERS },
  pglite: { accounts: Number(env.BENCH_PGLITE_ACCOUNTS ?? ACCOUNTS), orders: Number(env.BENCH_PGLITE_ORDERS ?? ORDERS) },
};
const HEAP_MIB = Number(env.BENCH_HEAP_MIB ?? 12_288);
const TIMEOUT_MINUTES = Number(env.BENCH_TIMEOUT_MINUTES ?? 60);
const RESULTS_DIR = env.BENCH_RESULTS_DIR ?? 'bench/results';
/** How much of a failed process's stderr the results keep: enough for a stack trace or an out-of-memory report. */
const STDERR_TAIL_LINES = 30;

export interface EngineRun {
  engine: Engine;
  accounts: number;
  orders: number;
  /** Wall time of the engine's whole process: loading, every measure, cleaning up. */
  totalMinutes: number;
  result?: EngineResult;
  error?: string;
  /** The last lines the engine's process wrote to stderr, when it failed: its own account of why. */
  stderrTail?: string;
  duckdb?: DuckdbResult;
  /** Accounts whose ABC class or RFM scores differ between ours and DuckDB's rank rule. */
  differences?: CodeDifferences;
}

export interface PortfolioBenchResults {
  benchmark: 'portfolio-analysis';
  date: string;
  machine: ReturnType<typeof machine>;
  loadAverage: { before: number[]; after: number[] };
  heapMiB: number;
  runs: EngineRun[];
}

/** A child's failure, with the end of what it wrote to stderr. */
class ChildFailure extends Error {
  constructor(message: string, readonly stderrTail: string) { super(message); }
}

/** Runs one of the benchmark's scripts in its own Node process; rejects when it fails or runs too long. */
function child(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', `--max-old-space-size=${HEAP_MIB}`, script, ...args], { stdio: ['ignore', 'inherit', 'pipe'] });
    // Passed through as it comes, and its end kept: an exit code alone does not say why a run failed.
    let tail = '';
    proc.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-64 * 1024);
    });
    const timer = setTimeout(() => proc.kill('SIGKILL'), TIMEOUT_MINUTES * 60_000);
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      const lines = tail.trimEnd().split('\n').slice(-STDERR_TAIL_LINES).join('\n');
      reject(new ChildFailure(signal === 'SIGKILL' ? `stopped after ${TIMEOUT_MINUTES} minutes` : `exited with ${signal ?? `code ${code}`}`, lines));
    });
  });
}

export async function runPortfolioBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'clientele-portfolio-'));
  const before = loadavg();
  const datasets = new Map<string, { data: PortfolioDataset; path: string; duckdb?: { result: DuckdbResult; codes: string } }>();
  const runs: EngineRun[] = [];
  try {
    for (const engine of ENGINES) {
      const { accounts, orders } = SIZES[engine];
      const key = `${accounts}-${orders}`;
      let dataset = datasets.get(key);
      if (!dataset) {
        const sub = join(dir, key);
        await mkdir(sub);
        process.stderr.write(`  writing ${accounts.toLocaleString('en-US')} accounts and ${orders.toLocaleString('en-US')} orders as CSV…\n`);
        const data = await writePortfolioDataset(sub, accounts, orders);
        const path = join(sub, 'dataset.json');
        await writeFile(path, JSON.stringify(data));
        dataset = { data, path };
        datasets.set(key, dataset);
        process.stderr.write('  duckdb: the reference RFM and ABC\n');
        const out = join(sub, 'duckdb.json');
        dataset.duckdb = await child('bench/portfolio-duckdb.ts', [path, out])
          .then(async () => ({ result: JSON.parse(await readFile(out, 'utf8')) as DuckdbResult, codes: `${out}.codes` }))
          .catch((error: Error) => { process.stderr.write(`  duckdb failed: ${error.message}\n`); return undefined; });
      }
      const out = join(dir, `${engine}.json`);
      const started = Date.now();
      const run: EngineRun = { engine, accounts, orders, totalMinutes: 0 };
      try {
        await child('bench/portfolio-engine.ts', [engine, dataset.path, out]);
        run.result = JSON.parse(await readFile(out, 'utf8')) as EngineResult;
      } catch (error) {
        run.error = (error as Error).message;
        if (error instanceof ChildFailure) run.stderrTail = error.stderrTail;
        // The engine writes what it has measured after each step: keep the steps it finished.
        run.result = await readFile(out, 'utf8').then((text) => JSON.parse(text) as EngineResult).catch(() => undefined);
        process.stderr.write(`  ${engine} failed: ${run.error}${run.stderrTail ? `; its stderr ended with:\n${run.stderrTail}` : ''}\n`);
      }
      run.totalMinutes = Math.round((Date.now() - started) / 6000) / 10;
      const reference = dataset.duckdb;
      if (reference) {
        run.duckdb = reference.result;
        if (run.result?.classify) run.differences = compareCodes(await readFile(`${out}.codes`), await readFile(reference.codes));
      }
      runs.push(run);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const results: PortfolioBenchResults = {
    benchmark: 'portfolio-analysis', date: new Date().toISOString(), machine: machine(),
    loadAverage: { before: before.map((v) => Math.round(v * 10) / 10), after: loadavg().map((v) => Math.round(v * 10) / 10) },
    heapMiB: HEAP_MIB, runs,
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(join(RESULTS_DIR, 'portfolio-analysis.json'), `${JSON.stringify(results, null, 2)}\n`);
  const report = portfolioReport(results);
  await writeFile(join(RESULTS_DIR, 'portfolio-analysis.md'), report);
  process.stdout.write(report);
}
