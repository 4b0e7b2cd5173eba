// A fingerprint of every table, to prove that a request changed nothing: the fuzz, hostile-input
// and atomicity tests compare the fingerprints taken before and after each refused request.
// A committed insert or delete changes a table's row count, and an update (or an insert) gives
// a row the newest transaction id; so row count and newest xmin together change on any
// committed write, and are cheap to read. Tables that every authenticated request touches
// (a token's last use) are hashed instead, without those columns.
import { sql } from 'kysely';
import type { Store } from './store.js';

const VOLATILE: Record<string, string[]> = { api_tokens: ['last_used_at'] };

/** Table name → a string that changes whenever a write to the table commits. */
export async function tableDigests(store: Store): Promise<Record<string, string>> {
  const db = store.connection.db;
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  if (!tables.length) return {};
  const parts = tables.map(({ name }) => {
    const volatile = VOLATILE[name];
    const row = sql`(to_jsonb(t) - ${volatile ?? []}::text[])::text`;
    return volatile
      ? sql`select ${name}::text as name, md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as digest from ${sql.table(name)} t`
      : sql`select ${name}::text as name, count(*)::text || ':' || coalesce(max(t.xmin::text::bigint), 0)::text as digest from ${sql.table(name)} t`;
  });
  const { rows } = await sql<{ name: string; digest: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}
