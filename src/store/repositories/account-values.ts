// The values of an account field in use across the accounts someone may see, with how many
// accounts carry each: the choices the web app offers for segment, sector and country.
import { sql } from 'kysely';
import type { AccountScope } from '../../domain/access.js';
import type { ValueField, ValueInUse } from '../../domain/schemas/account-values.js';
import type { Executor } from '../executor.js';

const COLUMN: Record<ValueField, 'segment' | 'sector' | 'country'> = { segment: 'segment', sector: 'sector', country: 'country' };

export function accountValuesRepository(db: Executor) {
  return {
    /** At most `limit` values, the most used first, then by value byte order (the same on every engine). */
    async inUse(field: ValueField, scope: AccountScope, limit: number): Promise<ValueInUse[]> {
      const column = sql.ref(`accounts.${COLUMN[field]}`);
      let query = db.selectFrom('accounts')
        .select([sql<string>`${column}`.as('value'), sql<string>`count(*)`.as('count')])
        .where(sql<boolean>`${column} is not null and btrim(${column}) <> ''`);
      if (scope.ownerId !== undefined) query = query.where('accounts.owner_id', '=', scope.ownerId);
      const rows = await query
        .groupBy(column)
        .orderBy(sql`count(*)`, 'desc').orderBy(sql`${column} collate "C"`)
        .limit(limit).execute();
      return rows.map((r) => ({ value: r.value, count: Number(r.count) }));
    },
  };
}
