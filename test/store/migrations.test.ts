import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, NO_MIGRATIONS } from 'kysely';
import { migrateToLatest } from '../../src/store/migrate.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';

describe.each(ENGINES)('migrations on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  const appliedNames = async () =>
    (await store.connection.db.selectFrom('clientele_migrations' as never).select('name' as never).orderBy('name' as never).execute())
      .map((row) => (row as { name: string }).name);

  it('applies nothing when the schema is already at the latest version', async () => {
    expect(await migrateToLatest(store.connection.db)).toEqual({ applied: [] });
    expect(await migrateToLatest(store.connection.db)).toEqual({ applied: [] });
    expect(await appliedNames()).toEqual(Object.keys(await migrationProvider.getMigrations()).sort());
  });

  it('undoes every migration and applies them again once each, in order', async () => {
    const migrator = new Migrator({
      db: store.connection.db, provider: migrationProvider,
      migrationTableName: 'clientele_migrations', migrationLockTableName: 'clientele_migrations_lock',
    });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(await appliedNames()).toEqual([]);
    const all = Object.keys(await migrationProvider.getMigrations()).sort();
    expect(await migrateToLatest(store.connection.db)).toEqual({ applied: all });
    expect(await migrateToLatest(store.connection.db)).toEqual({ applied: [] });
    const account = await store.accounts.insert({ name: 'After the round trip' });
    expect(await store.accounts.get(account.id)).toEqual(account);
  });

  it('keeps money goal targets that were stored in cents as the decimal strings they meant, and counts as they were', async () => {
    const migrator = new Migrator({
      db: store.connection.db, provider: migrationProvider,
      migrationTableName: 'clientele_migrations', migrationLockTableName: 'clientele_migrations_lock',
    });
    const period = { start: '2026-01-01', end: '2026-12-31' };
    // The goals as the settings API stored them before targets were amounts: money in cents.
    const before = [
      { metric: 'revenue', target: 250000, comparator: 'atLeast', period },
      { metric: 'averageTicket', target: 2550, comparator: 'atMost', period },
      { metric: 'activeAccounts', target: 50, comparator: 'atLeast', period },
    ];
    expect((await migrator.migrateTo('0007-incremental-purchase-days')).error).toBeUndefined();
    await store.settings.set('portfolio.goals', before);
    await migrateToLatest(store.connection.db);
    expect((await store.settings.get<{ target: unknown }[]>('portfolio.goals'))!.map((g) => g.target)).toEqual(['2500.00', '25.50', 50]);
    expect((await migrator.migrateTo('0007-incremental-purchase-days')).error).toBeUndefined();
    expect(await store.settings.get('portfolio.goals')).toEqual(before);
    await migrateToLatest(store.connection.db);
  });
});
