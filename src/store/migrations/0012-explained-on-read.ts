import { sql, type Kysely } from 'kysely';

/**
 * A run no longer writes every account's explanation: it keeps the class codes and the few
 * figures that place an account among the others (its rank in its value ranking and the revenue
 * above it, the active customers sharing its profile, its peer group and benchmark, its recovery
 * ranks), and the explanation is worked out when the account is read
 * (analytics/portfolio/explain-account.ts). `reasons` stays for the runs stored before, which
 * read as they always did, and for accounts placed again after an order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table account_classes
      alter column reasons drop not null,
      add column abc_rank integer,
      add column abc_above_cents bigint,
      add column alike_customers integer,
      add column peer_group smallint,
      add column peer_count integer,
      add column peer_benchmark_cents bigint,
      add column recovery_revenue_rank double precision,
      add column recovery_frequency_rank double precision`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from analysis_runs r where exists (select 1 from account_classes c where c.run_id = r.id and c.reasons is null)`.execute(db);
  await sql`
    alter table account_classes
      drop column abc_rank, drop column abc_above_cents, drop column alike_customers, drop column peer_group, drop column peer_count,
      drop column peer_benchmark_cents, drop column recovery_revenue_rank, drop column recovery_frequency_rank,
      alter column reasons set not null`.execute(db);
}
