import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Database } from '../schema.js';
import type { AccountScope } from '../../domain/access.js';

/**
 * Restricts rows of a table that belongs to an account (contacts, orders, interactions, tasks)
 * to the accounts in scope, so a rep limited to their portfolio never sees another's records.
 */
export function inAccountScope(table: string, scope: AccountScope): Expression<SqlBool> | undefined {
  if (scope.ownerId === undefined) return undefined;
  return sql<SqlBool>`exists (select 1 from accounts a where a.id = ${sql.ref(`${table}.account_id`)} and a.owner_id = ${scope.ownerId})`;
}

/** Which column of table `T` each camelCase field of an input `I` is written to. */
export type ColumnMap<T extends keyof Database, I> = { readonly [K in keyof I]?: keyof Database[T] & string };

/**
 * The one mapping from camelCase input fields to a table's columns, keeping only the fields
 * that were given. The map is checked against the table, so a renamed column fails to compile.
 */
export function toColumns<T extends keyof Database, I extends object>(_table: T, input: I, map: ColumnMap<T, I>): Updateable<Database[T]> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(map) as [keyof I, string][]) {
    const value = input[key];
    if (value !== undefined) out[column] = value;
  }
  return out as Updateable<Database[T]>;
}

/**
 * A row to insert, from the columns of an input whose required fields the API and import
 * schemas have already checked (Kysely cannot see that a mapped input carries them).
 */
export const insertRow = <T extends keyof Database>(_table: T, row: Updateable<Database[T]>) => row as unknown as Insertable<Database[T]>;
