import type { TableRow } from '../../import/read-table.js';

/**
 * The rows of a table taken one at a time from the batches it is read in: `shift` is synchronous
 * while a batch lasts, so millions of rows cost one await per batch, not one per row.
 */
export class RowQueue {
  private batch: TableRow[] = [];
  private at = 0;
  private readonly source: AsyncIterator<TableRow[]>;

  constructor(batches: AsyncIterable<TableRow[]>) {
    this.source = batches[Symbol.asyncIterator]();
  }

  /** The next row if the current batch has one. */
  shift(): TableRow | undefined {
    return this.at < this.batch.length ? this.batch[this.at++] : undefined;
  }

  /** Reads batches until one has a row and returns that row; undefined at the end of the table. */
  async refill(): Promise<TableRow | undefined> {
    for (;;) {
      const row = this.shift();
      if (row) return row;
      const next = await this.source.next();
      if (next.done) return undefined;
      this.batch = next.value;
      this.at = 0;
    }
  }

  /** Puts back the row just taken, to be the next one again. */
  unshift(row: TableRow): void {
    if (this.at > 0 && this.batch[this.at - 1] === row) this.at--;
    else {
      this.batch = [row, ...this.batch.slice(this.at)];
      this.at = 0;
    }
  }
}
