// `clientele restore FILE [--force]`: the store becomes exactly what the backup holds, ids
// included, in one transaction; a damaged file or a refused row changes nothing.
import { Command } from 'commander';
import { restoreStore } from '../../services/backup.js';
import { print } from '../format-output.js';
import { type Progress, startProgress } from '../progress.js';
import { requireInputFile } from '../file-arguments.js';
import { runCommand, useStore } from '../run-command.js';

export function restoreCommand(): Command {
  return new Command('restore')
    .argument('<file>', 'the backup file')
    .option('--force', 'replace a store that already holds data (everything in it is deleted)')
    .action((file: string, options: { force?: boolean }) => runCommand(async () => {
      requireInputFile(file, 'file');
      await useStore('clientele restore', async ({ store }) => {
        let progress: Progress | undefined;
        const summary = await restoreStore(store, file, {
          force: options.force,
          onProgress: ({ rows, totalRows }) => {
            progress ??= startProgress('Restoring', Math.max(totalRows, 1), 'rows');
            progress.update(rows, rows);
          },
        });
        progress?.stop();
        print(`Restored ${summary.rows.toLocaleString('en-US')} rows from ${file}; the store is now as the backup was.`);
      });
    }));
}
