// Issue 17's stall benchmark: while one client sends the largest writes the API accepts, how
// long does another client's small read wait? Three processes: the server (`clientele serve`),
// the writer (bench/stall-writer.ts) and this one, which reads one account every 5 ms, on
// loopback, on PGlite and on PostgreSQL. The reference is the same read with no write running,
// measured in the same run. Target: a large write never stalls another request beyond 100 ms.
//   npm run bench -- stall         (BENCH_SAMPLES, BENCH_ENGINES=pglite,postgres, BENCH_DATABASE_URL)
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createApiToken, createUser } from '../src/services/auth.js';
import type { Engine } from '../src/store/connection.js';
import { createStore } from '../src/store/store.js';
import { loadAverage, machine } from './machine.js';
import { createBenchStore, startServerProcess } from './server-process.js';
import { summarize, type LatencySummary } from './stats.js';
import { WRITES } from './stall-writer.js';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',') as Engine[];
/** A read waiting longer than this while a write runs is a stall. */
const TARGET_MS = 100;

interface Row {
  engine: string; write: string; statuses: Record<number, number>; writeMs: LatencySummary;
  probeIdle: LatencySummary; probeDuring: LatencySummary; readsOverTarget: number;
}

/** Runs the writer in its own process; resolves when it has built its bodies, then with its results. */
function startWriter(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'stall-writer.ts')], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.startsWith('ready\n')) markReady();
  });
  const done = new Promise<{ ms: number; status: number }[]>((resolve, reject) => child.once('exit', (code) => {
    const last = output.trim().split('\n').pop() ?? '';
    if (code !== 0 || !last.startsWith('[')) reject(new Error(`The writer failed (${code}): ${output.slice(0, 500)}`));
    else resolve(JSON.parse(last) as { ms: number; status: number }[]);
  }));
  return { ready, done };
}

async function measure(engine: Engine): Promise<Row[]> {
  const bench = await createBenchStore(engine, 'stall');
  try {
    const connection = await bench.open();
    const store = createStore(connection);
    const user = await createUser(store, { email: 'bench@example.com', name: 'Bench', role: 'admin', password: 'a long enough password' });
    const { token } = await createApiToken(store, user.id, 'bench');
    const account = (await store.accounts.insert({ name: 'Bench' })).id;
    await connection.close();

    const server = await startServerProcess(bench);
    const rows: Row[] = [];
    try {
      const probe = async () => {
        const started = performance.now();
        const response = await fetch(`${server.url}/api/v1/accounts/${account}`, { headers: { authorization: `Bearer ${token}` } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`The probe read answered ${response.status}.`);
        return performance.now() - started;
      };
      const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
      for (let i = 0; i < 20; i++) await probe();
      const idle: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        idle.push(await probe());
        await pause();
      }
      for (const name of Object.keys(WRITES)) {
        const writer = startWriter({ STALL_URL: server.url, STALL_TOKEN: token, STALL_ACCOUNT: String(account), STALL_WRITE: name, STALL_COUNT: String(Math.max(10, SAMPLES / 10)) });
        await writer.ready;
        let done = false;
        const results = writer.done.finally(() => { done = true; });
        const during: number[] = [];
        while (!done) {
          during.push(await probe());
          await pause();
        }
        const writes = await results;
        const statuses: Record<number, number> = {};
        for (const w of writes) statuses[w.status] = (statuses[w.status] ?? 0) + 1;
        rows.push({
          engine, write: name, statuses, writeMs: summarize(writes.map((w) => w.ms)),
          probeIdle: summarize(idle), probeDuring: summarize(during), readsOverTarget: during.filter((ms) => ms > TARGET_MS).length,
        });
        process.stderr.write(`  ${engine}: ${name}: read p99 ${rows.at(-1)!.probeDuring.p99} ms, max ${rows.at(-1)!.probeDuring.max} ms\n`);
      }
    } finally {
      await server.stop();
    }
    return rows;
  } finally {
    await bench.drop();
  }
}

export async function runStallBench(): Promise<void> {
  const loadBefore = loadAverage();
  const rows: Row[] = [];
  for (const engine of ENGINES) rows.push(...await measure(engine));
  const loadAfter = loadAverage();
  const dir = join(import.meta.dirname, 'results');
  await mkdir(dir, { recursive: true });
  const m = machine();
  const date = new Date().toISOString();
  await writeFile(join(dir, 'large-write-stall.json'), `${JSON.stringify({ benchmark: 'large-write-stall', date, machine: m, loadAverage: { before: loadBefore, after: loadAfter }, samples: SAMPLES, targetMs: TARGET_MS, rows }, null, 2)}\n`);
  const line = (r: Row) => `| ${r.engine} | ${r.write} | ${Object.entries(r.statuses).map(([s, n]) => `${n} × ${s}`).join(', ')} | ${r.writeMs.p50} | ${r.probeIdle.p50} / ${r.probeIdle.p99} | ${r.probeDuring.p50} / ${r.probeDuring.p99} / ${r.probeDuring.max} | ${r.readsOverTarget} of ${r.probeDuring.samples} | ${r.probeDuring.max <= TARGET_MS ? 'met' : '**missed**'} |`;
  const lines = [
    `# A large write and another client's read (${date.slice(0, 10)})`,
    '',
    `\`clientele serve\` in a process of its own; a second process sends the largest writes the API accepts, one after another (${Math.max(10, SAMPLES / 10)} of each); this one reads one account every 5 ms meanwhile, over HTTP on loopback. ${SAMPLES} reads with no write running are the reference, measured in the same run. Target: no read waits more than ${TARGET_MS} ms while a write runs.`,
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}. Load average (1, 5, 15 min) before: ${loadBefore.join(', ')}; after: ${loadAfter.join(', ')}.`,
    'Answers: HTTP statuses; 0 is a connection the server closed while the body was still being sent (a body past the 1 MiB limit).',
    '',
    '| engine | write | answers | write p50 ms | read alone p50 / p99 ms | read during the writes p50 / p99 / max ms | reads over the target | target |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(line),
    '',
  ];
  await writeFile(join(dir, 'large-write-stall.md'), lines.join('\n'));
  process.stdout.write(`${lines.join('\n')}\n`);
}
