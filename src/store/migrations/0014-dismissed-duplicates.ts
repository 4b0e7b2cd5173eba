import { sql, type Kysely } from 'kysely';

/**
 * Pairs of accounts or contacts someone looked at and declared "not a duplicate": the duplicate
 * finder leaves them out from then on, for everyone, until the decision is undone. A pair is
 * stored once, smaller id first. No foreign key: an entity column serves two tables, and a
 * record merged or deleted later simply leaves a row that can no longer match (ids are never
 * given again); merging removes the rows of the record merged away.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dismissed_duplicates (
      entity text not null check (entity in ('account', 'contact')),
      low_id bigint not null,
      high_id bigint not null,
      dismissed_at timestamptz(3) not null default now(),
      dismissed_by bigint references users(id) on delete set null,
      primary key (entity, low_id, high_id),
      check (low_id < high_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists dismissed_duplicates`.execute(db);
}
