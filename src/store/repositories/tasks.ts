import { sql, type Selectable } from 'kysely';
import type { AccountScope } from '../../domain/access.js';
import type { Task, TaskCreate, TaskListQuery, TaskPatch } from '../../domain/schemas/task.js';
import { normalizeForSearch } from '../../domain/search-text.js';
import type { TasksTable } from '../schema.js';
import { type Executor, iso, isoRequired } from '../executor.js';
import { afterCursor, containsPattern, type Page, parseSort, toPage } from '../keyset.js';
import { foldedSql } from '../search-sql.js';
import { type ColumnMap, inAccountScope, insertRow, toColumns } from './scoped.js';

const COLUMNS: ColumnMap<'tasks', TaskPatch> = {
  accountId: 'account_id', assigneeId: 'assignee_id', title: 'title', notes: 'notes', dueAt: 'due_at',
  remindAt: 'remind_at', done: 'done',
};
const SORT_COLUMNS = { dueAt: 'due_at', createdAt: 'created_at' };

export const toTask = (row: Selectable<TasksTable>): Task => ({
  id: row.id,
  accountId: row.account_id,
  assigneeId: row.assignee_id,
  title: row.title,
  notes: row.notes,
  dueAt: isoRequired(row.due_at),
  remindAt: iso(row.remind_at),
  done: row.done,
  doneAt: iso(row.done_at),
  createdAt: isoRequired(row.created_at),
  updatedAt: isoRequired(row.updated_at),
});

function values(input: TaskPatch, at: Date) {
  const out = toColumns('tasks', input, COLUMNS);
  if (input.done !== undefined) out.done_at = input.done ? at : null;
  return out;
}

export function tasksRepository(db: Executor) {
  const scoped = (scope: AccountScope) => {
    const condition = inAccountScope('tasks', scope);
    const q = db.selectFrom('tasks').selectAll();
    return condition ? q.where(condition) : q;
  };

  return {
    async get(id: number, scope: AccountScope = {}): Promise<Task | undefined> {
      const row = await scoped(scope).where('id', '=', id).executeTakeFirst();
      return row && toTask(row);
    },

    async list(query: TaskListQuery, scope: AccountScope = {}): Promise<Page<Task>> {
      const limit = query.limit ?? 50;
      const sort = parseSort(query.sort, SORT_COLUMNS, 'dueAt');
      let q = scoped(scope);
      if (query.accountId) q = q.where('account_id', '=', query.accountId);
      if (query.assigneeId) q = q.where('assignee_id', '=', query.assigneeId);
      if (query.done !== undefined) q = q.where('done', '=', query.done);
      if (query.dueFrom) q = q.where('due_at', '>=', new Date(query.dueFrom));
      if (query.dueTo) q = q.where('due_at', '<', new Date(query.dueTo));
      if (query.createdFrom) q = q.where('created_at', '>=', new Date(query.createdFrom));
      if (query.createdTo) q = q.where('created_at', '<', new Date(query.createdTo));
      if (query.updatedFrom) q = q.where('updated_at', '>=', new Date(query.updatedFrom));
      if (query.updatedTo) q = q.where('updated_at', '<', new Date(query.updatedTo));
      const term = query.q ? normalizeForSearch(query.q) : '';
      if (term) q = q.where(sql<boolean>`${foldedSql(sql`title || ' ' || coalesce(notes, '')`)} like ${containsPattern(term)}`);
      if (query.cursor) {
        const cursor = query.cursor;
        q = q.where((eb) => afterCursor(eb, 'tasks', sort, cursor));
      }
      const rows = await q.orderBy(sql.ref(sort.column), sort.direction).orderBy('id', sort.direction).limit(limit + 1).execute();
      return toPage(rows, limit, sort, toTask);
    },

    async insert(input: TaskCreate, at: Date = new Date()): Promise<Task> {
      const row = await db.insertInto('tasks').values(insertRow('tasks', values(input, at))).returningAll().executeTakeFirstOrThrow();
      return toTask(row);
    },

    async update(id: number, patch: TaskPatch, at: Date = new Date()): Promise<Task | undefined> {
      // Marking a done task done again keeps the day it was really done.
      const doneAt = patch.done === true ? { done_at: sql<Date>`case when done then done_at else ${at} end` } : {};
      const row = await db.updateTable('tasks').set({ ...values(patch, at), ...doneAt, updated_at: at })
        .where('id', '=', id).returningAll().executeTakeFirst();
      return row && toTask(row);
    },

    async delete(id: number): Promise<boolean> {
      const result = await db.deleteFrom('tasks').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
