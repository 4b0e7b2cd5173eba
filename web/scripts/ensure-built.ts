// `npm start` runs this first: a fresh clone or changed sources get the web app built.
import { ensureWebBuilt } from './web-build.js';

try {
  await ensureWebBuilt((line) => process.stdout.write(`${line}\n`));
} catch (error) {
  process.stderr.write(`clientele: the web app could not be built: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
