// Keyset (cursor) pagination: a page is "rows after this (sort value, id)", which stays fast
// and stable however deep the reader goes, unlike OFFSET.
import { sql, type Expression, type SqlBool, type ExpressionBuilder } from 'kysely';
import { ClienteleError } from '../domain/errors.js';

export type Direction = 'asc' | 'desc';
export type CursorValue = string | number;

export interface Sort {
  column: string;
  direction: Direction;
}

/** "-name" → name descending; the API's sort keys are camelCase and map to snake_case columns. */
export function parseSort(sort: string | undefined, columns: Record<string, string>, fallback: string): Sort {
  const key = sort ?? fallback;
  const direction: Direction = key.startsWith('-') ? 'desc' : 'asc';
  const column = columns[key.replace(/^-/, '')];
  if (!column) throw new ClienteleError('bad_request', `Cannot sort by "${key}".`, 'sort');
  return { column, direction };
}

/** Cursors carry times exactly as toISOString() wrote them; anything else was not made here. */
export const isCursorTime = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;

/** The cursor names its sort column so that it cannot be replayed against another sort. */
export function encodeCursor(column: string, value: unknown, id: number): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([column, v, id])).toString('base64url');
}

export function decodeCursor(cursor: string, column: string): [CursorValue, number] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // answered below
  }
  if (Array.isArray(parsed) && parsed.length === 3 && typeof parsed[0] === 'string' && ['string', 'number'].includes(typeof parsed[1]) && Number.isSafeInteger(parsed[2])) {
    const [from, value, id] = parsed as [string, CursorValue, number];
    if (from !== column) {
      throw new ClienteleError('bad_request', 'The cursor belongs to another sort order; start again without it.', 'cursor');
    }
    // A forged value of the wrong type would reach the database as a cast error. Column names
    // say the type: *_at are timestamps, *_cents and id are numbers, the others text.
    const fits = column.endsWith('_at') ? isCursorTime(value)
      : typeof value === (column.endsWith('_cents') || column === 'id' ? 'number' : 'string');
    if (fits) return [value, id];
  }
  throw new ClienteleError('bad_request', 'The cursor is not one this API returned; start again without it.', 'cursor');
}

/** The condition "(column, id) comes after the cursor" in the sort's direction. */
export function afterCursor<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>, table: string, sort: Sort, cursor: string,
): Expression<SqlBool> {
  const [value, id] = decodeCursor(cursor, sort.column);
  const op = sort.direction === 'asc' ? '>' : '<';
  return sql<SqlBool>`(${sql.ref(`${table}.${sort.column}`)}, ${sql.ref(`${table}.id`)}) ${sql.raw(op)} (${value}, ${id})`;
}

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Rows were fetched with limit + 1 so we know whether another page exists. */
export function toPage<R extends { id: number }, T>(rows: R[], limit: number, sort: Sort, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: more && last ? encodeCursor(sort.column, (last as Record<string, unknown>)[sort.column], last.id) : null,
  };
}
