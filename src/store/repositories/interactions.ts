import { sql, type Selectable } from 'kysely';
import type { AccountScope } from '../../domain/access.js';
import type { Interaction, InteractionCreate, InteractionListQuery, InteractionPatch } from '../../domain/schemas/interaction.js';
import { normalizeForSearch } from '../../domain/search-text.js';
import type { InteractionsTable } from '../schema.js';
import { type Executor, isoRequired } from '../executor.js';
import { afterCursor, containsPattern, type Page, parseSort, toPage } from '../keyset.js';
import { foldedSql } from '../search-sql.js';
import { type ColumnMap, inAccountScope, insertRow, toColumns } from './scoped.js';

const COLUMNS: ColumnMap<'interactions', InteractionPatch> = {
  accountId: 'account_id', contactId: 'contact_id', type: 'type', direction: 'direction', subject: 'subject',
  body: 'body', occurredAt: 'occurred_at', userId: 'user_id', outcome: 'outcome',
};
const SORT_COLUMNS = { occurredAt: 'occurred_at' };

export const toInteraction = (row: Selectable<InteractionsTable>): Interaction => ({
  id: row.id,
  accountId: row.account_id,
  contactId: row.contact_id,
  type: row.type,
  direction: row.direction,
  subject: row.subject,
  body: row.body,
  occurredAt: isoRequired(row.occurred_at),
  userId: row.user_id,
  outcome: row.outcome,
  createdAt: isoRequired(row.created_at),
  updatedAt: isoRequired(row.updated_at),
});

export function interactionsRepository(db: Executor) {
  const scoped = (scope: AccountScope) => {
    const condition = inAccountScope('interactions', scope);
    const q = db.selectFrom('interactions').selectAll();
    return condition ? q.where(condition) : q;
  };

  return {
    async get(id: number, scope: AccountScope = {}): Promise<Interaction | undefined> {
      const row = await scoped(scope).where('id', '=', id).executeTakeFirst();
      return row && toInteraction(row);
    },

    async list(query: InteractionListQuery, scope: AccountScope = {}): Promise<Page<Interaction>> {
      const limit = query.limit ?? 50;
      const sort = parseSort(query.sort, SORT_COLUMNS, '-occurredAt');
      let q = scoped(scope);
      if (query.accountId) q = q.where('account_id', '=', query.accountId);
      if (query.type) q = q.where('type', '=', query.type);
      if (query.userId) q = q.where('user_id', '=', query.userId);
      if (query.occurredFrom) q = q.where('occurred_at', '>=', new Date(query.occurredFrom));
      if (query.occurredTo) q = q.where('occurred_at', '<', new Date(query.occurredTo));
      if (query.createdFrom) q = q.where('created_at', '>=', new Date(query.createdFrom));
      if (query.createdTo) q = q.where('created_at', '<', new Date(query.createdTo));
      if (query.updatedFrom) q = q.where('updated_at', '>=', new Date(query.updatedFrom));
      if (query.updatedTo) q = q.where('updated_at', '<', new Date(query.updatedTo));
      const term = query.q ? normalizeForSearch(query.q) : '';
      if (term) {
        const pattern = containsPattern(term);
        q = q.where((eb) => eb.or([sql<boolean>`${foldedSql(sql`subject`)} like ${pattern}`, sql<boolean>`${foldedSql(sql`coalesce(body, '')`)} like ${pattern}`]));
      }
      if (query.cursor) {
        const cursor = query.cursor;
        q = q.where((eb) => afterCursor(eb, 'interactions', sort, cursor));
      }
      const rows = await q.orderBy(sql.ref(sort.column), sort.direction).orderBy('id', sort.direction).limit(limit + 1).execute();
      return toPage(rows, limit, sort, toInteraction);
    },

    async insert(input: InteractionCreate & { occurredAt: string }): Promise<Interaction> {
      const row = await db.insertInto('interactions').values(insertRow('interactions', toColumns('interactions', input, COLUMNS))).returningAll().executeTakeFirstOrThrow();
      return toInteraction(row);
    },

    async update(id: number, patch: InteractionPatch, at: Date = new Date()): Promise<Interaction | undefined> {
      const row = await db.updateTable('interactions').set({ ...toColumns('interactions', patch, COLUMNS), updated_at: at })
        .where('id', '=', id).returningAll().executeTakeFirst();
      return row && toInteraction(row);
    },

    async delete(id: number): Promise<boolean> {
      const result = await db.deleteFrom('interactions').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
