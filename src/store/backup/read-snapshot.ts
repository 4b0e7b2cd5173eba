// Reads every table of the store as one consistent snapshot (a repeatable-read transaction, so
// a server writing meanwhile changes nothing the backup sees), a few thousand rows at a time.
// Each row comes out as a JSON array of the values' PostgreSQL text forms, which COPY reads
// back exactly whatever the type: timestamps with their offset, arrays, JSON, booleans.
import { sql } from 'kysely';
import type { Connection } from '../connection.js';
import type { Executor } from '../executor.js';
import { type BackupTable, currentMigration, KEY_OF, rowCounts, tableColumns, unlistedTables } from './backup-tables.js';

export interface Snapshot {
  migration: string;
  counts: Record<BackupTable, number>;
  columns(table: BackupTable): Promise<string[]>;
  /** The table's rows in key order, each a JSON array of text values and nulls. */
  rows(table: BackupTable, columns: readonly string[]): AsyncGenerator<string>;
}

function snapshotOf(db: Executor, migration: string, counts: Record<BackupTable, number>, pageSize: number): Snapshot {
  return {
    migration,
    counts,
    columns: (table) => tableColumns(db, table),
    async *rows(table, columns) {
      const keys = KEY_OF[table];
      const keyList = sql.join(keys.map((k) => sql.ref(k)));
      const values = sql.join(columns.map((c) => sql`${sql.ref(c)}::text`));
      let after: unknown[] | undefined;
      for (;;) {
        const from = after === undefined ? sql`` : sql`where (${keyList}) > (${sql.join(after.map((v) => sql`${v}`))})`;
        const { rows } = await sql<Record<string, unknown> & { line: string }>`select ${sql.join(keys.map((k, i) => sql`${sql.ref(k)} as ${sql.ref(`k${i}`)}`))},
            to_json(array[${values}]::text[])::text as line
          from ${sql.table(table)} ${from} order by ${keyList} limit ${pageSize}`.execute(db);
        for (const row of rows) yield row.line;
        if (rows.length < pageSize) return;
        const last = rows[rows.length - 1]!;
        after = keys.map((_, i) => last[`k${i}`]);
      }
    },
  };
}

/** `pageSize`: rows per read, enough to be quick and few enough to keep memory small. */
export async function readSnapshot<T>(connection: Connection, work: (snapshot: Snapshot) => Promise<T>, pageSize = 5000): Promise<T> {
  const unlisted = await unlistedTables(connection.db);
  if (unlisted.length) throw new Error(`The backup does not know the table${unlisted.length > 1 ? 's' : ''} ${unlisted.join(', ')}; add ${unlisted.length > 1 ? 'them' : 'it'} to BACKUP_TABLES.`);
  return connection.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (trx) =>
    work(snapshotOf(trx, await currentMigration(trx), await rowCounts(trx), pageSize)));
}
