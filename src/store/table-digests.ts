// A fingerprint of every table's content, to prove that a request changed nothing: the fuzz
// and hostile-input tests compare the digests taken before and after each refused request.
import { sql } from 'kysely';
import type { Store } from './store.js';

/** Columns every authenticated request may touch, whatever it asked (a token's last use). */
const VOLATILE: Record<string, string[]> = { api_tokens: ['last_used_at'], sessions: ['last_seen_at', 'expires_at'] };

/** Table name → md5 of its rows (as JSON, volatile columns left out), in a stable order. */
export async function tableDigests(store: Store): Promise<Record<string, string>> {
  const db = store.connection.db;
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  const parts = tables.map(({ name }) => sql`select ${name}::text as name,
      md5(coalesce(string_agg((to_jsonb(t) - ${VOLATILE[name] ?? []}::text[])::text, '|' order by (to_jsonb(t) - ${VOLATILE[name] ?? []}::text[])::text), '')) as digest
    from ${sql.table(name)} t`);
  if (!parts.length) return {};
  const { rows } = await sql<{ name: string; digest: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}
