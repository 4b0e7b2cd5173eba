import { sql, type Kysely } from 'kysely';

/**
 * An import run whose process died (killed, out of memory, power cut) stayed `running` for
 * ever. It is now marked `interrupted` when the store next opens, and can be resumed from its
 * last committed row, or from the start when it died before its first batch.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table import_runs drop constraint import_runs_status_check`.execute(db);
  await sql`alter table import_runs add constraint import_runs_status_check
    check (status in ('running', 'committed', 'failed', 'rejected', 'interrupted'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update import_runs set status = 'failed' where status = 'interrupted'`.execute(db);
  await sql`alter table import_runs drop constraint import_runs_status_check`.execute(db);
  await sql`alter table import_runs add constraint import_runs_status_check
    check (status in ('running', 'committed', 'failed', 'rejected'))`.execute(db);
}
