// What a backup reads and a restore writes: the tables in one consistent snapshot, their row
// counts, the migration they are at, and loading them back with COPY (src/store/backup/).
import { currentMigration, rowCounts } from '../backup/backup-tables.js';
import { loadTables, type TableLoader } from '../backup/load-tables.js';
import { readSnapshot, type Snapshot } from '../backup/read-snapshot.js';
import type { Connection } from '../connection.js';
import type { Executor } from '../executor.js';

export function backupsRepository(connection: Connection, db: Executor) {
  return {
    currentMigration: () => currentMigration(db),
    rowCounts: () => rowCounts(db),
    readSnapshot: <T>(work: (snapshot: Snapshot) => Promise<T>, pageSize?: number) => readSnapshot(connection, work, pageSize),
    loadTables: <T>(work: (loader: TableLoader) => Promise<T>) => loadTables(connection, work),
  };
}
