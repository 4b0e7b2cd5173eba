import { sql } from 'kysely';
import type { RowError } from '../../import/to-record.js';
import type { Executor } from '../executor.js';

export interface MergeOptions {
  runId: number;
  /** Fields the file provides (mapped or defaulted): only these overwrite existing records. */
  fields: readonly string[];
  /** Reject the rows with problems and write the rest; otherwise any problem writes nothing. */
  skipInvalid: boolean;
  actorId: number | null;
  /** Orders and lines: create a missing account named by this pattern ("Customer {accountExternalId}"). */
  createAccounts?: { name: string; status?: string };
  /** Orders and lines: the account guest rows were given, created when missing. */
  walkIn?: { externalId: string; name: string };
  /** Orders and lines: the organisation's currency, which orders in other currencies are converted to. */
  baseCurrency?: string;
}

/** What an orders or order-lines merge found, for the import's summary: over all its staged orders. */
export interface OrderFacts {
  accountsCreated: number;
  orders: number;
  orderCents: number;
  creditNotes: number;
  creditNoteCents: number;
  /** Credit notes linked to the invoice they cancel, and those naming an invoice that was not found. */
  creditNotesLinked: number;
  creditNotesUnlinked: number;
  /** Orders of the walk-in account (guest rows kept), and its net revenue (credit notes taken off). */
  walkInOrders: number;
  walkInCents: number;
}

export interface MergeResult {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: RowError[];
  facts?: OrderFacts;
}

export interface Problem {
  row_no: number;
  column: string;
  value: string | null;
  reason: string;
}

/** Runs problem queries; with skipInvalid the staged rows they name are dropped, else nothing is. */
export async function collectProblems(db: Executor, table: string, runId: number, queries: ReturnType<typeof sql<Problem>>[], skipInvalid: boolean): Promise<RowError[]> {
  const found: RowError[] = [];
  for (const query of queries) {
    const { rows } = await query.execute(db);
    for (const p of rows) found.push({ row: Number(p.row_no), column: p.column, value: p.value ?? '', reason: p.reason });
  }
  if (found.length && skipInvalid) {
    const rows = [...new Set(found.map((f) => f.row))];
    await sql`delete from ${sql.table(table)} where run_id = ${runId} and row_no = any(${rows}::int[])`.execute(db);
  }
  return found.sort((a, b) => a.row - b.row);
}

export const count = async (db: Executor, query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(db)).rows[0]?.n ?? 0);
