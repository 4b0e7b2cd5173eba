// Writes an export's header and rows to a stream as CSV or XLSX, waiting whenever the stream
// is full, so a large export never piles up in memory ahead of a slow disk or client.
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { ClienteleError } from '../../domain/errors.js';
import { csvCell, type ExportValue, xlsxCell } from './cell-text.js';
import type { ExportColumn, ExportFormat } from './export-columns.js';

export interface TableWriter {
  row(values: readonly ExportValue[]): Promise<void>;
  /** Finishes the file and ends the stream. */
  end(): Promise<void>;
}

/** Resolves once the stream can take more; rejects if it closed or failed meanwhile (a client that went away). */
function ready(output: Writable): Promise<void> {
  if (output.destroyed) return Promise.reject(new Error('The output closed before the export finished.'));
  if (!output.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      output.off('drain', onDrain).off('close', onClose).off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('The output closed before the export finished.'));
    output.on('drain', onDrain).on('close', onClose).on('error', done);
  });
}

function finished(output: Writable): Promise<void> {
  if (output.writableFinished) return Promise.resolve();
  return new Promise((resolve, reject) => {
    output.once('finish', resolve).once('error', reject);
  });
}

const CSV_BATCH = 500;

function csvWriter(output: Writable, columns: readonly ExportColumn[], bom: boolean): TableWriter {
  let batch: string[][] = [columns.map((c) => c.field)];
  let first = true;
  const flush = async () => {
    if (!batch.length) return;
    output.write(stringify(batch, { bom: first && bom, record_delimiter: 'unix' }));
    first = false;
    batch = [];
    await ready(output);
  };
  return {
    async row(values) {
      batch.push(columns.map((column, i) => csvCell(column.kind, values[i])));
      if (batch.length >= CSV_BATCH) await flush();
    },
    async end() {
      await flush();
      output.end();
      await finished(output);
    },
  };
}

/** An XLSX sheet holds 1,048,576 rows, the header included. */
export const XLSX_MAX_ROWS = 1_048_575;

function xlsxWriter(output: Writable, columns: readonly ExportColumn[], sheetName: string): TableWriter {
  // Inline strings rather than a shared table, so memory does not grow with the row count.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.field,
    key: c.field,
    width: Math.max(12, c.field.length + 2),
    ...(c.kind === 'money' ? { style: { numFmt: '0.00' } } : {}),
  }));
  let rows = 0;
  return {
    async row(values) {
      if (++rows > XLSX_MAX_ROWS) {
        throw new ClienteleError('invalid', `An XLSX sheet holds at most ${XLSX_MAX_ROWS.toLocaleString('en-US')} rows; export to CSV instead.`, 'format');
      }
      sheet.addRow(columns.map((column, i) => xlsxCell(column.kind, values[i]))).commit();
      if (rows % CSV_BATCH === 0) await ready(output);
    },
    async end() {
      sheet.commit();
      await workbook.commit();
      await finished(output);
    },
  };
}

export function tableWriter(format: ExportFormat, output: Writable, columns: readonly ExportColumn[], options: { bom?: boolean; sheetName: string }): TableWriter {
  return format === 'csv' ? csvWriter(output, columns, options.bom ?? false) : xlsxWriter(output, columns, options.sheetName);
}
