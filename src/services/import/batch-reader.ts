// Reads an import's file a batch at a time: each row checked and turned into a line of COPY
// input, the invalid ones handed back with their problems.
import type { TableRow } from '../../import/read-table.js';
import type { ImportRecord, OrderNumberer, RecordReader, RowError } from '../../import/to-record.js';
import type { CopyChunk } from '../../store/connection.js';
import type { RowQueue } from './row-queue.js';

/** Characters of COPY input handed over at a time. */
const COPY_CHUNK = 1 << 16;

/** What one batch read: filled in as its lines are taken. */
export interface ReadBatch {
  /** The last row number seen; 0 when the file had no row left. */
  lastRow: number;
  /** Rows counted into the import: those after the resume point. */
  rows: number;
}

export interface BatchRead {
  batch: ReadBatch;
  chunks: CopyChunk[];
  rejected: [TableRow, RowError[]][];
}

export type RejectRow = (row: TableRow, errors: RowError[]) => void;

export interface BatchReaderOptions {
  readRecord: RecordReader;
  numberer?: OrderNumberer;
  /** Rows up to this number were committed by an earlier run and are read past. */
  skipThrough: number;
  /** The column that groups rows into one order; its rows are never split between batches. */
  groupHeader?: string;
  /** The record as one line of COPY input. */
  line(record: ImportRecord): string;
  onRecord(record: ImportRecord): void;
  onRow(bytesRead: number | undefined): void;
}

export class BatchReader {
  constructor(private readonly rows: RowQueue, private readonly options: BatchReaderOptions) {}

  /**
   * The COPY input of up to `limit` rows (more if the last order has more lines), in chunks, as
   * the file is read; rows that fail their checks go to `reject`.
   */
  async *lines(limit: number, batch: ReadBatch, reject: RejectRow): AsyncGenerator<string> {
    const { readRecord, numberer, skipThrough, groupHeader } = this.options;
    let text = '';
    let lastGroup: string | undefined;
    for (;;) {
      const row = this.rows.shift() ?? (await this.rows.refill());
      if (!row) break;
      const group = groupHeader ? row.cells[groupHeader] : undefined;
      if (batch.rows >= limit && (group === undefined || group !== lastGroup)) {
        this.rows.unshift(row);
        break;
      }
      lastGroup = group;
      batch.lastRow = row.row;
      const { record, errors } = readRecord(row);
      if (record && numberer) record.values.number = numberer.next(record.values);
      if (row.row <= skipThrough) continue;
      batch.rows++;
      this.options.onRow(row.bytes);
      if (record) {
        this.options.onRecord(record);
        text += this.options.line(record);
        if (text.length >= COPY_CHUNK) {
          yield text;
          text = '';
        }
      } else if (errors.length) {
        reject(row, errors);
      }
      // A row with neither a record nor a problem was left out on purpose (a guest line, when asked).
    }
    if (text) yield text;
  }

  /**
   * The next batch read whole, for reading it while the database still merges the one before:
   * the COPY input, and its rejected rows to be noted when the batch is taken, so a batch's
   * problems never count against the one before it.
   */
  read(limit: number): Promise<BatchRead> {
    const reading = this.readWhole(limit);
    // Its failure is met when the batch is taken; until then it must not count as unhandled.
    reading.catch(() => undefined);
    return reading;
  }

  private async readWhole(limit: number): Promise<BatchRead> {
    const batch: ReadBatch = { lastRow: 0, rows: 0 };
    const chunks: CopyChunk[] = [];
    const rejected: [TableRow, RowError[]][] = [];
    // Held as bytes outside the JS heap: the text of a chunk is a rope of one string per line,
    // and half a million lines kept through a merge made the heap grow by over a gigabyte.
    for await (const chunk of this.lines(limit, batch, (row, errors) => rejected.push([row, errors]))) chunks.push(Buffer.from(chunk));
    return { batch, chunks, rejected };
  }
}
