// The `clientele` command line: administration and demo data, through the same services as the API.
// Only the command being run is loaded (command-list.ts); the others are listed by name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { PROJECT_ROOT } from '../project-root.js';
import { COMMANDS } from './command-list.js';
import { EXIT_CODES } from './exit-codes.js';
import { t } from './language.js';
import { knowFlags } from './flag-errors.js';
import { reportError } from './report-error.js';

const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

/** The command the arguments name (`clientele help account` names account), if any. */
function commandNamed(args: string[]): string | undefined {
  // `--lang` is the one option before a command that takes a value.
  const words = args.filter((arg, i) => !arg.startsWith('-') && args[i - 1] !== '--lang');
  return words[0] === 'help' ? words[1] : words[0];
}

const program = new Command('clientele')
  .description('Clientele, the customer portfolio manager. Works on the store the environment selects: DATABASE_URL, or the embedded one in CLIENTELE_DATA_DIR (./data).')
  .version(version)
  // Read before the commands are built (language.ts); declared so commander accepts it anywhere.
  .option('--lang <code>', t('cli.langOption'));

const wanted = commandNamed(process.argv.slice(2));
for (const entry of COMMANDS) {
  const command = entry.name === wanted ? await entry.load() : new Command(entry.name);
  program.addCommand(command.description(entry.description));
}

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
program.hook('preAction', (_program, command) => knowFlags(command));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander's own usage errors are already written; a check in a hook is reported here.
  if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : EXIT_CODES.usage;
  else process.exitCode = reportError(error);
}
