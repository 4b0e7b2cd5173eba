// `clientele token create`: an API token for a user's scripts, printed once.
import { Command } from 'commander';
import { Type } from 'typebox';
import { ClienteleError } from '../../domain/errors.js';
import { ApiTokenCreateSchema } from '../../domain/schemas/user.js';
import { createApiToken } from '../../services/auth.js';
import { print } from '../format-output.js';
import { runCommand, useStore } from '../run-command.js';
import { validateOptions } from '../validate-options.js';

export function tokenCommand(): Command {
  const token = new Command('token');

  token.command('create')
    .description('Create an API token acting as a user; only the token goes to stdout, shown this once')
    .requiredOption('--email <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for, e.g. "nightly export"')
    .action((options: { email: string; name: string }) => runCommand(async () => {
      const { name } = validateOptions(ApiTokenCreateSchema, { name: options.name });
      validateOptions(Type.Object({ email: Type.String({ minLength: 1 }) }), { email: options.email });
      await useStore('clientele token create', async ({ store }) => {
        const user = await store.users.getByEmail(options.email);
        if (!user) throw new ClienteleError('not_found', `No user has the email ${options.email}; see \`clientele user list\`.`, 'email');
        if (!user.active) throw new ClienteleError('invalid', `User ${user.email} is inactive; a token for them would not work.`, 'email');
        const created = await createApiToken(store, user.id, name);
        print(created.token);
        process.stderr.write(`API token "${name}" for ${user.email} created. Keep it now: it is not stored and cannot be shown again.\n`);
      });
    }));

  return token;
}
