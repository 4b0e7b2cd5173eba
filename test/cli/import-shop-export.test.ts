// `clientele import order-lines` on a shop's own export, run for real: the dry run's summary
// comes before the rows, and its figures are those worked out from the generated file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../support/cli.js';
import { shopExportCsv, shopExportLines } from '../support/shop-export.js';
import { expectedFrom } from '../support/shop-export-figures.js';
import { tempFolder } from '../support/temp-files.js';

// The CLI writes amounts with the locale's conventions (British English when none is set, as here).
const amount = (cents: bigint) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(Number(cents) / 100);
const count = (n: number) => n.toLocaleString('en-US');

describe('clientele import of a shop\'s invoice-line export', { timeout: 240_000 }, () => {
  let files: Awaited<ReturnType<typeof tempFolder>>;
  let env: NodeJS.ProcessEnv;
  let path: string;
  let expected: ReturnType<typeof expectedFrom>;
  beforeAll(async () => {
    files = await tempFolder('cli-shop-export');
    env = cliEnv(files.path('data'));
    const csv = shopExportCsv(shopExportLines({ seed: 21, invoices: 500, customers: 90 }));
    path = await files.write('online-retail.csv', csv);
    expected = expectedFrom(csv);
  });
  afterAll(async () => { await files?.remove(); });

  it('says in a dry run what it will create, keep, recognise and credit, before the first records', async () => {
    const run = await runCli(['import', 'order-lines', path, '--dry-run'], env);
    expect(run.stderr).not.toMatch(/clientele:/); // the progress bar writes there
    expect(run.code).toBe(0);
    const { stdout } = run;
    expect(stdout.indexOf('Summary:')).toBeGreaterThan(0);
    expect(stdout.indexOf('Summary:')).toBeLessThan(stdout.indexOf('First records as they would be stored:'));
    expect(stdout).toMatch(new RegExp(`accounts to create\\s+${count(expected.customers + 1)}\\n`));
    expect(stdout).toContain(`${count(expected.guestLines)} lines worth ${amount(expected.guestCents)}, to keep as orders of "Walk-in customers"`);
    const places = [...expected.unknownPlaces].sort((a, b) => b[1] - a[1]).map(([text, n]) => `"${text}" (${count(n)} line${n === 1 ? '' : 's'})`);
    expect(places.length).toBeGreaterThan(0);
    expect(stdout).toMatch(new RegExp(`⚠ not a country, kept as region\\s+${places.join(', ').replace(/[()]/g, '\\$&')}\\n`));
    expect(stdout).toMatch(new RegExp(`orders\\s+${count(expected.orders)} worth ${amount(expected.orderCents)}\\n`));
    expect(stdout).toMatch(new RegExp(`credit notes \\(cancellations\\)\\s+${count(expected.credits)} worth ${amount(expected.creditCents)} \\(${count(expected.linked)} linked`));
    expect(stdout).toMatch(new RegExp(`net revenue\\s+${amount(expected.orderCents + expected.creditCents)}\\n`));
    expect(stdout).toContain('Dry run: nothing was written.');
  });

  it('imports it, leaving the guest lines out when asked, and says so', async () => {
    const run = await runCli(['import', 'order-lines', path, '--guests', 'leave-out'], env);
    expect(run.stderr).not.toMatch(/clientele:/); // the progress bar writes there
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`accounts created\\s+${count(expected.customers)}\\n`));
    expect(run.stdout).toContain(`${count(expected.guestLines)} lines worth ${amount(expected.guestCents)} left out (--guests walk-in keeps them)`);
    expect(run.stdout).toMatch(new RegExp(`net revenue\\s+${amount(expected.orderCents + expected.creditCents - expected.guestCents)}\\n`));
    expect(run.stdout).toContain('Imported.');
  });
});
