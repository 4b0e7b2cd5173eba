import { sql, type Kysely } from 'kysely';

/**
 * Where merged records went. Merging deletes the record merged away, but its id lives on in
 * links, exports and people's notes: a lookup of the old id can then answer "merged into N".
 * No foreign key: the old id no longer exists, and the new one may later be merged again
 * (the trace is then re-pointed) or deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table merged_records (
      entity text not null check (entity in ('account', 'contact')),
      old_id bigint not null,
      new_id bigint not null,
      merged_at timestamptz(3) not null default now(),
      merged_by bigint references users(id) on delete set null,
      primary key (entity, old_id)
    )`.execute(db);
  await sql`create index merged_records_new_idx on merged_records (entity, new_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists merged_records`.execute(db);
}
