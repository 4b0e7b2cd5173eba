// `npm run bench [-- NAME…]`: runs the benchmarks (all by default) and writes bench/results/.
import { runApiLatencyBench } from './api-latency.js';
import { runApiLoadBench } from './api-load.js';
import { runCliStartupBench } from './cli-startup.js';
import { runClvBench } from './clv-fit.js';
import { runImportBench } from './import-throughput.js';
import { runPortfolioBench } from './portfolio-analysis.js';
import { runWebBench } from './web.js';
import { runStallBench } from './large-write-stall.js';

const BENCHES: Record<string, () => Promise<void>> = {
  api: runApiLatencyBench,
  cli: runCliStartupBench,
  clv: runClvBench,
  import: runImportBench,
  load: runApiLoadBench,
  portfolio: runPortfolioBench,
  stall: runStallBench,
  web: runWebBench,
};

const wanted = process.argv.slice(2).filter((a) => a !== '--');
const names = wanted.length ? wanted : Object.keys(BENCHES);
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    process.stderr.write(`Unknown benchmark "${name}"; choose from ${Object.keys(BENCHES).join(', ')}.\n`);
    process.exit(2);
  }
  process.stderr.write(`Running ${name}…\n`);
  await bench();
}
