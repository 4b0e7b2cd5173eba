// The importer's own share of an import, without a database: read, tokenize, check and encode
// every line as COPY input, as runImport does before handing it to the store.
//   npx tsx bench/import-node-side.ts FILE   (invoice lines, as `npm run bench -- import` writes them)
import { planImport } from '../src/services/import/plan-import.js';
import { openTable } from '../src/import/read-table.js';
import { recordReader } from '../src/import/to-record.js';
import { stagingOf } from '../src/store/imports/staging.js';

const path = process.argv[2]!;
const plan = await planImport('order-lines', path);
const staging = stagingOf('order-lines', 1);
const read = recordReader(plan.rules);
const started = process.hrtime.bigint();
const cpu = process.cpuUsage();
let lines = 0;
let chars = 0;
for await (const batch of (await openTable(path, plan.tableOptions)).batches) {
  for (const row of batch) {
    const { record } = read(row);
    if (record) chars += staging.line(record).length;
    lines++;
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ lines, chars, seconds, linesPerSecond: Math.round(lines / seconds), cpuMicrosPerLine: (used.user + used.system) / lines }));
