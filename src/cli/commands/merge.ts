// `clientele merge A B`: merges record B into record A, which keeps its values, gains B's
// orders, contacts, interactions, tasks and history, and fills its empty fields from B.
import { Command } from 'commander';
import { DUPLICATE_KINDS, type DuplicateKind } from '../../domain/duplicates/find-duplicates.js';
import { ClienteleError } from '../../domain/errors.js';
import { mergeAccounts, mergeContacts } from '../../services/duplicates.js';
import { formatFields, formatOption, type OutputFormat, print, printJson } from '../format-output.js';
import { label, t } from '../language.js';
import { runCommand, useStore } from '../run-command.js';

const idOf = (text: string, field: string) => {
  if (!/^[1-9]\d*$/.test(text)) throw new ClienteleError('bad_request', `The id ${field === 'id' ? 'to keep' : 'to merge'} must be a whole number, not "${text}".`, field);
  return Number(text);
};

/** Field names in words: "hasInterest" reads "Has shown interest". */
const fieldWords = (fields: readonly string[]) => fields.map((field) => label('field', field)).join(', ');

export function mergeCommand(): Command {
  return new Command('merge')
    .description('Merge record B into record A: A keeps its values and gains everything of B, whose empty-field values fill A\'s; B is deleted, its audit trail kept')
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
          print(t('cli.merge.accounts', { from: dropId, into: keepId, name: result.kept.name }));
          print(formatFields([
            [t('cli.merge.moved'), [t('cli.merge.contact', { count: moved.contacts }), t('cli.merge.order', { count: moved.orders }),
              t('cli.merge.interaction', { count: moved.interactions }), t('cli.merge.task', { count: moved.tasks }),
              t('cli.merge.statusChange', { count: moved.statusChanges })].join(', ')],
            [t('cli.merge.filled'), fieldWords(result.filled)],
            [t('cli.merge.tagsAdded'), result.tagsAdded.join(', ')],
            [t('cli.merge.customFieldsAdded'), result.customFieldsAdded.join(', ')],
          ]));
        } else {
          const result = await mergeContacts(ctx, keepId, dropId);
          if (options.format === 'json') return printJson(result);
          print(t('cli.merge.contacts', { from: dropId, into: keepId, name: [result.kept.firstName, result.kept.lastName].filter(Boolean).join(' ') }));
          print(formatFields([
            [t('cli.merge.moved'), t('cli.merge.interaction', { count: result.moved.interactions })],
            [t('cli.merge.filled'), fieldWords(result.filled)],
            [t('cli.merge.consentTaken'), result.consentTaken.map((channel) => label('channel', channel)).join(', ')],
          ]));
        }
        print(t(kind === 'account' ? 'cli.merge.accountGone' : 'cli.merge.contactGone', { id: dropId }));
      });
    }));
}
