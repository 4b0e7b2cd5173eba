import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { backupStore, restoreStore } from '../../src/services/backup.js';
import { createApiToken, createUser, signIn } from '../../src/services/auth.js';
import { REP_VISIBILITY_KEY } from '../../src/services/context.js';
import { loadDemoPortfolio } from '../../src/services/demo/load-demo-portfolio.js';
import { runImport } from '../../src/services/import/run-import.js';
import { SignInThrottle } from '../../src/services/sign-in-throttle.js';
import { BACKUP_TABLES, currentMigration, KEY_OF, unlistedTables } from '../../src/store/backup/backup-tables.js';
import type { Store } from '../../src/store/store.js';
import { tempFolder } from '../support/temp-files.js';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';

const expectError = (promise: Promise<unknown>, code: string, message: RegExp) =>
  expect(promise).rejects.toMatchObject({ name: 'ClienteleError', code, message: expect.stringMatching(message) });

/** Every row of every backed-up table, ids included, as JSON text in key order. */
async function dump(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of BACKUP_TABLES) {
    const { rows } = await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(table)} t order by ${sql.join(KEY_OF[table].map((k) => sql.ref(k)))}`.execute(store.connection.db);
    out[table] = rows.map((r) => r.row);
  }
  return out;
}

/** Rewrites a backup's lines and fixes up the manifest's checksums, as a careful forger would. */
async function rewriteBackup(from: string, to: string, edit: (lines: string[]) => string[]) {
  const lines = edit(gunzipSync(await readFile(from)).toString('utf8').trimEnd().split('\n'));
  const manifestAt = lines.findIndex((l) => l.startsWith('{"manifest"'));
  const manifest = JSON.parse(lines[manifestAt]!) as { manifest: { tables: Record<string, { rows: number; sha256: string }> } };
  let table = '';
  const hashes = new Map<string, ReturnType<typeof createHash>>();
  const counts = new Map<string, number>();
  for (const line of lines.slice(1, manifestAt)) {
    if (line.startsWith('{')) {
      table = (JSON.parse(line) as { table: string }).table;
      hashes.set(table, createHash('sha256'));
      counts.set(table, 0);
    } else {
      hashes.get(table)!.update(`${line}\n`);
      counts.set(table, counts.get(table)! + 1);
    }
  }
  for (const [name, hash] of hashes) manifest.manifest.tables[name] = { rows: counts.get(name)!, sha256: hash.digest('hex') };
  lines[manifestAt] = JSON.stringify(manifest);
  await writeFile(to, gzipSync(`${lines.join('\n')}\n`));
}

describe.each(ENGINES)('backup and restore on %s', (engine) => {
  let source: TestStore;
  let target: TestStore;
  let files: Awaited<ReturnType<typeof tempFolder>>;
  let original: Record<string, string[]>;
  let backupPath: string;

  beforeAll(async () => {
    files = await tempFolder('backup');
    source = await openTestStore(engine);
    target = await openTestStore(engine);
    const store = source.store;
    const admin = await createUser(store, { email: 'admin@example.com', name: 'Admin', role: 'admin', password: 'a long enough password' });
    const ctx = { store, actor: { userId: admin.id, role: 'admin' as const } };
    await loadDemoPortfolio(ctx, { accounts: 25, seed: 7, endDate: '2025-06-01T00:00:00.000Z' });
    await createApiToken(store, admin.id, 'nightly export');
    await signIn(store, new SignInThrottle(), 'admin@example.com', 'a long enough password', '127.0.0.1');
    await store.settings.set(REP_VISIBILITY_KEY, 'own');
    const csv = await files.write('new.csv', 'externalId,name,country,tags\nNEW-1,"Quote ""and"" comma, Ltd",FR,a;b\n');
    const report = await runImport(store, { target: 'accounts', path: csv, actor: SYSTEM_ACTOR });
    expect(report.status).toBe('committed');
    // A gap in the ids: the restore must keep ids as they are, not renumber.
    const spare = await store.accounts.insert({ name: 'Deleted soon' });
    await store.accounts.delete(spare.id);
    // Merge traces, whose composite key must page and restore like any other.
    await sql`insert into merged_records (entity, old_id, new_id) values ${sql.join(Array.from({ length: 20 }, (_, i) => sql`(${i % 2 ? 'account' : 'contact'}, ${9000 + Math.floor(i / 2)}, ${spare.id - 1})`))}`.execute(store.connection.db);
    original = await dump(store);
    backupPath = files.path('store.backup.gz');
  });
  afterAll(async () => {
    await source?.dispose();
    await target?.dispose();
    await files?.remove();
  });

  it('knows every table of the schema but the staging ones, so a new table cannot be left out unnoticed', async () => {
    expect(await unlistedTables(source.store.connection.db)).toEqual([]);
    await sql`create table notes_nobody_backs_up (id int)`.execute(target.store.connection.db);
    try {
      await expect(backupStore(target.store, files.path('never.gz'))).rejects.toThrow('The backup does not know the table notes_nobody_backs_up');
    } finally {
      await sql`drop table notes_nobody_backs_up`.execute(target.store.connection.db);
    }
    await expect(stat(files.path('never.gz.partial'))).rejects.toThrow(/ENOENT/);
  });

  it('writes every table, with counts that match the store', async () => {
    // Pages of 7 rows: every table is read across many page boundaries, composite keys included.
    const summary = await backupStore(source.store, backupPath, { pageSize: 7 });
    expect(summary.migration).toBe(await currentMigration(source.store.connection.db));
    for (const table of BACKUP_TABLES) expect(summary.tables[table], table).toBe(original[table]!.length);
    for (const table of ['users', 'sessions', 'api_tokens', 'settings', 'accounts', 'account_status_changes', 'contacts', 'products',
      'orders', 'order_lines', 'interactions', 'tasks', 'audit_log', 'import_runs', 'merged_records'] as const) {
      expect(summary.tables[table], table).toBeGreaterThan(0);
    }
    expect((await stat(backupPath)).mode & 0o077).toBe(0);
  });

  it('restores every table row by row, ids included, into an empty store', async () => {
    const summary = await restoreStore(target.store, backupPath);
    expect(summary.rows).toBe(Object.values(original).reduce((n, rows) => n + rows.length, 0));
    expect(await dump(target.store)).toEqual(original);
  });

  it('gives new rows fresh ids after the restore', async () => {
    const maxId = Math.max(...original.accounts!.map((row) => (JSON.parse(row) as { id: number }).id));
    const account = await target.store.accounts.insert({ name: 'After the restore' });
    expect(account.id).toBeGreaterThan(maxId);
    const user = await createUser(target.store, { email: 'new@example.com', name: 'New', role: 'rep', password: 'a long enough password' });
    expect(user.id).toBeGreaterThan(Math.max(...original.users!.map((row) => (JSON.parse(row) as { id: number }).id)));
  });

  it('refuses a store that is not empty, unless forced, and then replaces everything', async () => {
    await expectError(restoreStore(target.store, backupPath), 'conflict', /not empty.*--force/);
    await restoreStore(target.store, backupPath, { force: true });
    expect(await dump(target.store)).toEqual(original);
  });

  it('refuses a truncated file with a clear reason and leaves the store untouched', async () => {
    const whole = await readFile(backupPath);
    const cut = await files.write('cut.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    await expectError(restoreStore(target.store, cut, { force: true }), 'invalid', /ends early.*Nothing was changed/);
    expect(await dump(target.store)).toEqual(original);
  });

  it('refuses a file whose rows do not match their checksum', async () => {
    const lines = gunzipSync(await readFile(backupPath)).toString('utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('Deleted soon') || l.includes('NEW-1'));
    lines[at] = lines[at]!.replace('NEW-1', 'NEW-2');
    const altered = await files.write('altered.gz', gzipSync(lines.join('\n')));
    await expectError(restoreStore(target.store, altered, { force: true }), 'invalid', /table accounts do not match their checksum/);
    expect(await dump(target.store)).toEqual(original);
  });

  it('rolls everything back, the emptying included, when the database refuses a row', async () => {
    const refused = files.path('refused.gz');
    await rewriteBackup(backupPath, refused, (lines) => lines.map((line) => line.replace('"invoiced"', '"lost in the post"')));
    await expectError(restoreStore(target.store, refused, { force: true }), 'invalid', /refused the backup's table orders.*Nothing was changed/);
    expect(await dump(target.store)).toEqual(original);
  });

  it('refuses a backup taken at another schema migration', async () => {
    const older = files.path('older.gz');
    const current = await currentMigration(target.store.connection.db);
    await rewriteBackup(backupPath, older, (lines) => lines.map((line, i) => (i === 0 || line.startsWith('{"manifest"') ? line.replace(current, '0001-customer-file') : line)));
    await expectError(restoreStore(target.store, older, { force: true }), 'invalid', new RegExp(`taken at schema 0001-customer-file and this store is at ${current}: restore it with the Clientele version that wrote it`));
  });

  it.runIf(engine === 'postgres')('moves a store between PostgreSQL and the embedded engine both ways', async () => {
    const embedded = await openTestStore('pglite');
    try {
      await restoreStore(embedded.store, backupPath);
      expect(await dump(embedded.store)).toEqual(original);
      const fromPglite = files.path('from-pglite.gz');
      await backupStore(embedded.store, fromPglite);
      await restoreStore(target.store, fromPglite, { force: true });
      expect(await dump(target.store)).toEqual(original);
    } finally {
      await embedded.dispose();
    }
  });

  it('refuses a file that is not a backup at all', async () => {
    const csv = await files.write('accounts.csv', 'name\nAcme\n');
    await expectError(restoreStore(target.store, csv), 'invalid', /not a gzip file/);
    const gz = await files.write('accounts.csv.gz', gzipSync('name\nAcme\n'));
    await expectError(restoreStore(target.store, gz), 'invalid', /not a Clientele backup/);
    await expectError(restoreStore(target.store, files.path('missing.gz')), 'not_found', /There is no file/);
  });
});
