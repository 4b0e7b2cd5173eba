// Staged accounts → the customer file. Upserts by external id, or by name and country for rows
// without one; only the columns the file provides are written, and a row equal to what is
// stored changes nothing (not even updated_at), so importing the same file twice is a no-op.
import { sql } from 'kysely';
import type { Executor } from '../executor.js';
import { insertAccountsAudited } from './created-accounts.js';
import { collectProblems, count, type MergeOptions, type MergeResult } from './merge-result.js';

const FIELD_COLUMNS: Record<string, string> = {
  externalId: 'external_id', name: 'name', kind: 'kind', status: 'status', sector: 'sector', segment: 'segment', size: 'size',
  relationshipType: 'relationship_type', country: 'country', region: 'region', city: 'city', postalCode: 'postal_code',
  website: 'website', email: 'email', phone: 'phone', ownerEmail: 'owner_id', tags: 'tags', hasInterest: 'has_interest',
  hasFinancialCapacity: 'has_financial_capacity', customFields: 'custom_fields', customerSince: 'customer_since',
};

/** The staged value of a column, with the owner's email resolved to a user id. */
const staged = (column: string) => (column === 'owner_id' ? 'u.id' : column === 'tags' ? "coalesce(s.tags, '{}')" : column === 'custom_fields' ? "coalesce(s.custom_fields, '{}'::jsonb)" : `s.${column}`);

export async function mergeAccounts(db: Executor, options: MergeOptions): Promise<MergeResult> {
  const { runId } = options;
  const rejected = await collectProblems(db, 'staging_accounts', runId, [
    sql`select row_no, 'externalId' as column, external_id as value, 'externalId ' || external_id || ' already appears at row ' || first_row || ' of this file' as reason
        from (select row_no, external_id, first_value(row_no) over (partition by external_id order by row_no) as first_row
              from staging_accounts where run_id = ${runId} and external_id is not null) d where row_no <> first_row`,
    sql`select s.row_no, 'ownerEmail' as column, s.owner_email as value, 'no user has the email ' || s.owner_email as reason
        from staging_accounts s left join users u on lower(u.email) = s.owner_email
        where s.run_id = ${runId} and s.owner_email is not null and u.id is null`,
  ], options.skipInvalid);
  if (rejected.length && !options.skipInvalid) return { inserted: 0, updated: 0, unchanged: 0, rejected };

  await sql`create temp table import_account_match on commit drop as
    select s.row_no, coalesce(by_id.id, by_name.id) as account_id
    from staging_accounts s
    left join accounts by_id on s.external_id is not null and by_id.external_id = s.external_id
    left join lateral (select a.id from accounts a where s.external_id is null and lower(a.name) = lower(s.name)
                       and a.country is not distinct from s.country order by a.id limit 1) by_name on true
    where s.run_id = ${runId}`.execute(db);

  const columns = options.fields.map((f) => FIELD_COLUMNS[f]).filter((c): c is string => !!c && c !== 'external_id');
  const changed = columns.map((c) => `a.${c} is distinct from ${staged(c)}`).join(' or ') || 'false';
  const assignments = columns.map((c) => `${c} = ${staged(c)}`).join(', ');
  const diff = columns.map((c) => `case when old.${c} is distinct from ${staged(c)} then jsonb_build_object('${c}', jsonb_build_array(to_jsonb(old.${c}), to_jsonb(${staged(c)}))) else '{}'::jsonb end`).join(' || ') || "'{}'::jsonb";

  let updated = 0;
  if (columns.length) {
    updated = await count(db, sql<{ n: number }>`with changed as (
        update accounts a set ${sql.raw(assignments)}, search_text = s.search_text, updated_at = now(),
          status_changed_at = case when ${sql.raw(columns.includes('status') ? 'a.status is distinct from s.status' : 'false')} then now() else a.status_changed_at end
        from staging_accounts s join import_account_match m on m.row_no = s.row_no
          left join users u on lower(u.email) = s.owner_email, accounts old
        where s.run_id = ${runId} and a.id = m.account_id and old.id = a.id and (${sql.raw(changed)})
        returning a.id, old.status as old_status, a.status as new_status, ${sql.raw(diff)} as changes
      ), audit as (
        insert into audit_log (user_id, action, entity, entity_id, changes)
        select ${options.actorId}, 'import_update', 'account', id::text, changes from changed
      ), statuses as (
        insert into account_status_changes (account_id, from_status, to_status, changed_by)
        select id, old_status, new_status, ${options.actorId} from changed where old_status is distinct from new_status
      )
      select count(*)::int as n from changed`);
  }

  const inserted = await insertAccountsAudited(db, options.actorId, sql`
      insert into accounts (external_id, name, kind, status, sector, segment, size, relationship_type, country, region, city,
        postal_code, website, email, phone, owner_id, tags, has_interest, has_financial_capacity, custom_fields, customer_since, search_text)
      select s.external_id, s.name, coalesce(s.kind, 'company'), coalesce(s.status, 'prospect'), s.sector, s.segment, s.size,
        s.relationship_type, s.country, s.region, s.city, s.postal_code, s.website, s.email, s.phone, u.id, coalesce(s.tags, '{}'),
        coalesce(s.has_interest, false), coalesce(s.has_financial_capacity, false), coalesce(s.custom_fields, '{}'::jsonb), s.customer_since, s.search_text
      from staging_accounts s join import_account_match m on m.row_no = s.row_no
        left join users u on lower(u.email) = s.owner_email
      where s.run_id = ${runId} and m.account_id is null
      order by s.row_no
      returning id, status`);

  const total = await count(db, sql<{ n: number }>`select count(*)::int as n from staging_accounts where run_id = ${runId}`);
  return { inserted, updated, unchanged: total - inserted - updated, rejected };
}
