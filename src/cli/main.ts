// The `clientele` command line: administration and demo data, through the same services as the API.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { accountCommand } from './commands/account.js';
import { analyzeCommand, snapshotCommand } from './commands/analyze.js';
import { backupCommand } from './commands/backup.js';
import { demoCommand } from './commands/demo.js';
import { duplicatesCommand } from './commands/duplicates.js';
import { exportCommand } from './commands/export.js';
import { fitCommand } from './commands/fit.js';
import { importCommand } from './commands/import.js';
import { mergeCommand } from './commands/merge.js';
import { migrateCommand } from './commands/migrate.js';
import { predictCommand } from './commands/predict.js';
import { recommendCommand } from './commands/recommend.js';
import { restoreCommand } from './commands/restore.js';
import { serveCommand } from './commands/serve.js';
import { tokenCommand } from './commands/token.js';
import { userCommand } from './commands/user.js';
import { t } from './language.js';
import { EXIT_CODES } from './run-command.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('clientele')
  .description('Clientele, the customer portfolio manager. Works on the store the environment selects: DATABASE_URL, or the embedded one in CLIENTELE_DATA_DIR (./data).')
  .version(version)
  // Read before the commands are built (language.ts); declared so commander accepts it anywhere.
  .option('--lang <code>', t('cli.langOption'))
  .addCommand(serveCommand())
  .addCommand(migrateCommand())
  .addCommand(userCommand())
  .addCommand(tokenCommand())
  .addCommand(accountCommand())
  .addCommand(demoCommand())
  .addCommand(duplicatesCommand())
  .addCommand(recommendCommand())
  .addCommand(predictCommand())
  .addCommand(fitCommand())
  .addCommand(mergeCommand())
  .addCommand(importCommand())
  .addCommand(exportCommand())
  .addCommand(backupCommand())
  .addCommand(restoreCommand())
  .addCommand(analyzeCommand())
  .addCommand(snapshotCommand());

program.addHelpText('after', `
Exit codes: 0 done, ${EXIT_CODES.internal} unexpected failure, ${EXIT_CODES.usage} bad command or input, ${EXIT_CODES.unauthenticated} not signed in,
${EXIT_CODES.forbidden} not allowed, ${EXIT_CODES.not_found} not found, ${EXIT_CODES.conflict} conflict, ${EXIT_CODES.invalid} refers to something missing,
${EXIT_CODES.too_many_requests} too many attempts, ${EXIT_CODES.locked} data directory in use by another process.`);

// Usage mistakes read like every other error and exit with the usage code, at every level.
const configure = (command: Command) => {
  command.exitOverride().configureOutput({ outputError: (text, write) => write(`clientele: ${text.replace(/^error: /, '')}`) });
  command.commands.forEach(configure);
};
configure(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  process.exitCode = error.exitCode === 0 ? 0 : EXIT_CODES.usage;
}
