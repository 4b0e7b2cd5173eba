// When an account began, for the analysis: the earliest of its creation, its "customer since"
// day, its first purchase and its first contact or interaction (kept in first_activity_at by
// migration 0008's triggers). One expression, so every reader of the portfolio counts the same
// accounts on a given day. `a` is the account, `p` its account_purchases row (may be absent).
import { sql } from 'kysely';

export const accountSinceSql = sql<Date>`least(a.created_at, a.first_activity_at,
  (a.customer_since::timestamp at time zone 'UTC'), (p.first_purchase::timestamp at time zone 'UTC'))`;
