// `clientele analyze` and `clientele snapshot` run for real on an embedded store holding a small demo portfolio.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { loadDemoPortfolio } from '../../src/services/demo/load-demo-portfolio.js';
import { openStore } from '../../src/store/open-store.js';
import { cliEnv, runCli } from '../support/cli.js';

describe('clientele analyze and snapshot on the embedded store', { timeout: 240_000 }, () => {
  let dataDir: string;
  let accounts = 0;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'clientele-analyze-'));
    const store = await openStore({ dataDir }, 'clientele analyze CLI test');
    try {
      await loadDemoPortfolio({ store, actor: SYSTEM_ACTOR }, { accounts: 120, seed: 9, endDate: '2025-06-01T00:00:00.000Z' });
      accounts = (await store.analysisFacts.accounts()).length;
    } finally {
      await store.connection.close();
    }
  });
  afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

  it('prints one CSV row per account with its classes, and the JSON report counts the same accounts', async () => {
    const env = cliEnv(dataDir);
    const csv = await runCli(['analyze', '--as-of', '2025-06-01', '--format', 'csv'], env);
    expect(csv.code, csv.stderr).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(accounts);
    expect(new Set(rows.map((r) => r.abc))).toEqual(new Set(['A', 'B', 'C', 'none']));
    for (const row of rows) expect(row.status).toMatch(/^(current|active|inactive|potential|probable|unqualified|ex_customer)$/);

    const json = await runCli(['analyze', '--as-of', '2025-06-01', '--format', 'json'], env);
    const report = JSON.parse(json.stdout);
    expect(report.run.asOf).toBe('2025-06-01');
    expect(report.accounts).toBe(accounts);
    // The Pareto ranks the accounts with revenue in the period; the inactive ones without any are ranked apart.
    const ranked = rows.filter((r) => Number(r.period_revenue) > 0);
    const abcCounts = Object.fromEntries(['A', 'B', 'C'].map((c) => [c, ranked.filter((r) => r.abc === c).length]));
    expect({ A: report.abc.classes.A.accounts, B: report.abc.classes.B.accounts, C: report.abc.classes.C.accounts }).toEqual(abcCounts);
    const inactive = rows.filter((r) => r.status === 'inactive');
    const inactiveCounts = Object.fromEntries(['A', 'B', 'C', 'none'].map((c) => [c, inactive.filter((r) => r.abc === c).length]));
    expect(Object.fromEntries(Object.entries(report.inactiveValue).map(([c, tally]) => [c, (tally as { accounts: number }).accounts]))).toEqual(inactiveCounts);
    expect(inactiveCounts.A).toBeGreaterThan(0);
  });

  it('keeps a snapshot and prints the readable report; a malformed day is refused as a usage error naming the flag', async () => {
    const env = cliEnv(dataDir);
    const snapshot = await runCli(['snapshot', '--as-of', '2025-01-01'], env);
    expect(snapshot.code, snapshot.stderr).toBe(0);
    expect(snapshot.stdout).toMatch(/^Portfolio as of 1 Jan 2025 \(run \d+, snapshot\)/);
    expect(snapshot.stdout).toMatch(/ABC \(Pareto\)\nCLASS\s+ACCOUNTS\s+SHARE\s+REVENUE\nA\s+\d+/);
    expect(snapshot.stdout).toMatch(/\n\s*Big accounts that went quiet:?\s+\d+/);
    expect(snapshot.stdout).toMatch(/Inactive accounts by ABC class [^\n]*big accounts that went quiet\)\nCLASS\s+ACCOUNTS\s+SHARE\s+REVENUE\nA\s+\d+/);
    expect(snapshot.stdout).toMatch(/Snapshot \d+ kept/);
    // Classes read as words, never as the stored values.
    expect(snapshot.stdout).toMatch(/Sales-volume tier\nCLASS\s+ACCOUNTS\s+SHARE\s+REVENUE\nVery high\s+\d+/);
    expect(snapshot.stdout).not.toMatch(/very_high|one_time|ex_customer|potential_loyalists|need_attention/);

    const french = await runCli(['analyze', '--as-of', '2025-01-01', '--lang', 'fr'], env);
    expect(french.code, french.stderr).toBe(0);
    // The words follow --lang; the numbers and days follow CLIENTELE_LOCALE, which the tests set to en-IE.
    expect(french.stdout).toMatch(/^Portefeuille au 1 Jan 2025 \(analyse \d+, analyse\)/);
    expect(french.stdout).toMatch(/\n {2}Comptes qui achètent en ce moment +\d+\n/);
    expect(french.stdout).toMatch(/\n {2}Leur intervalle habituel entre deux achats \(médiane\) +[\d.]+ jours?\n/);
    expect(french.stdout).not.toMatch(/Accounts buying now|went quiet/);
    // Where no locale is named, --lang also sets how numbers and days are written.
    const unnamed = await runCli(['analyze', '--as-of', '2025-01-01', '--lang', 'fr'], { ...env, CLIENTELE_LOCALE: '', LC_ALL: '', LC_MONETARY: '', LANG: 'C' });
    expect(unnamed.code, unnamed.stderr).toBe(0);
    expect(unnamed.stdout).toMatch(/^Portefeuille au 1 janv\. 2025 \(analyse \d+, analyse\), montants en EUR\n/);
    expect(unnamed.stdout).toMatch(/\n {2}Chiffre d’affaires \(période de classement\) +[\d\u202f\u00a0]+,\d\d\u00a0€\n/);
    expect(french.stdout).toMatch(/Niveau de volume de ventes\nCLASSE\s+COMPTES\s+PART\s+CA\nTrès élevé\s+\d+/);
    const bad = await runCli(['analyze', '--as-of', '2025-02-30'], env);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: 'clientele: --as-of must be a day written YYYY-MM-DD, from 1900-01-01 to 2999-12-31, not "2025-02-30".\n' });
  });
});
