// Loads a backup's tables with COPY in one transaction: it lands whole or not at all. COPY
// writes the ids it is given even into `generated always` identity columns; afterwards each
// identity sequence is moved past the largest id, so new rows get fresh ids.
import { sql } from 'kysely';
import type { Connection } from '../connection.js';
import { csvRow } from '../csv-rows.js';
import type { Executor } from '../executor.js';
import { BACKUP_TABLES, type BackupTable, DERIVED_TABLES, KEY_OF, rowCounts, tableColumns } from './backup-tables.js';

export interface TableLoader {
  counts(): Promise<Record<BackupTable, number>>;
  columns(table: BackupTable): Promise<string[]>;
  /** Deletes every row of every backed-up table, and the staging tables' leftovers. */
  empty(): Promise<void>;
  copy(table: BackupTable, columns: readonly string[], rows: AsyncIterable<readonly (string | null)[]>): Promise<void>;
  restartIdentities(): Promise<void>;
}

async function stagingTables(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_name like 'staging\\_%' order by table_name`.execute(db);
  return rows.map((r) => r.name);
}

export async function loadTables<T>(connection: Connection, work: (loader: TableLoader) => Promise<T>): Promise<T> {
  return connection.copyTransaction(async ({ db, copyCsv }) => work({
    counts: () => rowCounts(db),
    columns: (table) => tableColumns(db, table),
    async empty() {
      const tables = [...BACKUP_TABLES, ...DERIVED_TABLES, ...(await stagingTables(db))];
      await sql`truncate table ${sql.join(tables.map((t) => sql.table(t)))} restart identity`.execute(db);
    },
    async copy(table, columns, rows) {
      // Rows joined into pieces of a thousand: fewer, larger writes to COPY.
      async function* chunks() {
        let batch: string[] = [];
        for await (const values of rows) {
          batch.push(csvRow(values));
          if (batch.length >= 1000) {
            yield batch.join('');
            batch = [];
          }
        }
        if (batch.length) yield batch.join('');
      }
      await copyCsv(table, [...columns], chunks());
    },
    async restartIdentities() {
      for (const table of BACKUP_TABLES) {
        if (KEY_OF[table].join() !== 'id') continue;
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 0) + 1, false) from ${sql.table(table)}`.execute(db);
      }
    },
  }));
}
