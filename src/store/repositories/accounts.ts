import { sql, type Selectable } from 'kysely';
import type { AccountScope } from '../../domain/access.js';
import type { AccountStatus } from '../../domain/customer-file.js';
import type { Account, AccountCreate, AccountListQuery, AccountPatch } from '../../domain/schemas/account.js';
import { phoneDigitsOfQuery } from '../../domain/phone-numbers.js';
import { normalizeForSearch, searchTextOf } from '../../domain/search-text.js';
import type { AccountsTable } from '../schema.js';
import { type Executor, isoRequired } from '../executor.js';
import { afterCursor, containsPattern, type Page, parseSort, toPage } from '../keyset.js';

type Row = Selectable<AccountsTable>;

/** The account's own part of its search text; imports compute the same for staged rows. */
export function accountSearchText(a: { name: string; external_id: string | null; email: string | null; phone: string | null; website: string | null; city: string | null }): string {
  return searchTextOf([a.name, a.external_id, a.email, a.website, a.city], [a.phone]);
}

const SORT_COLUMNS = { name: 'name', createdAt: 'created_at', updatedAt: 'updated_at' };

export function toAccount(row: Row): Account {
  return {
    id: row.id,
    externalId: row.external_id,
    kind: row.kind,
    name: row.name,
    status: row.status,
    sector: row.sector,
    segment: row.segment,
    size: row.size,
    relationshipType: row.relationship_type,
    country: row.country as Account['country'],
    region: row.region,
    city: row.city,
    postalCode: row.postal_code,
    website: row.website,
    email: row.email,
    phone: row.phone,
    ownerId: row.owner_id,
    tags: row.tags,
    hasInterest: row.has_interest,
    hasFinancialCapacity: row.has_financial_capacity,
    customFields: row.custom_fields,
    statusChangedAt: isoRequired(row.status_changed_at),
    createdAt: isoRequired(row.created_at),
    updatedAt: isoRequired(row.updated_at),
  };
}

function columns(input: AccountPatch) {
  const out: Record<string, unknown> = {};
  const map: Record<string, string> = {
    externalId: 'external_id', kind: 'kind', name: 'name', status: 'status', sector: 'sector', segment: 'segment',
    size: 'size', relationshipType: 'relationship_type', country: 'country', region: 'region', city: 'city',
    postalCode: 'postal_code', website: 'website', email: 'email', phone: 'phone', ownerId: 'owner_id', tags: 'tags',
    hasInterest: 'has_interest', hasFinancialCapacity: 'has_financial_capacity',
  };
  for (const [key, column] of Object.entries(map)) {
    const value = (input as Record<string, unknown>)[key];
    if (value !== undefined) out[column] = value;
  }
  if (input.customFields !== undefined) out.custom_fields = JSON.stringify(input.customFields);
  return out;
}

export function accountsRepository(db: Executor) {
  const scoped = (scope: AccountScope) => {
    let query = db.selectFrom('accounts');
    if (scope.ownerId !== undefined) query = query.where('accounts.owner_id', '=', scope.ownerId);
    return query;
  };

  return {
    async get(id: number, scope: AccountScope = {}): Promise<Account | undefined> {
      const row = await scoped(scope).selectAll().where('id', '=', id).executeTakeFirst();
      return row && toAccount(row);
    },

    async getByExternalId(externalId: string): Promise<Account | undefined> {
      const row = await db.selectFrom('accounts').selectAll().where('external_id', '=', externalId).executeTakeFirst();
      return row && toAccount(row);
    },

    async isVisible(id: number, scope: AccountScope): Promise<boolean> {
      const row = await scoped(scope).select('id').where('id', '=', id).executeTakeFirst();
      return !!row;
    },

    async list(query: AccountListQuery, scope: AccountScope = {}): Promise<Page<Account>> {
      const limit = query.limit ?? 50;
      const sort = parseSort(query.sort, SORT_COLUMNS, 'name');
      let q = scoped(scope).selectAll();
      if (query.status) q = q.where('status', '=', query.status);
      if (query.ownerId) q = q.where('owner_id', '=', query.ownerId);
      if (query.segment) q = q.where('segment', '=', query.segment);
      if (query.sector) q = q.where('sector', '=', query.sector);
      if (query.country) q = q.where('country', '=', query.country);
      if (query.size) q = q.where('size', '=', query.size);
      if (query.relationshipType) q = q.where('relationship_type', '=', query.relationshipType);
      const tags = query.tags?.split(',').map((t) => t.trim()).filter(Boolean) ?? [];
      if (tags.length) q = q.where(sql<boolean>`tags @> ${sql.val(tags)}::text[]`);
      if (query.createdFrom) q = q.where('created_at', '>=', new Date(query.createdFrom));
      if (query.createdTo) q = q.where('created_at', '<', new Date(query.createdTo));
      if (query.updatedFrom) q = q.where('updated_at', '>=', new Date(query.updatedFrom));
      if (query.updatedTo) q = q.where('updated_at', '<', new Date(query.updatedTo));
      const term = query.q ? normalizeForSearch(query.q) : '';
      // A phone number is also looked for as bare digits, however the search spaced it.
      const digits = phoneDigitsOfQuery(term);
      if (term) {
        q = q.where((eb) => eb.or([term, ...(digits ? [digits] : [])].map((text) =>
          sql<boolean>`(search_text || ' | ' || contacts_search_text) like ${containsPattern(text)}`)));
      }
      if (query.cursor) {
        const cursor = query.cursor;
        q = q.where((eb) => afterCursor(eb, 'accounts', sort, cursor));
      }
      const rows = await q
        .orderBy(sql.ref(sort.column), sort.direction)
        .orderBy('id', sort.direction)
        .limit(limit + 1)
        .execute();
      return toPage(rows, limit, sort, toAccount);
    },

    async insert(input: AccountCreate, at: Date = new Date()): Promise<Account> {
      const row = await db.insertInto('accounts')
        .values({
          kind: 'company',
          status: 'prospect',
          ...columns(input),
          name: input.name,
          status_changed_at: at,
        } as never)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAccount(row);
    },

    async update(id: number, patch: AccountPatch, at: Date = new Date()): Promise<Account | undefined> {
      const values: Record<string, unknown> = { ...columns(patch), updated_at: at };
      if (patch.status) values.status_changed_at = sql`case when status = ${patch.status} then status_changed_at else ${at} end`;
      const row = await db.updateTable('accounts').set(values as never).where('id', '=', id).returningAll().executeTakeFirst();
      return row && toAccount(row);
    },

    async delete(id: number): Promise<boolean> {
      const result = await db.deleteFrom('accounts').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async countOrders(id: number): Promise<number> {
      const row = await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', id).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async recordStatusChange(accountId: number, from: AccountStatus | null, to: AccountStatus, by: number | null, at: Date = new Date()) {
      await db.insertInto('account_status_changes')
        .values({ account_id: accountId, from_status: from, to_status: to, changed_at: at, changed_by: by })
        .execute();
    },

    /** Rebuilds the search text from the account and its contacts; called after either changes. */
    async refreshSearchText(accountId: number): Promise<void> {
      const account = await db.selectFrom('accounts').select(['name', 'external_id', 'email', 'phone', 'website', 'city'])
        .where('id', '=', accountId).executeTakeFirst();
      if (!account) return;
      const contacts = await db.selectFrom('contacts').select(['first_name', 'last_name', 'email', 'phone'])
        .where('account_id', '=', accountId).execute();
      await db.updateTable('accounts').set({
        search_text: accountSearchText(account),
        contacts_search_text: searchTextOf(
          contacts.flatMap((c) => [[c.first_name, c.last_name].filter(Boolean).join(' '), c.email]),
          contacts.map((c) => c.phone),
        ),
      }).where('id', '=', accountId).execute();
    },
  };
}

export type AccountsRepository = ReturnType<typeof accountsRepository>;
