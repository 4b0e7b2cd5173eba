import { sql, type Kysely } from 'kysely';

/**
 * Money goal targets (revenue, average ticket) were kept as numbers in cents, while people typed
 * them in currency units: a target of 2500 meant 25.00. They are now kept as decimal strings in
 * the currency unit, as the API gives and takes them. A stored number is what the analysis
 * measured against, so it is converted as cents: 2500 becomes "25.00" (the settings page shows
 * it, and whoever meant 2,500 sets it again). Counts and rates keep their numbers.
 */
const MONEY_METRICS = sql`('revenue', 'averageTicket')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update settings set value = (
      select coalesce(jsonb_agg(
        case when g->>'metric' in ${MONEY_METRICS} and jsonb_typeof(g->'target') = 'number'
          then jsonb_set(g, '{target}', to_jsonb((round((g->>'target')::numeric) / 100)::numeric(17, 2)::text))
          else g end
        order by n), '[]'::jsonb)
      from jsonb_array_elements(value) with ordinality as e(g, n))
    where key = 'portfolio.goals' and jsonb_typeof(value) = 'array'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    update settings set value = (
      select coalesce(jsonb_agg(
        case when g->>'metric' in ${MONEY_METRICS} and jsonb_typeof(g->'target') = 'string'
          then jsonb_set(g, '{target}', to_jsonb(((g->>'target')::numeric * 100)::bigint))
          else g end
        order by n), '[]'::jsonb)
      from jsonb_array_elements(value) with ordinality as e(g, n))
    where key = 'portfolio.goals' and jsonb_typeof(value) = 'array'`.execute(db);
}
