// `clientele backup FILE`: the whole store (users and token hashes included) in one gzip'd file,
// from a consistent snapshot, so it can be taken while the server runs on PostgreSQL.
import { Command } from 'commander';
import { backupStore } from '../../services/backup.js';
import { print } from '../format-output.js';
import { type Progress, startProgress } from '../progress.js';
import { requireOutputFile } from '../file-arguments.js';
import { runCommand, useStore } from '../run-command.js';

export function backupCommand(): Command {
  return new Command('backup')
    .argument('<file>', 'the backup file to write, e.g. clientele-2026-01-31.backup.gz; readable by you only, as it holds password hashes')
    .action((file: string) => runCommand(async () => {
      requireOutputFile(file, 'file');
      await useStore('clientele backup', async ({ store }) => {
        let progress: Progress | undefined;
        const summary = await backupStore(store, file, {
          onProgress: ({ rows, totalRows }) => {
            progress ??= startProgress('Backing up', Math.max(totalRows, 1), 'rows');
            progress.update(rows, rows);
          },
        });
        progress?.stop();
        const tables = Object.values(summary.tables).filter((n) => n > 0).length;
        print(`Backed up ${summary.rows.toLocaleString('en-US')} rows of ${tables} tables (schema ${summary.migration}) to ${file}.`);
      });
    }));
}
