// Which staged orders are credit notes: a shop numbers its cancellations "C" and the number
// ("C536379"), and a return is an order whose total is below zero, or whose every line gives
// goods back (negative quantities, even at a price of zero: stock written off as damaged).
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../executor.js';
import type { OrderFacts } from './merge-result.js';

/**
 * SQL giving 'credit_note' or 'order' for an order of this number and total (in cents), and,
 * for orders built from lines, whether all its lines have negative quantities; all given as
 * column references or expressions.
 */
export function orderKindOf(number: string, totalCents: string, allLinesNegative = 'false'): string {
  return `case when ${number} ~ '^[Cc][0-9]' or ${totalCents} < 0 or ${allLinesNegative} then 'credit_note' else 'order' end`;
}

/** Links the credit notes of this import to the invoices they name (`named`: number, cancels_number), of the same account. */
export async function linkCreditNotes(db: Executor, named: RawBuilder<unknown>): Promise<void> {
  await sql`update orders c set cancels_order_id = o.id
    from (${named}) t join orders o on o.number = t.cancels_number
    where c.number = t.number and c.kind = 'credit_note' and o.kind = 'order' and o.account_id = c.account_id
      and c.cancels_order_id is distinct from o.id`.execute(db);
}

/** The import's orders as stored now, counted for its summary; `named` gives each number and the invoice it cancels, if any. */
export async function orderFacts(db: Executor, named: RawBuilder<unknown>, walkInId: string | undefined, accountsCreated: number): Promise<OrderFacts> {
  const { rows } = await sql<Record<Exclude<keyof OrderFacts, 'accountsCreated'>, string>>`select
      count(*) filter (where o.kind = 'order') as "orders",
      coalesce(sum(o.base_total_cents) filter (where o.kind = 'order'), 0) as "orderCents",
      count(*) filter (where o.kind = 'credit_note') as "creditNotes",
      coalesce(sum(o.base_total_cents) filter (where o.kind = 'credit_note'), 0) as "creditNoteCents",
      count(*) filter (where o.kind = 'credit_note' and o.cancels_order_id is not null) as "creditNotesLinked",
      count(*) filter (where o.kind = 'credit_note' and o.cancels_order_id is null and t.cancels_number is not null) as "creditNotesUnlinked",
      count(*) filter (where a.external_id = ${walkInId ?? null} and o.kind = 'order') as "walkInOrders",
      coalesce(sum(o.base_total_cents) filter (where a.external_id = ${walkInId ?? null}), 0) as "walkInCents"
    from (${named}) t join orders o on o.number = t.number join accounts a on a.id = o.account_id`.execute(db);
  const row = rows[0]!;
  return {
    accountsCreated,
    orders: Number(row.orders), orderCents: Number(row.orderCents), creditNotes: Number(row.creditNotes), creditNoteCents: Number(row.creditNoteCents),
    creditNotesLinked: Number(row.creditNotesLinked), creditNotesUnlinked: Number(row.creditNotesUnlinked),
    walkInOrders: Number(row.walkInOrders), walkInCents: Number(row.walkInCents),
  };
}
