// `clientele dismiss A B`: marks two records as not a duplicate, for good, so `clientele
// duplicates`, the API and the web app leave the pair out; `--undo` takes the decision back.
import { Command } from 'commander';
import { DUPLICATE_KINDS, type DuplicateKind } from '../../domain/duplicates/find-duplicates.js';
import { ClienteleError } from '../../domain/errors.js';
import { dismissDuplicate, restoreDuplicate } from '../../services/duplicates.js';
import { formatOption, type OutputFormat, print, printJson } from '../format-output.js';
import { runCommand, useStore } from '../run-command.js';

const idOf = (text: string, field: string) => {
  if (!/^[1-9]\d*$/.test(text)) throw new ClienteleError('bad_request', `${field} must be a whole number, not "${text}".`, field);
  return Number(text);
};

export function dismissCommand(): Command {
  return new Command('dismiss')
    .argument('<A>', 'id of one record')
    .argument('<B>', 'id of the other')
    .option('--kind <kind>', DUPLICATE_KINDS.join(' or '), 'account')
    .option('--undo', 'take the decision back: the pair is listed again if it still scores enough')
    .addOption(formatOption())
    .action((aText: string, bText: string, options: { kind: string; undo?: boolean; format: OutputFormat }) => runCommand(async () => {
      if (!(DUPLICATE_KINDS as readonly string[]).includes(options.kind)) {
        throw new ClienteleError('bad_request', `--kind must be one of ${DUPLICATE_KINDS.join(', ')}, not "${options.kind}".`, 'kind');
      }
      const kind = options.kind as DuplicateKind;
      const [a, b] = [idOf(aText, 'A'), idOf(bText, 'B')];
      await useStore('clientele dismiss', async ({ ctx }) => {
        const [low, high] = [Math.min(a, b), Math.max(a, b)];
        if (options.undo) {
          await restoreDuplicate(ctx, kind, a, b);
          if (options.format === 'json') return printJson({ kind, a: low, b: high, dismissed: false });
          return print(`${kind === 'account' ? 'Accounts' : 'Contacts'} ${low} and ${high} may be duplicates again; \`clientele duplicates\` lists them if they still score enough.`);
        }
        const pair = await dismissDuplicate(ctx, { kind, a, b });
        if (options.format === 'json') return printJson(pair);
        print(`${kind === 'account' ? 'Accounts' : 'Contacts'} ${low} and ${high} are marked as not a duplicate; the duplicates list leaves them out. Undo: clientele dismiss ${low} ${high}${kind === 'contact' ? ' --kind contact' : ''} --undo`);
      });
    }));
}
