import { sql, type Selectable } from 'kysely';
import type { AccountScope } from '../../domain/access.js';
import type { Contact, ContactCreate, ContactListQuery, ContactPatch } from '../../domain/schemas/contact.js';
import { phoneDigitsOfQuery } from '../../domain/phone-numbers.js';
import { normalizeForSearch } from '../../domain/search-text.js';
import type { ContactsTable } from '../schema.js';
import { type Executor, isoRequired } from '../executor.js';
import { afterCursor, containsPattern, type Page, parseSort, toPage } from '../keyset.js';
import { foldedSql, nationalDigitsSql, phoneDigitsSql } from '../search-sql.js';
import { type ColumnMap, inAccountScope, insertRow, toColumns } from './scoped.js';

type Row = Selectable<ContactsTable>;

const COLUMNS: ColumnMap<'contacts', ContactPatch> = {
  accountId: 'account_id', externalId: 'external_id', civility: 'civility', firstName: 'first_name',
  lastName: 'last_name', jobTitle: 'job_title', email: 'email', phone: 'phone', birthYear: 'birth_year',
  preferredChannel: 'preferred_channel', doNotContact: 'do_not_contact',
};
const SORT_COLUMNS = { lastName: 'last_name', createdAt: 'created_at', updatedAt: 'updated_at' };

export const toContact = (row: Row): Contact => ({
  id: row.id,
  accountId: row.account_id,
  externalId: row.external_id,
  civility: row.civility,
  firstName: row.first_name,
  lastName: row.last_name,
  jobTitle: row.job_title,
  email: row.email,
  phone: row.phone,
  birthYear: row.birth_year,
  preferredChannel: row.preferred_channel,
  consent: row.consent,
  doNotContact: row.do_not_contact,
  createdAt: isoRequired(row.created_at),
  updatedAt: isoRequired(row.updated_at),
});

function values(input: ContactPatch) {
  const out = toColumns('contacts', input, COLUMNS);
  if (input.consent !== undefined) out.consent = JSON.stringify(input.consent);
  return out;
}

export function contactsRepository(db: Executor) {
  const scoped = (scope: AccountScope) => {
    const condition = inAccountScope('contacts', scope);
    const q = db.selectFrom('contacts').selectAll();
    return condition ? q.where(condition) : q;
  };

  return {
    async get(id: number, scope: AccountScope = {}): Promise<Contact | undefined> {
      const row = await scoped(scope).where('id', '=', id).executeTakeFirst();
      return row && toContact(row);
    },

    async list(query: ContactListQuery, scope: AccountScope = {}): Promise<Page<Contact>> {
      const limit = query.limit ?? 50;
      const sort = parseSort(query.sort, SORT_COLUMNS, 'lastName');
      let q = scoped(scope);
      if (query.accountId) q = q.where('account_id', '=', query.accountId);
      if (query.email) q = q.where(sql<boolean>`lower(email) = ${query.email.toLowerCase()}`);
      if (query.createdFrom) q = q.where('created_at', '>=', new Date(query.createdFrom));
      if (query.createdTo) q = q.where('created_at', '<', new Date(query.createdTo));
      if (query.updatedFrom) q = q.where('updated_at', '>=', new Date(query.updatedFrom));
      if (query.updatedTo) q = q.where('updated_at', '<', new Date(query.updatedTo));
      const term = query.q ? normalizeForSearch(query.q) : '';
      if (term) {
        const pattern = containsPattern(term);
        const digits = phoneDigitsOfQuery(term);
        q = q.where((eb) => eb.or([
          sql<boolean>`${foldedSql(sql`coalesce(first_name, '') || ' ' || last_name`)} like ${pattern}`,
          sql<boolean>`${foldedSql(sql`coalesce(email, '')`)} like ${pattern}`,
          ...(digits ? [
            sql<boolean>`${phoneDigitsSql(sql`coalesce(phone, '')`)} like ${containsPattern(digits)}`,
            sql<boolean>`${nationalDigitsSql(sql.ref('phone'))} like ${containsPattern(digits)}`,
          ] : []),
        ]));
      }
      if (query.cursor) {
        const cursor = query.cursor;
        q = q.where((eb) => afterCursor(eb, 'contacts', sort, cursor));
      }
      const rows = await q.orderBy(sql.ref(sort.column), sort.direction).orderBy('id', sort.direction).limit(limit + 1).execute();
      return toPage(rows, limit, sort, toContact);
    },

    async insert(input: ContactCreate): Promise<Contact> {
      const row = await db.insertInto('contacts').values(insertRow('contacts', values(input))).returningAll().executeTakeFirstOrThrow();
      return toContact(row);
    },

    async update(id: number, patch: ContactPatch, at: Date = new Date()): Promise<Contact | undefined> {
      const row = await db.updateTable('contacts').set({ ...values(patch), updated_at: at })
        .where('id', '=', id).returningAll().executeTakeFirst();
      return row && toContact(row);
    },

    async delete(id: number): Promise<boolean> {
      const result = await db.deleteFrom('contacts').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

