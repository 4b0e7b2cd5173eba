// The benchmarks' server: `clientele serve` (the compiled CLI, as a user starts it) in a process
// of its own, so the load generator never shares its event loop. Also the store it serves,
// prepared beforehand in the benchmark's process: a PostgreSQL database of its own or a PGlite
// data directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Connection, type Engine, openPglite, openPostgres } from '../src/store/connection.js';
import { migrateToLatest } from '../src/store/migrate.js';

export const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchStore {
  engine: Engine;
  /** The server's environment for this store: DATABASE_URL or CLIENTELE_DATA_DIR. */
  env: Record<string, string>;
  databaseUrl?: string;
  /** Opens and migrates the store in this process; close it before the server starts (PGlite has one owner). */
  open(): Promise<Connection>;
  drop(): Promise<void>;
}

/** A fresh store named after the benchmark and this process, so two runs never meet. */
export async function createBenchStore(engine: Engine, name: string): Promise<BenchStore> {
  if (engine === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), `clientele-${name}-`));
    return {
      engine, env: { CLIENTELE_DATA_DIR: dir },
      async open() {
        const connection = await openPglite({ dataDir: dir, holder: `bench ${name}` });
        await migrateToLatest(connection.db);
        return connection;
      },
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const database = `clientele_${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.query(`create database ${database}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  return {
    engine, env: { DATABASE_URL: databaseUrl }, databaseUrl,
    async open() {
      const connection = await openPostgres(databaseUrl);
      await migrateToLatest(connection.db);
      return connection;
    },
    async drop() {
      const cleanup = new pg.Client({ connectionString: PG_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${database} with (force)`);
      await cleanup.end();
    },
  };
}

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `clientele serve` on a free loopback port with the store's environment. Rate limits
 * are off (a benchmark is one user sending far more than a person would: the limiter would
 * answer 429 and the run would measure it), and so is the analysis scheduler.
 */
export async function startServerProcess(store: BenchStore, extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  // BENCH_SERVER_PROFILE=dir writes the server's CPU profile there when it stops.
  const profile = process.env.BENCH_SERVER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, join(import.meta.dirname, '..', 'bin', 'clientele.js'), 'serve'], {
    env: {
      ...process.env, ...store.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn',
      CLIENTELE_RATE_LIMIT_PER_ADDRESS: '0', CLIENTELE_RATE_LIMIT_PER_USER: '0', CLIENTELE_SCHEDULER: 'off', ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within 120 s:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /running at (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before listening:\n${output}`));
    });
  });
  // Keep draining its output, so a chatty server never blocks on a full pipe.
  child.stdout!.resume();
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`  server: ${chunk.toString()}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url, pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
