// `clientele fit` and `clientele predict` run for real: the paper's estimates from its summary
// file, clear errors for bad rows, and predictions on an embedded store that match the models'
// functions called directly on the same purchase histories.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { predictPortfolio } from '../../src/analytics/clv/predict-portfolio.js';
import { CDNOW_DIR, hasCdnow } from '../../src/analytics/clv/testing/cdnow.js';
import type { PurchaseHistory } from '../../src/domain/portfolio/facts.js';
import { formatMoney } from '../../src/domain/money.js';
import { openStore } from '../../src/store/open-store.js';
import { cliEnv, runCli } from '../support/cli.js';
import { seedPurchases } from '../support/clv-portfolio.js';

describe('clientele fit and predict', { timeout: 300_000 }, () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let histories: PurchaseHistory[];
  const cli = (...args: string[]) => runCli(args, env);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'clientele-clv-'));
    env = cliEnv(dataDir);
    const store = await openStore({ dataDir }, 'clientele clv CLI test');
    try {
      await seedPurchases(store, { accounts: 40 });
      histories = await store.purchaseHistories.list();
    } finally {
      await store.connection.close();
    }
  });
  afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

  it.skipIf(!hasCdnow)('reproduces r, α, a, b and the log-likelihood of Fader, Hardie & Lee from their summary file', async () => {
    const table = await cli('fit', '--summary', join(CDNOW_DIR, 'cdnow_customers_summary.csv'));
    expect(table).toMatchObject({ code: 0, stderr: '' });
    expect(table.stdout).toMatch(/BG\/NBD fitted on 2,357 customers \(946 bought again\)/);
    expect(table.stdout).toMatch(/^\s+r\s+0\.2426\s+± 0\.0126$/m);
    expect(table.stdout).toMatch(/^\s+alpha\s+4\.4135\s+± 0\.3782\s+\(weeks\)$/m);
    expect(table.stdout).toMatch(/^\s+log-likelihood\s+-9582\.43$/m);

    const json = await cli('fit', '--summary', join(CDNOW_DIR, 'cdnow_customers_summary_with_transactions.csv'), '--format', 'json');
    expect(json.code).toBe(0);
    const { model } = JSON.parse(json.stdout);
    const { r, alpha, a, b } = model.bgnbd.params;
    expect([r, alpha, a, b].map((v: number) => v.toFixed(3))).toEqual(['0.243', '4.414', '0.793', '2.426']);
    expect(model.bgnbd.logLikelihood.toFixed(1)).toBe('-9582.4');
    expect(model.unit).toBe('week');
    // The file's zbar is rounded to the cent; Fader & Hardie's note prints p 6.25, q 3.74, γ 15.44.
    const { p, q, gamma } = model.gammaGamma.params;
    expect([p.toFixed(2), q.toFixed(2), gamma.toFixed(1)]).toEqual(['6.25', '3.74', '15.4']);
    expect(model.frequencyMonetary).toMatchObject({ customers: 946, stronglyCorrelated: false });
  });

  it('names the line and the column of a bad row, and the columns a file lacks, exiting as for bad input', async () => {
    const bad = join(dataDir, 'bad.csv');
    await writeFile(bad, 'customer_id,frequency,recency,T,monetary_value\n1,2,30.43,38.86,22.35\n2,1,1.71,38.86,11.77\n3,two,0,38.86,0\n');
    expect(await cli('fit', '--summary', bad)).toEqual({
      code: 2, stdout: '', stderr: 'clientele: Line 4 (customer 3), column "frequency": "two" is not a number.\n',
    });
    await writeFile(bad, 'ID,x,t_x,T\n1,2,40,38.86\n');
    expect((await cli('fit', '--summary', bad)).stderr).toBe('clientele: Line 2 (customer 1), column "t_x": the recency 40 is later than the age T = 38.86.\n');
    await writeFile(bad, 'ID,x,when\n1,2,40\n');
    const missing = await cli('fit', '--summary', bad);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`clientele: ${bad} has no column for the recency t_x (recency), the age T (T); its columns are "ID", "x", "when".\n`);
  });

  it('predicts from the store what the models give on the same histories, highest CLV first, with names', async () => {
    const result = await cli('predict', '--as-of', '2024-09-30', '--unit', 'day', '--horizon', '2y', '--discount-rate', '0.08', '--limit', '5', '--format', 'json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const printed = JSON.parse(result.stdout);
    const direct = predictPortfolio({ histories, asOf: '2024-09-30', unit: 'days', horizonMonths: 24, discountRatePerYear: 0.08 });
    expect(printed.settings).toEqual({ asOf: '2024-09-30', unit: 'day', horizonMonths: 24, discountRate: 0.08 });
    expect(printed.model.customers).toBe(direct.model.customers);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(printed.model.bgnbd.params[key]).toBeCloseTo(direct.model.bgnbd.params[key], 10);
    expect(printed.model.bgnbd.logLikelihood).toBeCloseTo(direct.model.bgnbd.logLikelihood, 8);
    expect(Object.keys(printed.model.bgnbd.standardErrors)).toEqual(['r', 'alpha', 'a', 'b']);
    expect(printed.portfolio.totalClv).toBe(formatMoney(direct.portfolio.totalClv));
    const top = [...direct.accounts].sort((p, q) => q.clv - p.clv).slice(0, 5);
    expect(printed.accounts.map((a: { accountId: number }) => a.accountId)).toEqual(top.map((a) => a.accountId));
    expect(printed.accounts[0]).toMatchObject({ name: expect.stringMatching(/^Customer \d{3}$/), clv: formatMoney(top[0]!.clv), pAlive: top[0]!.pAlive });
  });

  it('prints the parameters with their standard errors, the totals and the accounts as a table', async () => {
    const result = await cli('predict', '--as-of', '2024-09-30', '--limit', '3');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Lifetime value as of 2024-09-30, over 12 months, discounted at 10\.0 % a year; time in weeks\./);
    expect(result.stdout).toMatch(/^\s+alpha\s+\d+\.\d{4}\s+± (\d+\.\d{4}|– \(not identified\))\s+\(weeks\)$/m);
    expect(result.stdout).toMatch(/^\s+gamma\s+\d+\.\d{4}\s+± .*\(cents\)$/m);
    expect(result.stdout).toMatch(/^\s+total CLV\s+€\d{1,3}(,\d{3})*\.\d{2}$/m);
    expect(result.stdout).toMatch(/^ID\s+NAME\s+P\(ALIVE\)\s+EXP\. PURCHASES\s+NEXT PURCHASE\s+CLV$/m);
    expect(result.stdout.trim().split('\n').slice(-3).every((line) => /Customer \d{3}/.test(line))).toBe(true);
  });

  it('says why it cannot fit, and refuses unusable options naming them', async () => {
    expect(await cli('predict', '--as-of', '2023-12-31')).toEqual({
      code: 7, stdout: '', stderr: 'clientele: No account has a purchase on or before 2023-12-31, so there is nothing to fit.\n',
    });
    expect((await cli('predict', '--as-of', '2024-02-30')).stderr).toBe('clientele: --as-of must be a day written YYYY-MM-DD, from 1900-01-01 to 2999-12-31, not "2024-02-30".\n');
    const horizon = await cli('predict', '--horizon', 'soon');
    expect(horizon).toMatchObject({ code: 2, stderr: 'clientele: --horizon must be whole months like 12m, or years like 2y, not "soon".\n' });
  });
});
