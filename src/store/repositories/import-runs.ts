import { sql } from 'kysely';
import type { Executor } from '../executor.js';
import { isoRequired } from '../executor.js';

export type ImportRunStatus = 'running' | 'committed' | 'failed' | 'rejected' | 'interrupted';

/** The first key of the advisory locks an importing process holds on PostgreSQL, one per run. */
const RUN_LOCK_CLASS = 0x494d5052;
const lockKey = (id: number) => id % 2147483647;

export interface ImportRun {
  id: number;
  target: string;
  fileName: string;
  fileSha256: string;
  status: ImportRunStatus;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  lastCommittedRow: number;
  report: unknown;
  startedAt: string;
  finishedAt: string | null;
}

const STAGING_TABLES = ['staging_accounts', 'staging_contacts', 'staging_products', 'staging_orders', 'staging_order_lines', 'staging_interactions'];

export function importRunsRepository(db: Executor) {
  const toRun = (row: Record<string, unknown>): ImportRun => ({
    id: Number(row.id),
    target: String(row.target),
    fileName: String(row.file_name),
    fileSha256: String(row.file_sha256),
    status: row.status as ImportRunStatus,
    rowsRead: Number(row.rows_read),
    rowsWritten: Number(row.rows_written),
    rowsRejected: Number(row.rows_rejected),
    lastCommittedRow: Number(row.last_committed_row),
    report: row.report ?? null,
    startedAt: isoRequired(row.started_at as Date),
    finishedAt: row.finished_at ? isoRequired(row.finished_at as Date) : null,
  });

  return {
    async create(run: { target: string; fileName: string; fileSha256: string; options: unknown; startedBy: number | null }): Promise<ImportRun> {
      const { rows } = await sql<Record<string, unknown>>`insert into import_runs (target, file_name, file_sha256, options, status, started_by)
        values (${run.target}, ${run.fileName}, ${run.fileSha256}, ${JSON.stringify(run.options)}::jsonb, 'running', ${run.startedBy || null})
        returning *`.execute(db);
      return toRun(rows[0]!);
    },

    async get(id: number): Promise<ImportRun | undefined> {
      const { rows } = await sql<Record<string, unknown>>`select * from import_runs where id = ${id}`.execute(db);
      return rows[0] && toRun(rows[0]);
    },

    async list(limit = 50): Promise<ImportRun[]> {
      const { rows } = await sql<Record<string, unknown>>`select * from import_runs order by id desc limit ${limit}`.execute(db);
      return rows.map(toRun);
    },

    /** The last run of this file into this target that stopped before the end. */
    async resumable(fileSha256: string, target: string): Promise<ImportRun | undefined> {
      const { rows } = await sql<Record<string, unknown>>`select * from import_runs
        where file_sha256 = ${fileSha256} and target = ${target} and status in ('interrupted', 'failed')
        order by id desc limit 1`.execute(db);
      return rows[0] && toRun(rows[0]);
    },

    /** A run taken up again by --resume: running once more, until it finishes. */
    async reopen(id: number) {
      await sql`update import_runs set status = 'running', finished_at = null where id = ${id}`.execute(db);
    },

    /**
     * Marks the runs whose process died as interrupted; returns their ids. On PGlite one
     * process holds the store, so every run still running when it opens is dead. On PostgreSQL
     * a live importer holds its run's advisory lock: only runs whose lock is free are dead.
     */
    async markInterrupted(checkLocks: boolean): Promise<number[]> {
      const { rows } = checkLocks
        ? await sql<{ id: string | number }>`update import_runs set status = 'interrupted', finished_at = now()
            where status = 'running' and pg_try_advisory_xact_lock(${RUN_LOCK_CLASS}, (id % 2147483647)::int) returning id`.execute(db)
        : await sql<{ id: string | number }>`update import_runs set status = 'interrupted', finished_at = now()
            where status = 'running' returning id`.execute(db);
      return rows.map((r) => Number(r.id));
    },

    /**
     * Holds the run's advisory lock on a connection of its own until the returned function is
     * called, so other processes see the run is alive (PostgreSQL only; the lock dies with the process).
     */
    async holdRunLock(id: number): Promise<() => Promise<void>> {
      let release!: () => void;
      const released = new Promise<void>((resolve) => { release = resolve; });
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => { locked = resolve; });
      const held = db.connection().execute(async (conn) => {
        await sql`select pg_advisory_lock(${RUN_LOCK_CLASS}, ${lockKey(id)}::int)`.execute(conn);
        locked();
        await released;
        await sql`select pg_advisory_unlock(${RUN_LOCK_CLASS}, ${lockKey(id)}::int)`.execute(conn);
      });
      await Promise.race([isLocked, held]);
      return async () => { release(); await held; };
    },

    async progress(id: number, fields: { rowsRead?: number; rowsWritten?: number; rowsRejected?: number; lastCommittedRow?: number }) {
      await sql`update import_runs set
          rows_read = coalesce(${fields.rowsRead ?? null}, rows_read),
          rows_written = rows_written + ${fields.rowsWritten ?? 0},
          rows_rejected = rows_rejected + ${fields.rowsRejected ?? 0},
          last_committed_row = coalesce(${fields.lastCommittedRow ?? null}, last_committed_row)
        where id = ${id}`.execute(db);
    },

    async finish(id: number, status: ImportRunStatus, report: unknown) {
      await sql`update import_runs set status = ${status}, report = ${JSON.stringify(report)}::jsonb, finished_at = now() where id = ${id}`.execute(db);
    },

    async clearStaging(runId: number) {
      for (const table of STAGING_TABLES) await sql`delete from ${sql.table(table)} where run_id = ${runId}`.execute(db);
    },
  };
}
