import { sql, type Kysely } from 'kysely';

/**
 * Movements between two runs join 100,000 rows of one run with 100,000 of another. The rows
 * themselves are wide (the reasons JSON makes them over a kilobyte each), so reading them from
 * the table took over a second. These two indexes carry the class columns, so the join is
 * answered from the indexes alone (once a vacuum has marked the pages visible, which every run
 * does):
 * - by account within a run: the pairs of classes counted per account, and the lookup of an
 *   account's class in the earlier run;
 * - by revenue within a run: the accounts that moved, largest first, read in order and stopped
 *   at the page asked for instead of sorting the whole run.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index account_classes_run_account_classes_idx on account_classes (run_id, account_id)
      include (status, volume_tier, frequency, abc, rfm_segment, period_revenue_cents)`.execute(db);
  await sql`
    create index account_classes_run_revenue_idx on account_classes (run_id, period_revenue_cents desc, account_id)
      include (status, volume_tier, frequency, abc, rfm_segment)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists account_classes_run_revenue_idx`.execute(db);
  await sql`drop index if exists account_classes_run_account_classes_idx`.execute(db);
}
