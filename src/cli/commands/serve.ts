// `clientele serve [--demo]`: the server, optionally on the demo portfolio when the store is empty.
import { Command } from 'commander';
import { readConfig } from '../../config.js';
import { SYSTEM_ACTOR } from '../../domain/access.js';
import type { Store } from '../../store/store.js';
import { runCommand } from '../run-command.js';
import { loadDemoWithProgress, todayUtc } from './demo.js';

async function loadDemoIfEmpty(store: Store): Promise<void> {
  const existing = await store.bulkPortfolio.count();
  if (existing.accounts > 0 || existing.products > 0) {
    process.stderr.write('The store already holds a portfolio; starting on it without loading the demo.\n');
    return;
  }
  await loadDemoWithProgress({ store, actor: SYSTEM_ACTOR }, { endDate: todayUtc() });
}

export function serveCommand(): Command {
  return new Command('serve')
    .option('--demo', 'first load the demo portfolio if the store holds none')
    .action((options: { demo?: boolean }) => runCommand(async () => {
      // Loaded here: the HTTP stack takes seconds to load and the other commands never need it.
      const { startServer } = await import('../../server.js');
      const server = await startServer(readConfig(), options.demo ? { beforeListen: loadDemoIfEmpty } : {});
      await new Promise<void>((resolve) => {
        const stop = () => void server.stop().then(resolve, resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    }));
}
