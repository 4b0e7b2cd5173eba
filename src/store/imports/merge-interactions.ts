// Staged interactions (calls, emails, meetings… from another CRM or a phone system) → the
// accounts' timelines. An interaction has no natural number, so one is the same as another
// when account, type, time and subject agree: importing a log twice records each once.
import { sql } from 'kysely';
import type { Executor } from '../executor.js';
import { accountLinkProblems, linkAccounts } from './account-links.js';
import { collectProblems, count, type MergeOptions, type MergeResult, type Problem } from './merge-result.js';
import { auditedUpsert } from './upsert.js';

const FIELD_COLUMNS: Record<string, string> = {
  contactEmail: 'contact_id', direction: 'direction', body: 'body', userEmail: 'user_id', outcome: 'outcome',
};
// A file names the contact by email, so a contact without one cannot be named: a blank email
// keeps such a link (re-importing an export must not undo it) and clears any other.
const KEPT_CONTACT = 'case when s.contact_email is null and exists (select 1 from contacts k where k.id = i.contact_id and k.email is null) then i.contact_id end';
const staged = (c: string) => (c === 'contact_id' ? `coalesce(ct.id, ${KEPT_CONTACT})` : c === 'user_id' ? 'u.id' : `s.${c}`);

export async function mergeInteractions(db: Executor, options: MergeOptions): Promise<MergeResult> {
  const { runId } = options;
  await linkAccounts(db, 'staging_interactions', runId, 'import_interaction_account');
  const rejected = await collectProblems(db, 'staging_interactions', runId, [
    ...accountLinkProblems('staging_interactions', runId, false),
    sql<Problem>`select s.row_no, 'contactEmail' as column, s.contact_email as value, 'the account has no contact with the email ' || s.contact_email as reason
        from staging_interactions s join import_interaction_account m on m.row_no = s.row_no
        where s.run_id = ${runId} and s.contact_email is not null and m.account_id is not null
          and not exists (select 1 from contacts c where c.account_id = m.account_id and lower(c.email) = s.contact_email)`,
    sql<Problem>`select s.row_no, 'userEmail' as column, s.user_email as value, 'no user has the email ' || s.user_email as reason
        from staging_interactions s where s.run_id = ${runId} and s.user_email is not null
          and not exists (select 1 from users u where lower(u.email) = s.user_email)`,
    sql<Problem>`select row_no, 'subject' as column, subject as value, 'the same interaction already appears at row ' || first_row || ' of this file' as reason
        from (select s.row_no, s.subject, first_value(s.row_no) over (partition by m.account_id, s.type, s.occurred_at, s.subject order by s.row_no) as first_row
              from staging_interactions s join import_interaction_account m on m.row_no = s.row_no where s.run_id = ${runId}) d
        where row_no <> first_row`,
  ], options.skipInvalid);
  if (rejected.length && !options.skipInvalid) return { inserted: 0, updated: 0, unchanged: 0, rejected };

  const from = sql`staging_interactions s join import_interaction_account m on m.row_no = s.row_no
    left join lateral (select min(c.id) as id from contacts c where c.account_id = m.account_id and lower(c.email) = s.contact_email) ct on true
    left join users u on lower(u.email) = s.user_email`;
  const columns = [...new Set(options.fields.map((f) => FIELD_COLUMNS[f]).filter((c): c is string => !!c))];
  const updated = await auditedUpsert(db, {
    entity: 'interaction', table: 'interactions', alias: 'i', columns, staged, actorId: options.actorId, from,
    match: sql`s.run_id = ${runId} and i.account_id = m.account_id and i.type = s.type and i.occurred_at = s.occurred_at and i.subject = s.subject`,
  });
  const inserted = await count(db, sql<{ n: number }>`with created as (
      insert into interactions (account_id, contact_id, type, direction, subject, body, occurred_at, user_id, outcome)
      select m.account_id, ct.id, s.type, s.direction, s.subject, s.body, s.occurred_at, u.id, s.outcome
      from ${from}
      where s.run_id = ${runId} and not exists (select 1 from interactions i where i.account_id = m.account_id and i.type = s.type
        and i.occurred_at = s.occurred_at and i.subject = s.subject)
      order by s.row_no
      returning id
    ), audit as (
      insert into audit_log (user_id, action, entity, entity_id) select ${options.actorId}, 'import_create', 'interaction', id::text from created
    ) select count(*)::int as n from created`);
  const total = await count(db, sql<{ n: number }>`select count(*)::int as n from staging_interactions where run_id = ${runId}`);
  return { inserted, updated, unchanged: total - inserted - updated, rejected };
}
