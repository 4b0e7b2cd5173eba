// Opens a fresh, migrated store for one test file on each engine under test: always PGlite,
// and PostgreSQL too when TEST_DATABASE_URL names a server.
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Engine, openPglite, openPostgres } from '../../src/store/connection.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createStore, type Store } from '../../src/store/store.js';

export const ENGINES: Engine[] = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres' as const] : [])];

export interface TestStore {
  store: Store;
  dispose(): Promise<void>;
}

export async function openTestStore(engine: Engine): Promise<TestStore> {
  if (engine === 'pglite') {
    const tarball = await readFile(inject('pgliteTemplate'));
    const connection = await openPglite({ loadDataDir: new Blob([tarball]) });
    return { store: createStore(connection), dispose: () => connection.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `clientele_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const connection = await openPostgres(url.toString(), 4);
  await migrateToLatest(connection.db);
  return {
    store: createStore(connection),
    async dispose() {
      await connection.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      // pg's pool.end() resolves before its sessions have gone; dropping with (force) meanwhile
      // ends them with an error their closed pool has no listener for, failing the test file.
      for (let wait = 0; wait < 50; wait++) {
        const { rows } = await cleanup.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
