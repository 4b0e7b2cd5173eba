// The CLI suites run bin/clientele.js, which compiles src/ when the compiled CLI is stale:
// compile once before the suites instead of in whichever CLI process starts first.
import { ensureCliBuilt } from '../../scripts/cli-build.js';

export async function setup() {
  await ensureCliBuilt({ log: (line) => process.stdout.write(`${line}\n`) });
}
