import type { Config } from '../config.js';
import { type Connection, openPglite, openPostgres } from './connection.js';
import { migrateToLatest } from './migrate.js';
import { createStore, type Store } from './store.js';

/** Opens the store the configuration selects and brings its schema up to date. */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>, holder: string): Promise<Store> {
  const connection: Connection = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite({ dataDir: config.dataDir, holder });
  try {
    await migrateToLatest(connection.db);
  } catch (error) {
    await connection.close();
    throw error;
  }
  return createStore(connection);
}

export const describeStore = (config: Pick<Config, 'databaseUrl' | 'dataDir'>) =>
  config.databaseUrl ? `PostgreSQL at ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}` : `embedded PGlite in ${config.dataDir}`;
