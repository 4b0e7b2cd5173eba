// The CLI on orders in several currencies, run for real: rates imported from a file, orders from
// another, and a report whose amounts carry their currency in the locale's conventions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../support/cli.js';
import { expectedRevenue, ordersCsv, RATES_CSV } from '../support/currency-files.js';
import { tempFolder } from '../support/temp-files.js';

describe('clientele with orders in several currencies', { timeout: 240_000 }, () => {
  let files: Awaited<ReturnType<typeof tempFolder>>;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    files = await tempFolder('cli-currency');
    env = cliEnv(files.path('data'));
  });
  afterAll(async () => { await files?.remove(); });

  it('refuses a rates file with a bad row, naming it, and imports a good one whole', async () => {
    const bad = await runCli(['import', 'rates', await files.write('bad.csv', 'date,currency,rate\n2024-01-01,USD,0.9\n2024-13-01,USD,0.9\n')], env);
    expect(bad.code).toBe(7);
    expect(bad.stderr).toMatch(/^clientele: The rates file has a problem at row 3, date "2024-13-01": A date is written YYYY-MM-DD/);
    const good = await runCli(['import', 'rates', await files.write('rates.csv', RATES_CSV), '--format', 'json'], env);
    expect(good.code, good.stderr).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual({ rows: 6, added: 6, changed: 0, ordersConverted: 0 });
  });

  it('prints the report\'s amounts with their currency and the locale\'s separators, converted from the orders\' currencies', async () => {
    const imported = await runCli(['import', 'orders', await files.write('orders.csv', ordersCsv())], env);
    expect(imported.code, imported.stderr).toBe(0);
    const total = [...expectedRevenue(RATES_CSV, ordersCsv(), 'invoice,customer id,date,sku,quantity,unit price,currency').values()].reduce((a, b) => a + b, 0n);
    const euros = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' }).format(Number(total) / 100);

    const json = await runCli(['analyze', '--as-of', '2024-06-30', '--format', 'json'], env);
    const report = JSON.parse(json.stdout);
    expect(report.currency).toBe('EUR');

    const table = await runCli(['analyze', '--as-of', '2024-06-30'], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^Portfolio as of 30 Jun 2024 \(run \d+, run\), amounts in EUR/);
    // Every order falls in the ranking period here, so its revenue is all the orders converted.
    expect(table.stdout).toMatch(new RegExp(`Revenue \\(ranking period\\)\\s+${euros.replace(/[.$]/g, '\\$&')}\\n`));
    expect(euros).toMatch(/^€\d{1,3}(,\d{3})+\.\d\d$/);
    expect(table.stdout).toMatch(/\n\s*Accounts\s+6\n/);

    const french = await runCli(['analyze', '--as-of', '2024-06-30'], { ...env, CLIENTELE_LOCALE: 'fr-FR' });
    const frenchEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(Number(total) / 100);
    expect(french.stdout).toContain(frenchEuros);
    expect(frenchEuros).toMatch(/^\d{1,3}(\s\d{3})+,\d\d\s€$/);
  });
});
