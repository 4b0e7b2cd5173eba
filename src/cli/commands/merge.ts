// `clientele merge A B`: merges record B into record A, which keeps its values, gains B's
// orders, contacts, interactions, tasks and history, and fills its empty fields from B.
import { Command } from 'commander';
import { DUPLICATE_KINDS, type DuplicateKind } from '../../domain/duplicates/find-duplicates.js';
import { ClienteleError } from '../../domain/errors.js';
import { mergeAccounts, mergeContacts } from '../../services/duplicates.js';
import { formatFields, formatOption, type OutputFormat, print, printJson } from '../format-output.js';
import { runCommand, useStore } from '../run-command.js';

const idOf = (text: string, field: string) => {
  if (!/^[1-9]\d*$/.test(text)) throw new ClienteleError('bad_request', `The id ${field === 'id' ? 'to keep' : 'to merge'} must be a whole number, not "${text}".`, field);
  return Number(text);
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function mergeCommand(): Command {
  return new Command('merge')
    .argument('<A>', 'id of the record kept')
    .argument('<B>', 'id of the record merged into A, then deleted')
    .option('--kind <kind>', DUPLICATE_KINDS.join(' or '), 'account')
    .addOption(formatOption())
    .action((keepText: string, dropText: string, options: { kind: string; format: OutputFormat }) => runCommand(async () => {
      if (!(DUPLICATE_KINDS as readonly string[]).includes(options.kind)) {
        throw new ClienteleError('bad_request', `--kind must be one of ${DUPLICATE_KINDS.join(', ')}, not "${options.kind}".`, 'kind');
      }
      const kind = options.kind as DuplicateKind;
      const [keepId, dropId] = [idOf(keepText, 'id'), idOf(dropText, 'from')];
      await useStore('clientele merge', async ({ ctx }) => {
        if (kind === 'account') {
          const result = await mergeAccounts(ctx, keepId, dropId);
          if (options.format === 'json') return printJson(result);
          const { moved } = result;
          print(`Merged account ${dropId} into account ${keepId} (${result.kept.name}).`);
          print(formatFields([
            ['moved', [plural(moved.contacts, 'contact'), plural(moved.orders, 'order'), plural(moved.interactions, 'interaction'),
              plural(moved.tasks, 'task'), plural(moved.statusChanges, 'status change')].join(', ')],
            ['filled', result.filled.join(', ')],
            ['tags added', result.tagsAdded.join(', ')],
            ['custom fields added', result.customFieldsAdded.join(', ')],
          ]));
        } else {
          const result = await mergeContacts(ctx, keepId, dropId);
          if (options.format === 'json') return printJson(result);
          print(`Merged contact ${dropId} into contact ${keepId} (${[result.kept.firstName, result.kept.lastName].filter(Boolean).join(' ')}).`);
          print(formatFields([
            ['moved', plural(result.moved.interactions, 'interaction')],
            ['filled', result.filled.join(', ')],
            ['consent taken', result.consentTaken.join(', ')],
          ]));
        }
        print(`${kind === 'account' ? 'Account' : 'Contact'} ${dropId} is gone; its audit trail is kept, and looking it up says where it went.`);
      });
    }));
}
