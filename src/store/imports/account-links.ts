// Orders, order lines, contacts and interactions name their account by external id or by name.
// This resolves those natural keys once per import, creating missing accounts when asked.
import { sql } from 'kysely';
import type { Executor } from '../executor.js';
import { accountSearchText } from '../repositories/accounts.js';
import { insertAccountsAudited } from './created-accounts.js';
import type { MergeOptions, Problem } from './merge-result.js';

/** Problems with the account references of a staging table that has account_external_id and account_name. */
export function accountLinkProblems(table: string, runId: number, creating: boolean) {
  const t = sql.table(table);
  const missing = sql<Problem>`select s.row_no, 'accountExternalId' as column, null as value, 'names no account: give accountExternalId or accountName' as reason
      from ${t} s where s.run_id = ${runId} and s.account_external_id is null and s.account_name is null`;
  const ambiguous = sql<Problem>`select s.row_no, 'accountName' as column, s.account_name as value, 'matches ' || n || ' accounts; use accountExternalId' as reason
      from ${t} s join lateral (select count(*)::int as n from accounts a where lower(a.name) = lower(s.account_name)) c on true
      where s.run_id = ${runId} and s.account_external_id is null and s.account_name is not null and c.n > 1`;
  const unknownName = sql<Problem>`select s.row_no, 'accountName' as column, s.account_name as value, 'no account is named ' || s.account_name as reason
      from ${t} s where s.run_id = ${runId} and s.account_external_id is null and s.account_name is not null
        and not exists (select 1 from accounts a where lower(a.name) = lower(s.account_name))`;
  const unknownId = sql<Problem>`select s.row_no, 'accountExternalId' as column, s.account_external_id as value, 'no account has the external id ' || s.account_external_id as reason
      from ${t} s where s.run_id = ${runId} and s.account_external_id is not null
        and not exists (select 1 from accounts a where a.external_id = s.account_external_id)`;
  return creating ? [missing, ambiguous, unknownName] : [missing, ambiguous, unknownName, unknownId];
}

/**
 * The same problems, leaving out in one counting pass the queries that cannot find any: files
 * of millions of lines that all give an external id need not be searched for names three times.
 */
export async function accountLinkChecks(db: Executor, table: string, runId: number, creating: boolean) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
    where run_id = ${runId} and account_external_id is null`.execute(db);
  const [missing, ambiguous, unknownName, ...rest] = accountLinkProblems(table, runId, creating);
  return rows[0]?.n ? [missing!, ambiguous!, unknownName!, ...rest] : rest;
}

/**
 * Creates the accounts that staged rows name by an external id nobody has yet; returns how many.
 * Each takes the country (and, for a place that is no country, the region text) of its first row.
 */
export async function createMissingAccounts(db: Executor, table: string, options: MergeOptions, place?: { country: string; region: string }): Promise<number> {
  if (!options.createAccounts) return 0;
  const { name, status } = options.createAccounts;
  const country = place ? sql.raw(`s.${place.country}`) : sql`null`;
  const region = place ? sql.raw(`s.${place.region}`) : sql`null`;
  return insertAccountsAudited(db, options.actorId, sql`
      insert into accounts (external_id, name, kind, status, country, region, search_text)
      select external_id, replace(${name}, '{accountExternalId}', external_id), 'company', ${status ?? 'customer'}, country, region,
        lower(replace(${name}, '{accountExternalId}', external_id)) || ' | ' || lower(external_id)
      from wanted order by external_id
      returning id, status`, sql`wanted as (
      select distinct on (s.account_external_id) s.account_external_id as external_id, ${country} as country, ${region} as region
      from ${sql.table(table)} s
      where s.run_id = ${options.runId} and s.account_external_id is not null
        and not exists (select 1 from accounts a where a.external_id = s.account_external_id)
      order by s.account_external_id, s.row_no
    ),`);
}

/**
 * Creates the walk-in account that guest rows (no customer named) were given, if they were and
 * it does not exist yet, whether or not other accounts may be created: keeping guests is asked
 * for by itself. Returns 1 when it was created.
 */
export async function createWalkInAccount(db: Executor, table: string, options: MergeOptions): Promise<number> {
  if (!options.walkIn) return 0;
  const { externalId, name } = options.walkIn;
  return insertAccountsAudited(db, options.actorId, sql`
      insert into accounts (external_id, name, kind, status, search_text)
      select ${externalId}, ${name}, 'person', 'customer',
        ${accountSearchText({ name, external_id: externalId, email: null, phone: null, website: null, city: null })}
      where exists (select 1 from ${sql.table(table)} s where s.run_id = ${options.runId} and s.account_external_id = ${externalId})
        and not exists (select 1 from accounts a where a.external_id = ${externalId})
      returning id, status`);
}

/** A temp table row_no → account_id for the staged rows of this run. */
export async function linkAccounts(db: Executor, table: string, runId: number, into: string): Promise<void> {
  await sql`create temp table ${sql.table(into)} on commit drop as
    select s.row_no, coalesce(by_id.id, by_name.id) as account_id
    from ${sql.table(table)} s
    left join accounts by_id on s.account_external_id is not null and by_id.external_id = s.account_external_id
    left join lateral (select a.id from accounts a where s.account_external_id is null and lower(a.name) = lower(s.account_name)
                       order by a.id limit 1) by_name on true
    where s.run_id = ${runId}`.execute(db);
  await sql`create index on ${sql.table(into)} (row_no)`.execute(db);
}
