import type { Config } from '../config.js';
import { type Connection, openPglite, openPostgres } from './connection.js';
import { type MigrationReport, migrateToLatest } from './migrate.js';
import { createStore, type Store } from './store.js';

/** Opens the store the configuration selects and brings its schema up to date. */
export async function openStore(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  holder: string,
  options: { onMigrated?: (report: MigrationReport) => void } = {},
): Promise<Store> {
  const connection: Connection = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite({ dataDir: config.dataDir, holder });
  try {
    const report = await migrateToLatest(connection.db);
    options.onMigrated?.(report);
    // Imports whose process died are marked interrupted, ready for --resume or a re-run.
    await createStore(connection).importRuns.markInterrupted(connection.engine === 'postgres');
  } catch (error) {
    await connection.close();
    throw error;
  }
  return createStore(connection);
}

export const describeStore = (config: Pick<Config, 'databaseUrl' | 'dataDir'>) =>
  config.databaseUrl ? `PostgreSQL at ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}` : `embedded PGlite in ${config.dataDir}`;
