// Staged contacts → contacts. Each links to its account by the account's external id, its name,
// or, failing both, the domain of the contact's email matching the account's website or email.
// Upserts by the contact's external id, else by email.
import { sql } from 'kysely';
import { PUBLIC_EMAIL_DOMAINS } from '../../domain/duplicates/shared-domains.js';
import type { Executor } from '../executor.js';
import { refreshContactsSearchText } from './search-text.js';
import { collectProblems, count, type MergeOptions, type MergeResult, type Problem } from './merge-result.js';
import { auditedUpsert } from './upsert.js';

const FIELD_COLUMNS: Record<string, string> = {
  accountExternalId: 'account_id', accountName: 'account_id', civility: 'civility', firstName: 'first_name', lastName: 'last_name',
  jobTitle: 'job_title', email: 'email', phone: 'phone', birthYear: 'birth_year', preferredChannel: 'preferred_channel',
  doNotContact: 'do_not_contact',
};
const staged = (c: string) => (c === 'account_id' ? 'm.account_id' : c === 'do_not_contact' ? 'coalesce(s.do_not_contact, false)' : `s.${c}`);

const accountDomain = sql`lower(regexp_replace(coalesce(a.website, ''), '^([a-z]+://)?(www\\.)?([^/:]+).*$', '\\3', 'i'))`;

export async function mergeContacts(db: Executor, options: MergeOptions): Promise<MergeResult> {
  const { runId } = options;
  await sql`create temp table import_contact_account on commit drop as
    select s.row_no, s.account_external_id, s.account_name, split_part(s.email, '@', 2) as domain,
      coalesce(by_id.id, by_name.id, by_domain.id) as account_id,
      coalesce(by_name.n, 0) as name_matches, coalesce(by_domain.n, 0) as domain_matches
    from staging_contacts s
    left join accounts by_id on s.account_external_id is not null and by_id.external_id = s.account_external_id
    left join lateral (select min(a.id) as id, count(*)::int as n from accounts a
                       where s.account_external_id is null and s.account_name is not null and lower(a.name) = lower(s.account_name)) by_name on true
    left join lateral (select min(a.id) as id, count(*)::int as n from accounts a
                       where s.account_external_id is null and s.account_name is null and s.email is not null
                         and split_part(s.email, '@', 2) <> all(${[...PUBLIC_EMAIL_DOMAINS]}::text[])
                         and (${accountDomain} = split_part(s.email, '@', 2) or split_part(lower(a.email), '@', 2) = split_part(s.email, '@', 2))) by_domain on true
    where s.run_id = ${runId}`.execute(db);

  const rejected = await collectProblems(db, 'staging_contacts', runId, [
    sql<Problem>`select row_no, 'externalId' as column, external_id as value, 'contact ' || external_id || ' already appears at row ' || first_row || ' of this file' as reason
        from (select row_no, external_id, first_value(row_no) over (partition by external_id order by row_no) as first_row
              from staging_contacts where run_id = ${runId} and external_id is not null) d where row_no <> first_row`,
    sql<Problem>`select row_no, 'email' as column, email as value, 'email ' || email || ' already appears at row ' || first_row || ' of this file' as reason
        from (select row_no, email, first_value(row_no) over (partition by email order by row_no) as first_row
              from staging_contacts where run_id = ${runId} and external_id is null and email is not null) d where row_no <> first_row`,
    sql<Problem>`select m.row_no, 'accountExternalId' as column, m.account_external_id as value, 'no account has the external id ' || m.account_external_id as reason
        from import_contact_account m where m.account_external_id is not null and m.account_id is null`,
    sql<Problem>`select m.row_no, 'accountName' as column, m.account_name as value,
          case when m.name_matches = 0 then 'no account is named ' || m.account_name else 'matches ' || m.name_matches || ' accounts; use accountExternalId' end as reason
        from import_contact_account m where m.account_external_id is null and m.account_name is not null and m.name_matches <> 1`,
    sql<Problem>`select m.row_no, 'email' as column, coalesce(m.domain, '') as value,
          case when m.domain_matches > 1 then 'the email domain matches ' || m.domain_matches || ' accounts; give accountExternalId'
               else 'names no account: give accountExternalId or accountName (or an email at the account''s web domain)' end as reason
        from import_contact_account m where m.account_external_id is null and m.account_name is null and m.domain_matches <> 1`,
  ], options.skipInvalid);
  if (rejected.length && !options.skipInvalid) return { inserted: 0, updated: 0, unchanged: 0, rejected };

  await sql`create temp table import_contact_match on commit drop as
    select s.row_no, coalesce(by_id.id, by_email.id) as contact_id
    from staging_contacts s
    left join contacts by_id on s.external_id is not null and by_id.external_id = s.external_id
    left join lateral (select min(c.id) as id from contacts c where s.external_id is null and s.email is not null and lower(c.email) = s.email) by_email on true
    where s.run_id = ${runId}`.execute(db);
  const touched = await sql<{ account_id: number }>`select distinct c.account_id from contacts c join import_contact_match x on x.contact_id = c.id`.execute(db);

  const columns = [...new Set(options.fields.map((f) => FIELD_COLUMNS[f]).filter((c): c is string => !!c))];
  const updated = await auditedUpsert(db, {
    entity: 'contact', table: 'contacts', alias: 'c', columns, staged, actorId: options.actorId,
    from: sql`staging_contacts s join import_contact_account m on m.row_no = s.row_no join import_contact_match x on x.row_no = s.row_no`,
    match: sql`s.run_id = ${runId} and c.id = x.contact_id`,
  });
  const inserted = await count(db, sql<{ n: number }>`with created as (
      insert into contacts (account_id, external_id, civility, first_name, last_name, job_title, email, phone, birth_year, preferred_channel, do_not_contact)
      select m.account_id, s.external_id, s.civility, s.first_name, s.last_name, s.job_title, s.email, s.phone, s.birth_year, s.preferred_channel,
        coalesce(s.do_not_contact, false)
      from staging_contacts s join import_contact_account m on m.row_no = s.row_no join import_contact_match x on x.row_no = s.row_no
      where s.run_id = ${runId} and x.contact_id is null order by s.row_no
      returning id
    ), audit as (
      insert into audit_log (user_id, action, entity, entity_id) select ${options.actorId}, 'import_create', 'contact', id::text from created
    ) select count(*)::int as n from created`);

  const accounts = await sql<{ account_id: number }>`select distinct account_id from import_contact_account where account_id is not null`.execute(db);
  await refreshContactsSearchText(db, [...new Set([...accounts.rows, ...touched.rows].map((r) => Number(r.account_id)))]);
  const total = await count(db, sql<{ n: number }>`select count(*)::int as n from staging_contacts where run_id = ${runId}`);
  return { inserted, updated, unchanged: total - inserted - updated, rejected };
}
