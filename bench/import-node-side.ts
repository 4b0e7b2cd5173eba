// The importer's own share of an import, without a database: read, tokenize, check and encode
// every line as COPY input, through the reader runImport uses before handing it to the store.
//   npx tsx bench/import-node-side.ts FILE   (invoice lines, as `npm run bench -- import` writes them)
import { openTable } from '../src/import/read-table.js';
import { recordReader } from '../src/import/to-record.js';
import { BatchReader, type ReadBatch } from '../src/services/import/batch-reader.js';
import { planImport } from '../src/services/import/plan-import.js';
import { RowQueue } from '../src/services/import/row-queue.js';
import { stagingOf } from '../src/store/imports/staging.js';

const path = process.argv[2]!;
const plan = await planImport('order-lines', path);
const staging = stagingOf('order-lines', 1);
const reader = new BatchReader(new RowQueue((await openTable(path, plan.tableOptions)).batches), {
  readRecord: recordReader(plan.rules), skipThrough: 0, line: (record) => staging.line(record), onRecord: () => {}, onRow: () => {},
});
const started = process.hrtime.bigint();
const cpu = process.cpuUsage();
const batch: ReadBatch = { lastRow: 0, rows: 0 };
let chars = 0;
for await (const chunk of reader.lines(Number.POSITIVE_INFINITY, batch, () => {})) chars += chunk.length;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const used = process.cpuUsage(cpu);
const lines = batch.rows;
console.log(JSON.stringify({ lines, chars, seconds, linesPerSecond: Math.round(lines / seconds), cpuMicrosPerLine: (used.user + used.system) / lines }));
