// The files an import leaves for people: the problem report (row, column, value, reason) and,
// with --skip-invalid, the rejected rows as they were, plus the reason, ready to fix and re-import.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import { openTable, type TableOptions, type TableRow } from '../../import/read-table.js';
import type { RowError } from '../../import/to-record.js';

export interface ImportFiles {
  reportPath?: string;
  rejectedPath?: string;
  problem(error: RowError): void;
  rejectRow(row: TableRow, errors: RowError[]): void;
  hasRejected(row: number): boolean;
  /** Copies rows found wrong only at merge time (unknown account…) from the original file. */
  copyRejectedRows(path: string, options: TableOptions, rows: ReadonlySet<number>): Promise<void>;
  close(): Promise<void>;
}

const REASON_HEADER = 'Import problem';

function writer(path: string | undefined): WriteStream | undefined {
  return path ? createWriteStream(path, { encoding: 'utf8' }) : undefined;
}

async function end(stream: WriteStream | undefined) {
  if (!stream) return;
  stream.end();
  await once(stream, 'finish');
}

export async function createImportFiles(reportPath: string | undefined, rejectedPath: string | undefined, headers: string[]): Promise<ImportFiles> {
  let report: WriteStream | undefined;
  let rejected: WriteStream | undefined;
  const written = new Set<number>();
  const reasons = new Map<number, string[]>();
  const line = (values: unknown[]) => stringify([values]);

  const ensureReport = () => {
    if (!report && reportPath) {
      report = writer(reportPath)!;
      report.write(line(['row', 'column', 'value', 'reason']));
    }
    return report;
  };
  const ensureRejected = () => {
    if (!rejected && rejectedPath) {
      rejected = writer(rejectedPath)!;
      rejected.write(line([...headers, REASON_HEADER]));
    }
    return rejected;
  };

  return {
    reportPath,
    rejectedPath,
    problem(error) {
      ensureReport()?.write(line([error.row, error.column, error.value, error.reason]));
      reasons.set(error.row, [...(reasons.get(error.row) ?? []), error.reason]);
    },
    rejectRow(row, errors) {
      const out = ensureRejected();
      if (!out) return;
      written.add(row.row);
      out.write(line([...headers.map((h) => row.cells[h] ?? ''), errors.map((e) => e.reason).join('; ')]));
    },
    hasRejected: (row) => written.has(row),
    async copyRejectedRows(path, options, rows) {
      const out = ensureRejected();
      if (!out) return;
      const table = await openTable(path, options);
      for await (const row of table.rows) {
        if (!rows.has(row.row) || written.has(row.row)) continue;
        written.add(row.row);
        out.write(line([...headers.map((h) => row.cells[h] ?? ''), (reasons.get(row.row) ?? []).join('; ')]));
      }
      await end(out);
      rejected = undefined;
    },
    async close() {
      await end(report);
      report = undefined;
      await end(rejected);
      rejected = undefined;
    },
  };
}
