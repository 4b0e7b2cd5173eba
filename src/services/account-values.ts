// The segments, sectors and countries in use, among the accounts the actor may see.
import { type AccountValues, type AccountValuesQuery, MAX_VALUES, VALUE_FIELDS } from '../domain/schemas/account-values.js';
import { type Context, scopeOf } from './context.js';

export async function accountValuesInUse(ctx: Context, query: AccountValuesQuery): Promise<AccountValues> {
  const scope = await scopeOf(ctx);
  const answer: AccountValues = {};
  for (const field of query.field ? [query.field] : VALUE_FIELDS) {
    // One more than shown says whether the list is complete.
    const values = await ctx.store.accountValues.inUse(field, scope, MAX_VALUES + 1);
    answer[field] = { values: values.slice(0, MAX_VALUES), complete: values.length <= MAX_VALUES };
  }
  return answer;
}
