// Runs an import: reads the file as a stream, checks every row, stages the good ones with COPY
// and merges them into the customer file in one transaction. By default any problem writes
// nothing; with skipInvalid the good rows land and the others go to a file to fix. With a
// batch size each batch commits on its own and an interrupted run can be resumed.
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Actor } from '../../domain/access.js';
import { ClienteleError } from '../../domain/errors.js';
import type { MappingFile } from '../../import/mapping-file.js';
import { openTable } from '../../import/read-table.js';
import type { ImportTarget } from '../../import/targets.js';
import { type ImportRecord, OrderNumberer, recordReader, type RowError } from '../../import/to-record.js';
import { mergerFor } from '../../store/imports/merge.js';
import type { MergeOptions, MergeResult } from '../../store/imports/merge-result.js';
import type { CopySession } from '../../store/connection.js';
import { analyzeStaging, openStaging, stagingOf } from '../../store/imports/staging.js';
import { sessionStore, type Store } from '../../store/store.js';
import { type BatchRead, BatchReader, type ReadBatch, type RejectRow } from './batch-reader.js';
import { baseCurrency } from '../currency.js';
import { createImportFiles } from './import-files.js';
import { RowQueue } from './row-queue.js';
import { isOrderTarget, type OrderImportChoices, type OrderImportSummary, orderMergeOptions, OrderSummary, previewValues } from './order-summary.js';
import { type ImportFlags, type ImportPlan, planImport } from './plan-import.js';

export interface ImportRequest {
  target: ImportTarget;
  path: string;
  mapping?: MappingFile;
  flags?: ImportFlags;
  /** Orders and order lines: whether to create the accounts they name, and what to do with guest lines. */
  orders?: OrderImportChoices;
  skipInvalid?: boolean;
  dryRun?: boolean;
  /** Commit every so many rows instead of once at the end; makes --resume possible. */
  batchSize?: number;
  resume?: boolean;
  /** Where to write the problems (CSV) and, with skipInvalid, the rejected rows. */
  reportPath?: string;
  rejectedPath?: string;
  actor: Actor;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ImportReport {
  status: 'committed' | 'rejected' | 'dry_run' | 'partial';
  runId: number | null;
  target: ImportTarget;
  file: string;
  mapping: Pick<ImportPlan, 'columns' | 'unmatched' | 'clashes' | 'dateFormat' | 'dateFormatSource'>;
  fatal: string[];
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejectedRows: number;
  /** The first problems, for display; all of them are in the report file. */
  problems: RowError[];
  /** The first records as they would be stored. */
  preview: ImportRecord['values'][];
  /** Orders and order lines: accounts created, guests, countries, credit notes and totals. */
  summary?: OrderImportSummary;
  reportPath?: string;
  rejectedPath?: string;
}

const SHOWN_PROBLEMS = 200;
const PREVIEW_ROWS = 5;

class RollBack extends Error {}

/**
 * The file's SHA-256, read through one buffer: a read stream's new buffer every 64 KB left the
 * process 35 MB larger after a 200 MB file, and took twice as long.
 */
async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const file = await open(path);
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

export async function runImport(store: Store, request: ImportRequest): Promise<ImportReport> {
  const merge = mergerFor(request.target);
  const plan = await planImport(request.target, request.path, request.mapping, request.flags);
  const report: ImportReport = {
    status: 'rejected', runId: null, target: request.target, file: request.path,
    mapping: { columns: plan.columns, unmatched: plan.unmatched, clashes: plan.clashes, dateFormat: plan.dateFormat, dateFormatSource: plan.dateFormatSource },
    fatal: plan.fatal, rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejectedRows: 0, problems: [], preview: [],
  };
  if (plan.fatal.length) return report;

  const sha = await sha256File(request.path);
  const totalBytes = (await stat(request.path)).size;
  let skipThrough = 0;
  let run;
  if (request.resume) {
    run = await store.importRuns.resumable(sha, request.target);
    if (!run) throw new ClienteleError('not_found', `Nothing to resume: no interrupted import of this file into ${request.target}.`, 'resume');
    skipThrough = run.lastCommittedRow;
  } else if (!request.dryRun) {
    run = await store.importRuns.create({ target: request.target, fileName: basename(request.path), fileSha256: sha, options: { mapping: request.mapping ?? null, flags: request.flags ?? {}, orders: request.orders ?? null, skipInvalid: !!request.skipInvalid, batchSize: request.batchSize ?? null }, startedBy: request.actor.userId });
  }
  const runId = run?.id ?? -Date.now();
  report.runId = run?.id ?? null;
  if (run) await store.importRuns.clearStaging(run.id);

  const files = await createImportFiles(request.reportPath, request.skipInvalid ? request.rejectedPath : undefined, plan.headers);
  const problemRows = new Set<number>();
  const noteProblem = (error: RowError) => {
    problemRows.add(error.row);
    if (report.problems.length < SHOWN_PROBLEMS) report.problems.push(error);
    files.problem(error);
  };
  const numberer = plan.orderNumberFrom ? new OrderNumberer(plan.orderNumberFrom) : undefined;
  const orderOptions = isOrderTarget(request.target) ? orderMergeOptions(request.mapping, request.orders ?? {}) : undefined;
  const orderSummary = isOrderTarget(request.target) && orderOptions
    ? new OrderSummary(request.target, orderOptions.guests, !!orderOptions.createAccounts) : undefined;
  const readRecord = orderSummary ? orderSummary.reader(recordReader(plan.rules), skipThrough) : recordReader(plan.rules);
  const table = await openTable(request.path, plan.tableOptions);
  const rows = new RowQueue(table.batches);
  const staging = stagingOf(request.target, runId);
  let bytesRead = 0;
  // Rows read so far, ahead of those staged when the next batch is read during a merge.
  let rowsCounted = 0;
  let lastProgress = 0;

  // The lines of one order stay in one batch, so a batch never commits half an order.
  const groupHeader = request.target === 'order-lines' ? Object.entries(plan.columns).find(([, f]) => f === 'orderNumber')?.[0] : undefined;

  const reader = new BatchReader(rows, {
    readRecord, numberer, skipThrough, groupHeader, line: (record) => staging.line(record),
    onRecord(record) {
      if (report.preview.length < PREVIEW_ROWS) report.preview.push(previewValues(record.values));
    },
    onRow(bytes) {
      bytesRead = bytes ?? bytesRead;
      rowsCounted++;
      if (request.onProgress && rowsCounted - lastProgress >= 5000) {
        lastProgress = rowsCounted;
        request.onProgress({ rowsRead: rowsCounted, bytesRead, totalBytes });
      }
    },
  });
  const rejectRow: RejectRow = (row, errors) => {
    for (const error of errors) noteProblem(error);
    files.rejectRow(row, errors);
  };

  /** Loads COPY input into this transaction's staging table and gives the planner its statistics. */
  async function stage({ db, copyCsv }: CopySession, chunks: Parameters<CopySession['copyCsv']>[2]): Promise<void> {
    await openStaging(db, request.target, store.connection.engine);
    await copyCsv(staging.table, staging.columns, chunks);
    await analyzeStaging(db, request.target);
  }

  /** Stages up to `limit` rows in one COPY, fed as the file is read; returns the last row number seen, or 0 at the end. */
  async function stageBatch(session: CopySession, limit: number): Promise<number> {
    const batch: ReadBatch = { lastRow: 0, rows: 0 };
    await stage(session, reader.lines(limit, batch, rejectRow));
    report.rowsRead += batch.rows;
    return batch.lastRow;
  }

  /** Stages a batch read beforehand; its rows count, and its problems are noted, from now. */
  async function stageRead(session: CopySession, read: BatchRead): Promise<number> {
    for (const [row, errors] of read.rejected) rejectRow(row, errors);
    report.rowsRead += read.batch.rows;
    if (read.batch.lastRow === 0) return 0;
    await stage(session, read.chunks);
    return read.batch.lastRow;
  }

  const mergeOptions: MergeOptions = {
    runId, fields: plan.fields, skipInvalid: !!request.skipInvalid, actorId: request.actor.userId || null,
    createAccounts: orderOptions?.createAccounts, walkIn: orderOptions?.walkIn, baseCurrency: await baseCurrency(store),
  };
  const add = (result: MergeResult) => {
    orderSummary?.add(result.facts);
    report.inserted += result.inserted;
    report.updated += result.updated;
    report.unchanged += result.unchanged;
    for (const error of result.rejected) noteProblem(error);
  };

  try {
    if (!request.batchSize || request.dryRun) {
      try {
        await store.connection.copyTransaction(async (session) => {
          await stageBatch(session, Number.POSITIVE_INFINITY);
          if (problemRows.size && !request.skipInvalid) throw new RollBack();
          const result = await merge(session.db, mergeOptions);
          add(result);
          if (result.rejected.length && !request.skipInvalid) throw new RollBack();
          if (request.dryRun) throw new RollBack();
        });
        report.status = 'committed';
      } catch (error) {
        if (!(error instanceof RollBack)) throw error;
        report.status = request.dryRun ? 'dry_run' : 'rejected';
        if (report.status === 'rejected') {
          report.inserted = report.updated = report.unchanged = 0;
          orderSummary?.dropFacts();
        }
      }
    } else {
      // On PostgreSQL the next batch is read while the server merges this one: reading and
      // checking is the importer's work, merging the server's, and each has a core to itself.
      // PGlite merges on the importer's own thread, so there it is read as it is copied.
      const readAhead = store.connection.engine === 'postgres';
      let next = readAhead ? reader.read(request.batchSize) : undefined;
      try {
        for (;;) {
          let lastRow = 0;
          const stop = await store.connection.copyTransaction(async (session) => {
            if (next) {
              lastRow = await stageRead(session, await next);
              next = lastRow === 0 ? undefined : reader.read(request.batchSize!);
            } else {
              lastRow = await stageBatch(session, request.batchSize!);
            }
            if (lastRow === 0) return true;
            const result = await merge(session.db, mergeOptions);
            if ((result.rejected.length || problemRows.size) && !request.skipInvalid) {
              for (const error of result.rejected) noteProblem(error);
              throw new RollBack();
            }
            add(result);
            // In the batch's own transaction, so the resume point moves only with the rows it covers.
            await sessionStore(store.connection, session.db).importRuns.progress(runId, { lastCommittedRow: lastRow, rowsRead: report.rowsRead });
            return false;
          }).catch((error) => {
            if (error instanceof RollBack) return 'rejected' as const;
            throw error;
          });
          if (stop === 'rejected') {
            report.status = report.inserted + report.updated > 0 ? 'partial' : 'rejected';
            break;
          }
          if (stop) {
            report.status = 'committed';
            break;
          }
        }
      } finally {
        // A batch read ahead of a failed one is dropped; its reading must not outlive the import.
        await next?.catch(() => undefined);
      }
    }
  } catch (error) {
    if (run) await store.importRuns.finish(run.id, 'failed', { ...summary(report), error: (error as Error).message });
    await files.close();
    throw error;
  }

  report.rejectedRows = problemRows.size;
  if (orderSummary) report.summary = orderSummary.result(await baseCurrency(store));
  if (files.rejectedPath && [...problemRows].some((row) => !files.hasRejected(row))) {
    await files.copyRejectedRows(request.path, plan.tableOptions, problemRows);
  }
  await files.close();
  report.reportPath = problemRows.size ? files.reportPath : undefined;
  report.rejectedPath = problemRows.size ? files.rejectedPath : undefined;
  if (run) {
    await store.importRuns.clearStaging(run.id);
    await store.importRuns.finish(run.id, report.status === 'committed' ? 'committed' : report.status === 'partial' ? 'failed' : 'rejected', summary(report));
    if (report.status === 'committed') {
      await store.audit.record({ userId: request.actor.userId, action: 'import', entity: 'import_run', entityId: run.id, changes: { target: [null, request.target], inserted: [null, report.inserted], updated: [null, report.updated], rejected: [null, report.rejectedRows] } });
    }
  }
  request.onProgress?.({ rowsRead: report.rowsRead, bytesRead: totalBytes, totalBytes });
  return report;
}

function summary(report: ImportReport) {
  const { problems: _p, preview: _v, ...rest } = report;
  return rest;
}
