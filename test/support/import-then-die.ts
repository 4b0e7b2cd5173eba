// A process that starts a batched import and is killed (SIGKILL, no clean-up of any kind) at
// its first progress report, as a crash or `kill -9` would stop it. For the interrupted-import tests.
// argv: data dir, orders file, batch size.
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { runImport } from '../../src/services/import/run-import.js';
import { openStore } from '../../src/store/open-store.js';

const [dataDir, path, batchSize] = process.argv.slice(2);
const store = await openStore({ dataDir: dataDir! }, 'import-then-die');
await runImport(store, {
  target: 'orders', path: path!, batchSize: Number(batchSize), actor: SYSTEM_ACTOR,
  mapping: { createAccounts: { name: 'Customer {accountExternalId}' } },
  onProgress: () => process.kill(process.pid, 'SIGKILL'),
});
