import { sql, type SqlBool, type Expression } from 'kysely';
import type { AccountScope } from '../../domain/access.js';

/**
 * Restricts rows of a table that belongs to an account (contacts, orders, interactions, tasks)
 * to the accounts in scope, so a rep limited to their portfolio never sees another's records.
 */
export function inAccountScope(table: string, scope: AccountScope): Expression<SqlBool> | undefined {
  if (scope.ownerId === undefined) return undefined;
  return sql<SqlBool>`exists (select 1 from accounts a where a.id = ${sql.ref(`${table}.account_id`)} and a.owner_id = ${scope.ownerId})`;
}

/** Maps camelCase input keys to snake_case columns, keeping only keys that were given. */
export function toColumns(input: object, map: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(map)) {
    const value = (input as Record<string, unknown>)[key];
    if (value !== undefined) out[column] = value;
  }
  return out;
}
