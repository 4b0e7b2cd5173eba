// Runs an import: reads the file as a stream, checks every row, stages the good ones with COPY
// and merges them into the customer file in one transaction. By default any problem writes
// nothing; with skipInvalid the good rows land and the others go to a file to fix. With a
// batch size each batch commits on its own and an interrupted run can be resumed.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Actor } from '../../domain/access.js';
import { ClienteleError } from '../../domain/errors.js';
import type { MappingFile } from '../../import/mapping-file.js';
import { openTable, type TableRow } from '../../import/read-table.js';
import type { ImportTarget } from '../../import/targets.js';
import { type ImportRecord, OrderNumberer, type RowError, toRecord } from '../../import/to-record.js';
import { mergerFor } from '../../store/imports/merge.js';
import type { MergeResult } from '../../store/imports/merge-result.js';
import { stageRecords } from '../../store/imports/staging.js';
import { sessionStore, type Store } from '../../store/store.js';
import { createImportFiles, type ImportFiles } from './import-files.js';
import { type ImportFlags, type ImportPlan, planImport } from './plan-import.js';

export interface ImportRequest {
  target: ImportTarget;
  path: string;
  mapping?: MappingFile;
  flags?: ImportFlags;
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
  reportPath?: string;
  rejectedPath?: string;
}

const STAGE_CHUNK = 10_000;
const SHOWN_PROBLEMS = 200;
const PREVIEW_ROWS = 5;

class RollBack extends Error {}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
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
    run = await store.importRuns.create({ target: request.target, fileName: basename(request.path), fileSha256: sha, options: { mapping: request.mapping ?? null, flags: request.flags ?? {}, skipInvalid: !!request.skipInvalid, batchSize: request.batchSize ?? null }, startedBy: request.actor.userId });
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
  const table = await openTable(request.path, plan.tableOptions);
  const rows = table.rows[Symbol.asyncIterator]();
  let bytesRead = 0;
  let lastProgress = 0;

  // The lines of one order stay in one batch, so a batch never commits half an order.
  const groupHeader = request.target === 'order-lines' ? Object.entries(plan.columns).find(([, f]) => f === 'orderNumber')?.[0] : undefined;
  let pending: TableRow | undefined;
  const nextRow = async (): Promise<TableRow | undefined> => {
    if (pending) {
      const row = pending;
      pending = undefined;
      return row;
    }
    const next = await rows.next();
    return next.done ? undefined : next.value;
  };

  /** Reads, checks and stages up to `limit` rows; returns the last row number seen, or 0 at the end. */
  async function stageBatch(copyCsv: Parameters<typeof stageRecords>[0], limit: number): Promise<number> {
    let buffer: ImportRecord[] = [];
    let lastRow = 0;
    let taken = 0;
    let lastGroup: string | undefined;
    for (;;) {
      const row = await nextRow();
      if (!row) break;
      const group = groupHeader ? row.cells[groupHeader] : undefined;
      if (taken >= limit && (group === undefined || group !== lastGroup)) {
        pending = row;
        break;
      }
      lastGroup = group;
      lastRow = row.row;
      bytesRead = row.bytes ?? bytesRead;
      const { record, errors } = toRecord(row, plan.rules);
      if (record && numberer) record.values.number = numberer.next(record.values);
      if (row.row <= skipThrough) continue;
      taken++;
      report.rowsRead++;
      if (record) {
        if (report.preview.length < PREVIEW_ROWS) report.preview.push(record.values);
        buffer.push(record);
      } else {
        for (const error of errors) noteProblem(error);
        files.rejectRow(row, errors);
      }
      if (buffer.length >= STAGE_CHUNK) {
        await stageRecords(copyCsv, request.target, runId, buffer);
        buffer = [];
      }
      if (request.onProgress && report.rowsRead - lastProgress >= 5000) {
        lastProgress = report.rowsRead;
        request.onProgress({ rowsRead: report.rowsRead, bytesRead, totalBytes });
      }
    }
    if (buffer.length) await stageRecords(copyCsv, request.target, runId, buffer);
    return lastRow;
  }

  const add = (result: MergeResult) => {
    report.inserted += result.inserted;
    report.updated += result.updated;
    report.unchanged += result.unchanged;
    for (const error of result.rejected) noteProblem(error);
  };

  try {
    if (!request.batchSize || request.dryRun) {
      try {
        await store.connection.copyTransaction(async (session) => {
          await stageBatch(session.copyCsv, Number.POSITIVE_INFINITY);
          if (problemRows.size && !request.skipInvalid) throw new RollBack();
          const result = await merge(session.db, { runId, fields: plan.fields, skipInvalid: !!request.skipInvalid, actorId: request.actor.userId || null, createAccounts: request.mapping?.createAccounts });
          add(result);
          if (result.rejected.length && !request.skipInvalid) throw new RollBack();
          await sessionStore(store.connection, session.db).importRuns.clearStaging(runId);
          if (request.dryRun) throw new RollBack();
        });
        report.status = 'committed';
      } catch (error) {
        if (!(error instanceof RollBack)) throw error;
        report.status = request.dryRun ? 'dry_run' : 'rejected';
        if (report.status === 'rejected') report.inserted = report.updated = report.unchanged = 0;
      }
    } else {
      for (;;) {
        let lastRow = 0;
        const stop = await store.connection.copyTransaction(async (session) => {
          lastRow = await stageBatch(session.copyCsv, request.batchSize!);
          if (lastRow === 0) return true;
          const result = await merge(session.db, { runId, fields: plan.fields, skipInvalid: !!request.skipInvalid, actorId: request.actor.userId || null, createAccounts: request.mapping?.createAccounts });
          if ((result.rejected.length || problemRows.size) && !request.skipInvalid) {
            for (const error of result.rejected) noteProblem(error);
            throw new RollBack();
          }
          add(result);
          const tx = sessionStore(store.connection, session.db);
          await tx.importRuns.clearStaging(runId);
          // In the batch's own transaction, so the resume point moves only with the rows it covers.
          await tx.importRuns.progress(runId, { lastCommittedRow: lastRow, rowsRead: report.rowsRead });
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
    }
  } catch (error) {
    if (run) await store.importRuns.finish(run.id, 'failed', { ...summary(report), error: (error as Error).message });
    await files.close();
    throw error;
  }

  report.rejectedRows = problemRows.size;
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
