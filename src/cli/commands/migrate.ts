// `clientele migrate`: brings the schema up to date and says what it did.
import { Command } from 'commander';
import { describeStore } from '../../store/open-store.js';
import { print } from '../format-output.js';
import { withStore } from '../run-command.js';

export function migrateCommand(): Command {
  return new Command('migrate')
    .action(() => {
      let applied: string[] = [];
      return withStore('clientele migrate', async ({ config }) => {
        print(applied.length
          ? `Applied ${applied.length === 1 ? 'migration' : 'migrations'} ${applied.join(', ')} to ${describeStore(config)}.`
          : `The schema of ${describeStore(config)} is already up to date.`);
      }, { onMigrated: (report) => { applied = report.applied; } });
    });
}
