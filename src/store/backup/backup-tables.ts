// The tables a backup holds, in the order a restore loads them (a table after those it refers
// to), each with the unique key its rows are read in order of. Staging tables are left out:
// they hold nothing between imports.
import { sql } from 'kysely';
import type { Executor } from '../executor.js';

export const BACKUP_TABLES = [
  'users', 'sessions', 'api_tokens', 'settings', 'accounts', 'account_status_changes', 'contacts', 'products', 'exchange_rates', 'orders',
  'order_lines', 'interactions', 'tasks', 'audit_log', 'import_runs', 'merged_records', 'analysis_runs', 'account_classes',
] as const;

/** Tables the store derives from others (triggers fill them as a restore loads their sources). */
export const DERIVED_TABLES = ['account_purchases'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export const isBackupTable = (name: string): name is BackupTable => (BACKUP_TABLES as readonly string[]).includes(name);

/** The primary key rows are paged by. */
export const KEY_OF: Record<BackupTable, readonly string[]> = {
  users: ['id'], sessions: ['token_hash'], api_tokens: ['id'], settings: ['key'], accounts: ['id'], account_status_changes: ['id'],
  contacts: ['id'], products: ['id'], exchange_rates: ['currency', 'day'], orders: ['id'], order_lines: ['id'], interactions: ['id'], tasks: ['id'], audit_log: ['id'],
  import_runs: ['id'], merged_records: ['entity', 'old_id'], analysis_runs: ['id'], account_classes: ['run_id', 'account_id'],
};

const IGNORED = /^(staging_.*|clientele_migrations(_lock)?)$/;

/** Tables of the schema a backup would miss: a migration added one without teaching the backup about it. */
export async function unlistedTables(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.map((r) => r.name)
    .filter((name) => !IGNORED.test(name) && !isBackupTable(name) && !(DERIVED_TABLES as readonly string[]).includes(name));
}

export async function tableColumns(db: Executor, table: BackupTable): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select column_name as name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER' order by ordinal_position`.execute(db);
  return rows.map((r) => r.name);
}

/** The last migration applied: a backup restores only into a store at the same schema. */
export async function currentMigration(db: Executor): Promise<string> {
  const { rows } = await sql<{ name: string }>`select name from clientele_migrations order by name desc limit 1`.execute(db);
  return rows[0]?.name ?? '';
}

export async function rowCounts(db: Executor): Promise<Record<BackupTable, number>> {
  const counts = {} as Record<BackupTable, number>;
  for (const table of BACKUP_TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}
