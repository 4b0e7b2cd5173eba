// The server's ceiling for an import of invoice lines: one batch's orders and lines written
// straight into their tables from a table already on the server, with the tables' own indexes
// but no parsing, staging, checks, triggers, audit rows or purchase days, then rolled back.
// No import through those tables can be faster than this on the same server.
import { sql } from 'kysely';
import type { Connection } from '../src/store/connection.js';

export interface ImportCeiling {
  orders: number;
  lines: number;
  ordersSeconds: number;
  linesSeconds: number;
  /** Lines a second if an import did nothing but these two inserts. */
  linesPerSecond: number;
}

class Undo extends Error {}

/** Measured on the last `orders` orders stored, after the import, in the state it left. */
export async function importCeiling(connection: Connection, orders: number): Promise<ImportCeiling> {
  let result: ImportCeiling | undefined;
  await connection.copyTransaction(async ({ db }) => {
    await sql`create temp table ceiling_orders as select * from orders order by id desc limit ${orders}`.execute(db);
    await sql`create temp table ceiling_lines as select * from order_lines where order_id in (select id from ceiling_orders)`.execute(db);
    await sql`set local session_replication_role = replica`.execute(db);
    const timed = async (statement: ReturnType<typeof sql>) => {
      const started = process.hrtime.bigint();
      const { numAffectedRows } = await statement.execute(db);
      return { rows: Number(numAffectedRows ?? 0), seconds: Number(process.hrtime.bigint() - started) / 1e9 };
    };
    const o = await timed(sql`insert into orders (account_id, number, ordered_at, channel, status, total_cents, item_count)
      select account_id, number || '-ceiling', ordered_at, channel, status, total_cents, item_count from ceiling_orders`);
    // Order ids no order has: the lines' foreign key is not checked here, as the import does not check it.
    const l = await timed(sql`insert into order_lines (order_id, line_no, product_id, description, quantity, unit_price_cents, discount_bp, total_cents)
      select order_id + 1000000000, line_no, product_id, description, quantity, unit_price_cents, discount_bp, total_cents from ceiling_lines`);
    result = {
      orders: o.rows, lines: l.rows, ordersSeconds: Math.round(o.seconds * 100) / 100, linesSeconds: Math.round(l.seconds * 100) / 100,
      linesPerSecond: Math.round(l.rows / (o.seconds + l.seconds)),
    };
    throw new Undo();
  }).catch((error) => {
    if (!(error instanceof Undo)) throw error;
  });
  return result!;
}
