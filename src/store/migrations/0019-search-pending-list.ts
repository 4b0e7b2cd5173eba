import { sql, type Kysely } from 'kysely';

/**
 * The account search's trigram index (and the tags' index) keep new entries in a pending list
 * that every search reads in full until it is merged into the index: up to 4 MB by default.
 * After a bulk write of a few thousand accounts that list made the index dearer than reading
 * the whole table, and the planner did so (a Seq Scan of accounts for every search; found by
 * test/store/hot-query-plans.test.ts). Merged at 256 kB instead, a search never reads more
 * than 32 pending pages; bulk loads also merge the list when they finish (bulk-load.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter index accounts_search_idx set (gin_pending_list_limit = 256)`.execute(db);
  await sql`alter index accounts_tags_idx set (gin_pending_list_limit = 256)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter index accounts_search_idx reset (gin_pending_list_limit)`.execute(db);
  await sql`alter index accounts_tags_idx reset (gin_pending_list_limit)`.execute(db);
}
