import { sql, type Kysely } from 'kysely';

/**
 * Two figures lists and counts read for every account of a run, kept as columns instead of
 * being dug out of each row's reasons JSON: the revenue an account's ABC class ranks on (the
 * period's, or a quiet account's last active year: the list's value sort and the recovery
 * list's total), and its median days between purchases (the overview's typical rhythm of the
 * accounts buying now). Reading JSON row by row is what made those reads grow with the
 * portfolio; the explanations themselves stay where they are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table account_classes add column value_cents bigint, add column median_gap_days double precision`.execute(db);
  await sql`
    update account_classes set
      value_cents = round((reasons->'abc'->'figures'->>'revenue')::numeric)::bigint,
      median_gap_days = (reasons->'summary'->>'medianGapDays')::double precision`.execute(db);
  await sql`create index account_classes_run_value_idx on account_classes (run_id, value_cents desc, account_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists account_classes_run_value_idx`.execute(db);
  await sql`alter table account_classes drop column value_cents, drop column median_gap_days`.execute(db);
}
