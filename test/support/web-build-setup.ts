// Browser runs need the built web app: build it once before the suites when the build is
// missing or older than its sources.
import { ensureWebBuilt } from '../../web/scripts/web-build.js';

export async function setup() {
  await ensureWebBuilt((line) => process.stdout.write(`${line}\n`));
}
