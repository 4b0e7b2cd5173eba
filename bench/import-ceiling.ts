// The server's ceiling for an import of invoice lines: one batch's orders and lines written
// straight into their tables from a table already on the server, with the tables' own indexes
// but no parsing, staging, checks, triggers, audit rows or purchase days, then rolled back.
// No import through those tables can be faster than this on the same server.
//
// The bulk ceiling asks the same of an import that would drop the tables' indexes, load, and
// build them again (as pg_restore does): every stored order and line copied into tables with no
// index at all, then the tables' own indexes built on them, then rolled back.
import { sql } from 'kysely';
import type { Connection, CopySession } from '../src/store/connection.js';

export interface ImportCeiling {
  orders: number;
  lines: number;
  ordersSeconds: number;
  linesSeconds: number;
  /** Lines a second if an import did nothing but these two inserts. */
  linesPerSecond: number;
}

export interface BulkCeiling {
  orders: number;
  lines: number;
  insertSeconds: number;
  indexSeconds: number;
  /** Lines a second if an import did nothing but insert into bare tables and index them after. */
  linesPerSecond: number;
}

class Undo extends Error {}

const secondsSince = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;
const hundredths = (seconds: number) => Math.round(seconds * 100) / 100;

/** Runs `measure` in a transaction that is then rolled back, and gives what it measured. */
async function rolledBack<T>(connection: Connection, measure: (db: CopySession['db']) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await connection.copyTransaction(async ({ db }) => {
    result = await measure(db);
    throw new Undo();
  }).catch((error) => {
    if (!(error instanceof Undo)) throw error;
  });
  return result!;
}

/** Measured on every order and line stored, after the import. */
export async function bulkCeiling(connection: Connection): Promise<BulkCeiling> {
  return rolledBack(connection, async (db) => {
    const { rows: indexes } = await sql<{ tablename: string; indexdef: string }>`select tablename, indexdef from pg_indexes
      where schemaname = current_schema() and tablename in ('orders', 'order_lines')`.execute(db);
    await sql`create table bulk_orders (like orders including defaults)`.execute(db);
    await sql`create table bulk_order_lines (like order_lines including defaults)`.execute(db);
    const inserting = process.hrtime.bigint();
    const o = await sql`insert into bulk_orders select * from orders`.execute(db);
    const l = await sql`insert into bulk_order_lines select * from order_lines`.execute(db);
    const insertSeconds = secondsSince(inserting);
    const indexing = process.hrtime.bigint();
    for (const { tablename, indexdef } of indexes) {
      // "CREATE [UNIQUE] INDEX name ON schema.table USING …" → an unnamed index on the bare copy.
      const definition = indexdef.replace(/INDEX \S+ ON \S+ /, `INDEX ON bulk_${tablename} `);
      await sql.raw(definition).execute(db);
    }
    const indexSeconds = secondsSince(indexing);
    const lines = Number(l.numAffectedRows ?? 0);
    return {
      orders: Number(o.numAffectedRows ?? 0), lines, insertSeconds: hundredths(insertSeconds), indexSeconds: hundredths(indexSeconds),
      linesPerSecond: Math.round(lines / (insertSeconds + indexSeconds)),
    };
  });
}

/** Measured on the last `orders` orders stored, after the import, in the state it left. */
export async function importCeiling(connection: Connection, orders: number): Promise<ImportCeiling> {
  return rolledBack(connection, async (db) => {
    await sql`create temp table ceiling_orders as select * from orders order by id desc limit ${orders}`.execute(db);
    await sql`create temp table ceiling_lines as select * from order_lines where order_id in (select id from ceiling_orders)`.execute(db);
    await sql`set local session_replication_role = replica`.execute(db);
    const timed = async (statement: ReturnType<typeof sql>) => {
      const started = process.hrtime.bigint();
      const { numAffectedRows } = await statement.execute(db);
      return { rows: Number(numAffectedRows ?? 0), seconds: secondsSince(started) };
    };
    const o = await timed(sql`insert into orders (account_id, number, ordered_at, channel, status, total_cents, item_count)
      select account_id, number || '-ceiling', ordered_at, channel, status, total_cents, item_count from ceiling_orders`);
    // Order ids no order has: the lines' foreign key is not checked here, as the import does not check it.
    const l = await timed(sql`insert into order_lines (order_id, line_no, product_id, description, quantity, unit_price_cents, discount_bp, total_cents)
      select order_id + 1000000000, line_no, product_id, description, quantity, unit_price_cents, discount_bp, total_cents from ceiling_lines`);
    return {
      orders: o.rows, lines: l.rows, ordersSeconds: hundredths(o.seconds), linesSeconds: hundredths(l.seconds),
      linesPerSecond: Math.round(l.rows / (o.seconds + l.seconds)),
    };
  });
}
