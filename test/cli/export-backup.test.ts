// `clientele export`, `backup` and `restore` run for real, on two embedded stores: the second,
// restored from the first's backup, must hold the very same rows. Each start costs seconds, so
// the cases build on each other in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { cliEnv, runCli } from '../support/cli.js';

describe('the export, backup and restore commands', { timeout: 240_000 }, () => {
  let dir: string;
  let first: NodeJS.ProcessEnv;
  let second: NodeJS.ProcessEnv;
  const path = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientele-export-cli-'));
    first = cliEnv(path('first'));
    second = cliEnv(path('second'));
    const demo = await runCli(['demo', '--accounts', '40', '--seed', '5', '--end-date', '2025-01-01'], first);
    expect(demo.code, demo.stderr).toBe(0);
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('exports filtered accounts to CSV and orders to XLSX, the format taken from the file name', async () => {
    const csv = await runCli(['export', 'accounts', path('fr.csv'), '--country', 'fr', '--status', 'customer'], first);
    expect(csv).toMatchObject({ code: 0, stderr: '' });
    expect(csv.stdout).toMatch(/^Exported \d+ accounts to .*fr\.csv\.\n$/);
    const rows = (await readFile(path('fr.csv'), 'utf8')).trim().split('\n');
    expect(rows[0]).toMatch(/^externalId,name,kind,status,/);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((row) => row.includes(',customer,') && row.includes(',FR,'))).toBe(true);

    const xlsx = await runCli(['export', 'order-lines', path('lines.xlsx')], first);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path('lines.xlsx'));
    expect(workbook.worksheets[0]!.rowCount).toBeGreaterThan(40);
    expect((await readdir(dir)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('says what is wrong with an export it cannot make, leaving no file behind', async () => {
    const noFormat = await runCli(['export', 'accounts', path('accounts.txt')], first);
    expect(noFormat).toMatchObject({ code: 2, stderr: `clientele: Cannot tell the format from "${path('accounts.txt')}": name it .csv or .xlsx, or give --format.\n` });
    const products = await runCli(['export', 'products', path('p.csv'), '--country', 'FR'], first);
    expect(products.code).toBe(2);
    expect(products.stderr).toMatch(/Products belong to no account/);
    const target = await runCli(['export', 'invoices', path('i.csv')], first);
    expect(target.code).toBe(2);
    expect((await readdir(dir)).filter((name) => /^(accounts\.txt|p\.csv|i\.csv)/.test(name))).toEqual([]);
  });

  it('restores a backup into a fresh store that then backs up to the very same rows', async () => {
    const backup = await runCli(['backup', path('store.backup.gz')], first);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up [\d,]+ rows of \d+ tables \(schema \d{4}-[\w-]+\) to .*store\.backup\.gz\.\n$/);
    const restore = await runCli(['restore', path('store.backup.gz')], second);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/^Restored [\d,]+ rows from .*; the store is now as the backup was\.\n$/);
    expect((await runCli(['backup', path('again.backup.gz')], second)).code).toBe(0);
    // Every table line and row line alike; only the header and manifest carry the time of the backup.
    const body = async (name: string) => gunzipSync(await readFile(path(name))).toString('utf8').split('\n').slice(1, -2);
    const [before, after] = [await body('store.backup.gz'), await body('again.backup.gz')];
    expect(before.length).toBeGreaterThan(1000);
    expect(after).toEqual(before);
  });

  it('refuses to restore over data without --force, and replaces it with --force', async () => {
    const refused = await runCli(['restore', path('store.backup.gz')], second);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(/^clientele: The store is not empty \(.*\)\. A restore replaces everything in it; run it again with --force to do so\.\n$/);
    const forced = await runCli(['restore', path('store.backup.gz'), '--force'], second);
    expect(forced.code, forced.stderr).toBe(0);
  });
});
