// Exports one target (accounts, contacts, products, orders, order lines, interactions) as CSV
// or XLSX to a stream. Reps limited to their portfolio export only their accounts' records;
// the account filters narrow every account-owned target to the matching accounts' records.
import type { Writable } from 'node:stream';
import { ClienteleError } from '../../domain/errors.js';
import { type Context, scopeOf } from '../context.js';
import { exportColumns, type ExportFormat, type ExportTarget } from './export-columns.js';
import { type AccountFilters, exportRecords } from './export-records.js';
import { tableWriter } from './table-writer.js';

export interface ExportRequest {
  target: ExportTarget;
  format: ExportFormat;
  filters?: AccountFilters;
  /** CSV only: start with a byte-order mark, which older Excel needs to read UTF-8. */
  bom?: boolean;
}

export interface ExportSummary {
  target: ExportTarget;
  format: ExportFormat;
  rows: number;
}

const given = (filters: AccountFilters) => Object.entries(filters).filter(([, v]) => v !== undefined).map(([k]) => k);

/** Checks what can be checked before the first byte is written, so the caller can still answer with an error. */
export function checkExportRequest(request: ExportRequest): void {
  const filters = given(request.filters ?? {});
  if (request.target === 'products' && filters.length) {
    throw new ClienteleError('bad_request', `Products belong to no account, so the account filter "${filters[0]}" does not apply to them.`, filters[0]);
  }
}

export async function exportTable(ctx: Context, request: ExportRequest, output: Writable): Promise<ExportSummary> {
  checkExportRequest(request);
  const filters = request.filters ?? {};
  const columns = exportColumns(request.target);
  const writer = tableWriter(request.format, output, columns, { bom: request.bom, sheetName: request.target });
  let rows = 0;
  for await (const record of exportRecords(ctx.store, request.target, filters, await scopeOf(ctx))) {
    await writer.row(columns.map((c) => record[c.field]));
    rows++;
  }
  // Who took a copy of the customer file, and how much of it, belongs in the audit trail: written
  // before the file is finished, so whoever receives the whole file finds the entry there.
  await ctx.store.audit.record({
    userId: ctx.actor.userId, action: 'export', entity: 'export', entityId: request.target,
    changes: { format: [null, request.format], rows: [null, rows], filters: [null, given(filters).length ? filters : null] },
  });
  await writer.end();
  return { target: request.target, format: request.format, rows };
}
