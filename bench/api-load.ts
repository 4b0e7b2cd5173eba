// Issue 17's load benchmark: the real server (`clientele serve`, a process of its own) on
// PostgreSQL with the demo portfolio, and autocannon (this process) on loopback sending a mix of
// account lists, searches, profiles, timelines and 10 % writes from 200 clients for 60 s. The
// reference, in the same run: the very statements the server sends for each request of the mix
// (recorded from the repositories), sent straight to PostgreSQL by a pg Pool of the server's
// size from as many concurrent clients.
//   npm run bench -- load
//   BENCH_CONNECTIONS=20 BENCH_DURATION=10 BENCH_ACCOUNTS=2000 npm run bench -- load   (a quick try)
// Then the same clients at a fixed rate, half the throughput just measured unless BENCH_RATE says
// (for BENCH_RATE_DURATION s, 30 by default): the latency at a load the server keeps up with.
// BENCH_REFERENCE_DURATION (default: BENCH_DURATION) and BENCH_DATABASE_URL change the rest.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../src/api/app.js';
import { runAnalysis } from '../src/services/analysis/run-analysis.js';
import { createApiToken, createUser } from '../src/services/auth.js';
import { generatePortfolio } from '../src/services/demo/generate-portfolio.js';
import { Random } from '../src/services/demo/seeded-random.js';
import { bulkLoadPortfolio } from '../src/store/bulk-load.js';
import { recordingStore, type RecordedQuery } from '../src/store/query-plans.js';
import { createStore } from '../src/store/store.js';
import { loadAverage, machine } from './machine.js';
import { createBenchStore, startServerProcess } from './server-process.js';
import { summarize } from './stats.js';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const DURATION = Number(process.env.BENCH_DURATION ?? 60);
const REFERENCE_DURATION = Number(process.env.BENCH_REFERENCE_DURATION ?? DURATION);
const RATE_DURATION = Number(process.env.BENCH_RATE_DURATION ?? 30);
/** The server's pool (openPostgres's default); the reference gets as many connections. */
const POOL_SIZE = 10;
/** Requests generated up front; each client picks the next one at random. */
const MIX_SIZE = 4000;
/** Of those, how many are also recorded in-process for the reference's statements. */
const RECORDED = 600;
const TARGETS = { errors: 0, p99Ms: 250, ratio: 0.5 };

type Kind = 'list' | 'search' | 'profile' | 'contacts' | 'timeline' | 'write';
/** The share of each kind in the mix: 90 % reads, 10 % writes. */
const MIX: [Kind, number][] = [['list', 0.25], ['search', 0.2], ['profile', 0.15], ['contacts', 0.1], ['timeline', 0.2], ['write', 0.1]];

interface MixRequest { kind: Kind; method: 'GET' | 'POST' | 'PATCH'; path: string; body?: string }

function pickKind(random: Random): Kind {
  let roll = random.next();
  for (const [kind, share] of MIX) {
    if (roll < share) return kind;
    roll -= share;
  }
  return 'list';
}

export async function runApiLoadBench(): Promise<void> {
  const bench = await createBenchStore('postgres', 'load');
  try {
    await measure(bench);
  } finally {
    await bench.drop();
  }
}

async function measure(bench: Awaited<ReturnType<typeof createBenchStore>>): Promise<void> {
  // 1. The demo portfolio, analysed, and an admin with an API token.
  const connection = await bench.open();
  const store = createStore(connection);
  const portfolio = generatePortfolio({ accounts: ACCOUNTS });
  const started = Date.now();
  const counts = await bulkLoadPortfolio(connection, {
    users: portfolio.users, passwordHash: '!locked', products: portfolio.products, records: portfolio.records(), chunkSize: 1000,
  });
  const admin = await createUser(store, { email: 'load@example.com', name: 'Load', role: 'admin', password: 'a long enough password for load' });
  const { token } = await createApiToken(store, admin.id, 'load');
  await runAnalysis({ store, actor: { userId: admin.id, role: 'admin' } });
  await connection.db.executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } } as never);
  process.stderr.write(`  loaded ${counts.accounts} accounts, ${counts.orders} orders and analysed them in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  // 2. The mix: real ids, countries, names, emails and phone numbers from the store.
  const accounts = (await connection.db.selectFrom('accounts').select(['id', 'name', 'country', 'owner_id']).orderBy('id').execute())
    .map((a) => ({ ...a, id: Number(a.id) }));
  const contacts = await connection.db.selectFrom('contacts').select(['email', 'phone']).where('email', 'is not', null).limit(5000).execute();
  const countries = [...new Set(accounts.map((a) => a.country).filter((c): c is string => !!c))];
  const owners = [...new Set(accounts.map((a) => a.owner_id).filter((o): o is number => o !== null))];
  const random = new Random(17);
  const pick = <T>(list: readonly T[]) => list[random.int(0, list.length - 1)]!;
  const listPaths = [
    () => '/accounts?limit=50',
    () => `/accounts?status=customer&country=${pick(countries)}&limit=50`,
    () => `/accounts?ownerId=${pick(owners)}&sort=-updatedAt&limit=50`,
    () => '/accounts?abc=A&limit=50',
    () => '/accounts?status=buying_now&sort=name&limit=50',
  ];
  const searchTerm = () => {
    const roll = random.int(0, 2);
    if (roll === 0) return pick(accounts).name.split(/\s+/)[0]!;
    if (roll === 1) return pick(contacts).email!.split('@')[0]!;
    return (pick(contacts).phone ?? '0000').replace(/\D/g, '').slice(-6);
  };
  const build = (i: number): MixRequest => {
    const kind = pickKind(random);
    const account = pick(accounts).id;
    switch (kind) {
      case 'list': return { kind, method: 'GET', path: pick(listPaths)() };
      case 'search': return { kind, method: 'GET', path: `/accounts?q=${encodeURIComponent(searchTerm())}&limit=50` };
      case 'profile': return { kind, method: 'GET', path: `/accounts/${account}` };
      case 'contacts': return { kind, method: 'GET', path: `/contacts?accountId=${account}&limit=500&sort=lastName` };
      case 'timeline': return { kind, method: 'GET', path: `/accounts/${account}/timeline?limit=50` };
      case 'write': return i % 2
        ? { kind, method: 'POST', path: '/interactions', body: JSON.stringify({ accountId: account, type: 'call', subject: `Load call ${i}`, occurredAt: '2026-01-15T10:00:00.000Z' }) }
        : { kind, method: 'PATCH', path: `/accounts/${account}`, body: JSON.stringify({ hasInterest: i % 4 === 0 }) };
    }
  };
  const mix = Array.from({ length: MIX_SIZE }, (_, i) => build(i));

  // 3. The statements behind each request, recorded as the repositories compile them.
  const recording = recordingStore(connection);
  const inProcess = await buildApp({ store: recording.store, logger: false, rateLimits: false, webRoot: false });
  const scripts: { kind: Kind; statements: RecordedQuery[] }[] = [];
  for (const request of mix.slice(0, RECORDED)) {
    recording.queries.length = 0;
    const response = await inProcess.inject({
      method: request.method, url: `/api/v1${request.path}`,
      headers: { authorization: `Bearer ${token}`, ...(request.body && { 'content-type': 'application/json' }) }, payload: request.body,
    });
    if (response.statusCode >= 300) throw new Error(`${request.method} ${request.path} → ${response.statusCode} ${response.body.slice(0, 300)}`);
    scripts.push({ kind: request.kind, statements: [...recording.queries] });
  }
  await inProcess.close();
  await connection.close();

  // 4. The server in its own process; autocannon here.
  const loadBefore = loadAverage();
  const server = await startServerProcess(bench);
  const byKind: Record<string, Record<number, number>> = {};
  let api: autocannon.Result;
  let paced: autocannon.Result;
  try {
    const run = (connections: number, duration: number, count: boolean, overallRate?: number) => autocannon({
      url: `${server.url}/api/v1`, connections, duration, ...(overallRate && { overallRate }),
      headers: { authorization: `Bearer ${token}` },
      requests: [{
        setupRequest: (request, context) => {
          const next = mix[random.int(0, mix.length - 1)]!;
          (context as { kind?: Kind }).kind = next.kind;
          return {
            ...request, method: next.method, path: `/api/v1${next.path}`,
            headers: { ...request.headers, ...(next.body && { 'content-type': 'application/json' }) },
            ...(next.body ? { body: next.body } : { body: undefined }),
          };
        },
        onResponse: (status, _body, context) => {
          if (!count) return;
          const statuses = (byKind[(context as { kind: Kind }).kind] ??= {});
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      }],
    });
    process.stderr.write(`  warming up the server for ${Math.min(10, DURATION)} s\n`);
    await run(Math.min(20, CONNECTIONS), Math.min(10, DURATION), false);
    process.stderr.write(`  ${CONNECTIONS} clients for ${DURATION} s against ${server.url}\n`);
    api = await run(CONNECTIONS, DURATION, true);
    const rate = Number(process.env.BENCH_RATE ?? Math.max(1, Math.round(api.requests.total / api.duration / 2)));
    process.stderr.write(`  ${CONNECTIONS} clients at ${rate} requests/s for ${RATE_DURATION} s\n`);
    paced = await run(CONNECTIONS, RATE_DURATION, false, rate);
  } finally {
    await server.stop();
  }
  const loadAfterApi = loadAverage();

  // 5. The reference: the same statements straight to PostgreSQL through a pool.
  process.stderr.write(`  reference: ${CONNECTIONS} clients through a pool of ${POOL_SIZE} for ${REFERENCE_DURATION} s\n`);
  await sendStraight(bench.databaseUrl!, scripts, Math.min(10, REFERENCE_DURATION), random);
  const referenceRun = await sendStraight(bench.databaseUrl!, scripts, REFERENCE_DURATION, random);
  const loadAfter = loadAverage();

  // 6. Results.
  const apiRate = api.requests.total / api.duration;
  const ratio = apiRate / referenceRun.requestsPerSecond;
  const errors = api.errors + api.timeouts + api.non2xx;
  const result = {
    benchmark: 'api-load', date: new Date().toISOString(), machine: machine(),
    loadAverage: { before: loadBefore, afterApi: loadAfterApi, after: loadAfter },
    portfolio: { accounts: counts.accounts, orders: counts.orders, contacts: counts.contacts, interactions: counts.interactions },
    connections: CONNECTIONS, durationSeconds: DURATION, mix: Object.fromEntries(MIX),
    api: {
      requests: api.requests.total, requestsPerSecond: Math.round(apiRate * 10) / 10,
      latencyMs: { p50: api.latency.p50, p97_5: api.latency.p97_5, p99: api.latency.p99, max: api.latency.max },
      errors: api.errors, timeouts: api.timeouts, non2xx: api.non2xx, statusesByKind: byKind,
    },
    atFixedRate: {
      requestsPerSecondAsked: Number(process.env.BENCH_RATE ?? Math.max(1, Math.round(apiRate / 2))), durationSeconds: RATE_DURATION,
      requests: paced.requests.total, requestsPerSecond: Math.round((paced.requests.total / paced.duration) * 10) / 10,
      latencyMs: { p50: paced.latency.p50, p97_5: paced.latency.p97_5, p99: paced.latency.p99, max: paced.latency.max },
      errors: paced.errors + paced.timeouts + paced.non2xx,
    },
    reference: referenceRun,
    ratio: Math.round(ratio * 100) / 100,
    targets: TARGETS,
    met: { errors: errors <= TARGETS.errors, p99: api.latency.p99 < TARGETS.p99Ms, ratio: ratio >= TARGETS.ratio },
  };
  const dir = join(import.meta.dirname, 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'api-load.json'), `${JSON.stringify(result, null, 2)}\n`);
  const yes = (ok: boolean) => (ok ? 'met' : '**missed**');
  const m = result.machine;
  const lines = [
    `# API under load (${result.date.slice(0, 10)})`, '',
    `\`clientele serve\` on PostgreSQL in a process of its own, with the demo portfolio (${counts.accounts.toLocaleString('en-US')} accounts, ${counts.orders.toLocaleString('en-US')} orders, analysed); autocannon in another process on loopback: ${CONNECTIONS} clients for ${DURATION} s after a ${Math.min(10, DURATION)} s warm-up, each request drawn at random from ${MIX_SIZE.toLocaleString('en-US')} of the mix below, with an admin's API token. Rate limits off.`,
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}. Load average (1, 5, 15 min) before: ${loadBefore.join(', ')}; after the API run: ${loadAfterApi.join(', ')}; after the reference: ${loadAfter.join(', ')}.`, '',
    `Mix: ${MIX.map(([k, s]) => `${k} ${Math.round(s * 100)} %`).join(', ')} (writes: a logged call or a changed account, half each).`, '',
    '| | requests/s | p50 ms | p97.5 ms | p99 ms | max ms | errors |', '|---|---|---|---|---|---|---|',
    `| API (autocannon) | ${result.api.requestsPerSecond} | ${api.latency.p50} | ${api.latency.p97_5} | ${api.latency.p99} | ${api.latency.max} | ${errors} (${api.errors} errors, ${api.timeouts} timeouts, ${api.non2xx} non-2xx) |`,
    `| API at a fixed ${result.atFixedRate.requestsPerSecondAsked} requests/s, ${RATE_DURATION} s | ${result.atFixedRate.requestsPerSecond} | ${paced.latency.p50} | ${paced.latency.p97_5} | ${paced.latency.p99} | ${paced.latency.max} | ${result.atFixedRate.errors} |`,
    `| reference (pg Pool, same statements) | ${referenceRun.requestsPerSecond} (${referenceRun.queriesPerSecond} queries/s) | ${referenceRun.latencyMs.p50} | — | ${referenceRun.latencyMs.p99} | ${referenceRun.latencyMs.max} | ${referenceRun.errors} |`, '',
    `API ÷ reference: **${result.ratio}**.`, '',
    '| target | measured | |', '|---|---|---|',
    `| 0 errors | ${errors} | ${yes(result.met.errors)} |`,
    `| p99 under ${TARGETS.p99Ms} ms | ${api.latency.p99} ms | ${yes(result.met.p99)} |`,
    `| at least ${TARGETS.ratio} of the reference | ${result.ratio} | ${yes(result.met.ratio)} |`, '',
    `With ${CONNECTIONS} clients each waiting for its answer before the next request, a request waits for the ${CONNECTIONS - 1} others in flight: the mean latency is ${CONNECTIONS} ÷ throughput (${Math.round((CONNECTIONS / apiRate) * 1000)} ms at ${result.api.requestsPerSecond} requests/s), whatever the server does. A p99 under ${TARGETS.p99Ms} ms from ${CONNECTIONS} such clients needs more than ${Math.round(CONNECTIONS / (TARGETS.p99Ms / 1000))} requests/s; the reference, the same statements with no server at all, reaches ${referenceRun.requestsPerSecond}. The fixed-rate row is the latency at a load the server keeps up with (autocannon corrects it for coordinated omission).`, '',
    'Statuses by kind of request (the run with as many requests as the clients can send):', '',
    ...Object.entries(byKind).map(([kind, statuses]) => `- ${kind}: ${Object.entries(statuses).map(([s, n]) => `${n} × ${s}`).join(', ')}`), '',
    `The reference replays, for each request, the statements the server sends for it (token, user, scope, the query, its classes, the audit entry…), recorded from ${RECORDED} requests of the mix in-process; ${referenceRun.statementsPerRequest} statements a request on average. It skips what the server adds around them: HTTP, JSON, validation, and the BEGIN/COMMIT of writes.`,
  ];
  await writeFile(join(dir, 'api-load.md'), `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Sends each recorded request's statements in order, from CONNECTIONS clients through one pool. */
async function sendStraight(databaseUrl: string, scripts: { statements: RecordedQuery[] }[], seconds: number, random: Random) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE, options: '-c TimeZone=UTC' });
  const times: number[] = [];
  let queries = 0;
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const script = scripts[random.int(0, scripts.length - 1)]!;
      const start = performance.now();
      try {
        for (const statement of script.statements) {
          await pool.query(statement.sql, [...statement.parameters]);
          queries++;
        }
        times.push(performance.now() - start);
      } catch {
        errors++;
      }
    }
  };
  const begun = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  const elapsed = (performance.now() - begun) / 1000;
  await pool.end();
  const latency = summarize(times);
  return {
    seconds: Math.round(elapsed * 10) / 10,
    requests: times.length, requestsPerSecond: Math.round((times.length / elapsed) * 10) / 10,
    queries, queriesPerSecond: Math.round(queries / elapsed),
    statementsPerRequest: Math.round((scripts.reduce((n, s) => n + s.statements.length, 0) / scripts.length) * 10) / 10,
    latencyMs: { p50: latency.p50, p95: latency.p95, p99: latency.p99, max: latency.max },
    errors,
  };
}
