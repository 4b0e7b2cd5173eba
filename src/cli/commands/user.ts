// `clientele user add|list`: the people who sign in.
import { Command } from 'commander';
import { Type } from 'typebox';
import { ROLES } from '../../domain/customer-file.js';
import { UserCreateSchema } from '../../domain/schemas/user.js';
import { users } from '../../services/users.js';
import { formatOption, formatTable, type OutputFormat, print, printJson, shortTime } from '../format-output.js';
import { promptNewPassword } from '../prompt-password.js';
import { runCommand, useStore, withStore } from '../run-command.js';
import { validateOptions } from '../validate-options.js';

export function userCommand(): Command {
  const user = new Command('user');

  user.command('add')
    .description('Add a user who can sign in; asks for the password when none is given')
    .requiredOption('--email <email>', 'email, used to sign in')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--password <password>', 'at least 10 characters (visible in the shell history: prefer the prompt)')
    .addOption(formatOption())
    .action((options: { email: string; name: string; role: string; password?: string; format: OutputFormat }) => runCommand(async () => {
      const fields = { email: options.email, name: options.name, role: options.role };
      // Check what was typed before asking for a password that would be thrown away.
      validateOptions(Type.Omit(UserCreateSchema, ['password']), fields);
      const password = options.password ?? await promptNewPassword('--password');
      const input = validateOptions(UserCreateSchema, { ...fields, password });
      await useStore('clientele user add', async ({ ctx }) => {
        const created = await users.create(ctx, input);
        if (options.format === 'json') printJson(created);
        else print(`Added ${created.role} ${created.email} (user ${created.id}).`);
      });
    }));

  user.command('list')
    .description('List the users')
    .addOption(formatOption())
    .action((options: { format: OutputFormat }) => withStore('clientele user list', async ({ ctx }) => {
      const list = await users.listFull(ctx);
      if (options.format === 'json') return printJson(list);
      print(formatTable(list, [
        ['ID', (u) => u.id], ['EMAIL', (u) => u.email], ['NAME', (u) => u.name], ['ROLE', (u) => u.role],
        ['ACTIVE', (u) => (u.active ? 'yes' : 'no')], ['CREATED', (u) => shortTime(u.createdAt)],
      ]));
    }));

  return user;
}
