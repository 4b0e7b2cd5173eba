// A team's own history, reached as a new user reaches it: the CDNOW transaction file imported
// with the CLI, then analysed as of the file's last day. The classes must be the ones a plain
// computation from the raw file gives, with no account back-dated by hand.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { hasCdnow } from '../../src/analytics/clv/testing/cdnow.js';
import { CDNOW_MASTER, cdnowDay, plainClasses, plainCustomers, readCdnowRows } from '../../src/analytics/portfolio/testing/cdnow-plain.js';
import { buildApp } from '../../src/api/app.js';
import { createApiToken, createUser } from '../../src/services/auth.js';
import { openStore } from '../../src/store/open-store.js';
import { CLI_BIN, cliEnv, runCli } from '../support/cli.js';

const MAPPING = join(import.meta.dirname, '../../mappings/cdnow-orders.json');
const END = cdnowDay('19980630');

describe.runIf(hasCdnow)('the CDNOW history imported and analysed with the CLI', { timeout: 600_000 }, () => {
  let dataDir: string;
  const plain = plainCustomers(readCdnowRows(), END);
  const expected = plainClasses(plain, END);
  const countOf = (status: string) => [...expected.values()].filter((c) => c.status === status).length;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'clientele-cdnow-history-'));
    const imported = await runCli(['import', 'orders', CDNOW_MASTER, '--mapping', MAPPING], cliEnv(dataDir));
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

  it('gives every customer, as of 30 June 1998, the classes a plain computation from the raw file gives', async () => {
    const csv = await runCli(['analyze', '--as-of', '1998-06-30', '--format', 'csv'], cliEnv(dataDir));
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stderr).not.toMatch(/newest order on file/);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(23_570);
    const byId = new Map(plain.map((c) => [c.id, expected.get(c.customer)!]));
    const wrong = rows.filter((row) => {
      const want = byId.get(row.external_id!);
      return !want || row.status !== want.status || row.frequency !== want.frequency || row.volume_tier !== want.volumeTier
        || Number(row.recency_score) !== want.recency || Number(row.frequency_score) !== want.frequencyScore || Number(row.monetary_score) !== want.monetary;
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(countOf('current')).toBe(8_332);
  });

  it('prints the same status counts in its report, and the API reads them back from the stored run', async () => {
    const json = await runCli(['analyze', '--as-of', '1998-06-30', '--format', 'json'], cliEnv(dataDir));
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout);
    // Every customer first bought in early 1997, so nobody is newly active a year and a half later.
    const statuses = { current: countOf('current'), inactive: countOf('inactive') };
    expect(countOf('active')).toBe(0);
    expect(report.accounts).toBe(23_570);
    expect(Object.fromEntries(Object.entries(report.classes.status).map(([k, v]) => [k, (v as { accounts: number }).accounts]))).toEqual(statuses);
    expect(report.lifetime.portfolio.expectedPurchases).toBeGreaterThan(0);

    const store = await openStore({ dataDir }, 'CDNOW history API check');
    const app = await buildApp({ store, logger: false });
    try {
      const admin = await createUser(store, { email: 'admin@example.com', name: 'Admin', role: 'admin', password: 'a long enough password' });
      const { token } = await createApiToken(store, admin.id, 'test');
      const get = async (url: string) => (await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` } })).json();
      const overview = await get('/analysis/overview');
      expect(overview.run).toMatchObject({ asOf: '1998-06-30', newestPurchase: '1998-06-30', dataStale: false });
      expect(overview.accounts).toBe(23_570);
      expect(overview.classes.status.current.accounts).toBe(statuses.current);
      const tally = (key: 'frequency' | 'volumeTier') => {
        const counts: Record<string, number> = {};
        for (const c of expected.values()) counts[c[key]] = (counts[c[key]] ?? 0) + 1;
        return counts;
      };
      const accountsOf = (classes: Record<string, { accounts: number }>) => Object.fromEntries(Object.entries(classes).map(([k, v]) => [k, v.accounts]));
      expect(accountsOf(overview.classes.frequency)).toEqual(tally('frequency'));
      expect(accountsOf(overview.classes.volumeTier)).toEqual(tally('volumeTier'));
      const current = await get('/accounts?status=current&limit=1');
      const firstCurrent = current.items[0];
      expect(expected.get(Number(firstCurrent.externalId))!.status).toBe('current');
    } finally {
      await app.close();
      await store.connection.close();
    }
  });

  it('says when the file ends long before the as-of day, and how to analyse it as of its last order', async () => {
    const stale = await runCli(['analyze', '--as-of', '2026-12-07'], cliEnv(dataDir));
    expect(stale.code, stale.stderr).toBe(0);
    expect(stale.stderr).toContain('the newest order on file is from 1998-06-30, 10,387 days before the as-of day 2026-12-07');
    expect(stale.stderr).toContain('clientele analyze --as-of 1998-06-30');
    // Nobody is at a terminal to accept the offer, so the run stays as asked: everyone inactive.
    expect(stale.stdout).toMatch(/^Portfolio as of 7 Dec 2026/);
    expect(stale.stdout).toMatch(/\nInactive\s+23,?570\s/);
  });

  it('at a terminal, offers to analyse as of the last order day and does it when the user says yes', async () => {
    // `script` gives the command a terminal, as a person at a shell has; the answer is typed ahead.
    const command = [process.execPath, CLI_BIN, 'analyze', '--as-of', '2026-12-07'].map((part) => `'${part}'`).join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: cliEnv(dataDir), stdio: 'pipe' });
    child.stdin.write('y\n');
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code, output).toBe(0);
    expect(output).toContain('Analyse as of 1998-06-30 instead? [y/N]');
    expect(output).toMatch(/Portfolio as of 30 Jun 1998/);
    expect(output).toMatch(/\nCurrent\s+8,?332\s/);
  });
});
