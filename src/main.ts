import { readConfig } from './config.js';
import { ClienteleError } from './domain/errors.js';
import { startServer } from './server.js';

try {
  const server = await startServer(readConfig());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.stop().then(() => process.exit(0));
    });
  }
} catch (error) {
  process.stderr.write(`clientele: ${error instanceof ClienteleError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
