// Issue 16's start-up benchmark: how long `clientele` takes before and while it does its work,
// each run a fresh process as a user starts it, against a bare `node -e 0` measured in the same
// run (the floor no command can go under). The old way, the sources through tsx, is timed too.
//   npm run bench -- cli            (BENCH_CLI_RUNS, BENCH_CLI_ACCOUNTS to change)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCliBuilt } from '../scripts/cli-build.js';
import { machine } from './machine.js';

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 10);
const ACCOUNTS = Number(process.env.BENCH_CLI_ACCOUNTS ?? 2000);
const BIN = 'bin/clientele.js';
/** Each child reports its own CPU time on fd 3 as it exits; the same small cost for every measure. */
const CPU_REPORT = `data:text/javascript,${encodeURIComponent("import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeSync(3, String((u.user + u.system) / 1000)); });")}`;

interface Measure {
  name: string;
  args: string[];
  runs: number;
  target?: number;
}

interface Sample { wallMs: number; cpuMs: number }

async function runOnce(args: string[], env: NodeJS.ProcessEnv): Promise<Sample> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', CPU_REPORT, ...args], { env, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let cpu = '';
  let stderr = '';
  child.stdio[3]!.on('data', (chunk: Buffer) => { cpu += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const [code] = (await once(child, 'close')) as [number | null];
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}: ${stderr}`);
  return { wallMs, cpuMs: Number(cpu) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (value: number) => Math.round(value);

export async function runCliStartupBench(): Promise<void> {
  await ensureCliBuilt({ log: (line) => process.stderr.write(`${line}\n`) });
  const folder = await mkdtemp(join(tmpdir(), 'clientele-cli-bench-'));
  const env: NodeJS.ProcessEnv = { ...process.env, CLIENTELE_DATA_DIR: join(folder, 'data'), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  try {
    process.stderr.write(`Loading the demo portfolio (${ACCOUNTS} accounts) into an embedded store…\n`);
    await runOnce([BIN, 'demo', '--accounts', String(ACCOUNTS), '--seed', '42', '--end-date', '2026-01-01'], env);

    const measures: Measure[] = [
      { name: 'node -e 0 (reference)', args: ['-e', '0'], runs: RUNS },
      { name: 'clientele --version', args: [BIN, '--version'], runs: RUNS, target: 300 },
      { name: 'clientele --help', args: [BIN, '--help'], runs: RUNS },
      { name: 'clientele account list (embedded store)', args: [BIN, 'account', 'list'], runs: Math.max(3, Math.ceil(RUNS / 2)), target: 1500 },
      // How every command started before: the TypeScript sources compiled by tsx at each run.
      { name: 'clientele --version through tsx (before)', args: ['--import', 'tsx', 'src/cli/main.ts', '--version'], runs: 3 },
    ];
    const results = [];
    for (const measure of measures) {
      process.stderr.write(`${measure.name}: ${measure.runs} runs…\n`);
      await runOnce(measure.args, env); // warm the file cache
      const samples: Sample[] = [];
      for (let i = 0; i < measure.runs; i++) samples.push(await runOnce(measure.args, env));
      results.push({
        name: measure.name, runs: measure.runs, target: measure.target,
        wallMs: round(median(samples.map((s) => s.wallMs))), cpuMs: round(median(samples.map((s) => s.cpuMs))),
        maxWallMs: round(Math.max(...samples.map((s) => s.wallMs))),
      });
    }
    const reference = results[0]!;
    const rows = results.map((r) => ({
      ...r,
      wallRatio: Math.round((r.wallMs / reference.wallMs) * 10) / 10,
      cpuRatio: Math.round((r.cpuMs / reference.cpuMs) * 10) / 10,
      targetMet: r.target === undefined ? undefined : r.wallMs < r.target,
    }));
    const load = loadavg().map((l) => Math.round(l * 10) / 10);
    const date = new Date().toISOString().slice(0, 10);
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    const out = { date, version, accounts: ACCOUNTS, machine: machine(), loadAverage: load, results: rows };
    await mkdir('bench/results', { recursive: true });
    await writeFile('bench/results/cli-startup.json', `${JSON.stringify(out, null, 2)}\n`);
    const m = machine();
    const lines = [
      `# CLI start-up (${date})`,
      '',
      `Each run is a fresh process, as a user starts it; medians of ${RUNS} runs (account list: ${rows[3]!.runs}, tsx: 3), after one warm-up run each.`,
      `The embedded store holds the demo portfolio (${ACCOUNTS.toLocaleString('en-US')} accounts). CPU is the process's own user and system time.`,
      `Machine: ${m.cpus} × ${m.cpuModel.split(' ').slice(0, 2).join(' ')}, ${m.memoryGiB} GiB, Node ${m.node}; load average ${load.join(' / ')} (1 / 5 / 15 min) when measured.`,
      '',
      '| command | wall ms | × node -e 0 | CPU ms | × node -e 0 | max wall ms | target |',
      '|---|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.name} | ${r.wallMs} | ${r.wallRatio} | ${r.cpuMs} | ${r.cpuRatio} | ${r.maxWallMs} | ${r.target === undefined ? '' : `under ${r.target} ms: ${r.targetMet ? 'met' : '**not met**'}`} |`),
    ];
    await writeFile('bench/results/cli-startup.md', `${lines.join('\n')}\n`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
