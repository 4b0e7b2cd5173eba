// `clientele duplicates`: likely duplicate accounts and contacts, most likely first, each
// with its score and the reasons, as the API lists them.
import { Command } from 'commander';
import { DUPLICATE_KINDS } from '../../domain/duplicates/find-duplicates.js';
import { DuplicateQuerySchema } from '../../domain/schemas/duplicate.js';
import { duplicatePairsWords } from '../../domain/figures.js';
import { type DuplicateList, listDismissed, listDuplicates } from '../../services/duplicates.js';
import { formatOption, formatTable, type OutputFormat, print, printJson } from '../format-output.js';
import { runCommand, useStore } from '../run-command.js';
import { validateOptions } from '../validate-options.js';

interface Options {
  kind?: string;
  minScore: string;
  limit: string;
  format: OutputFormat;
  dismissed?: boolean;
}

type Record = DuplicateList['items'][number]['a'];

const wholeNumber = (text: string) => (/^\d+$/.test(text) ? Number(text) : text);

const describe = (record: Record) => ('accountId' in record
  ? `${record.id} ${[record.firstName, record.lastName].filter(Boolean).join(' ')} (account ${record.accountId})`
  : `${record.id} ${record.name}`);

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function duplicatesCommand(): Command {
  return new Command('duplicates')
    .option('--kind <kind>', `${DUPLICATE_KINDS.join(' or ')} (default both)`)
    .option('--min-score <n>', 'leave out pairs scoring less, 0 to 100', '60')
    .option('--limit <n>', 'pairs to show, 1 to 500', '50')
    .option('--dismissed', 'list instead the pairs marked as not duplicates (`clientele dismiss`)')
    .addOption(formatOption())
    .action((options: Options) => runCommand(async () => {
      if (options.dismissed) return printDismissed(options);
      const query = validateOptions(DuplicateQuerySchema, {
        ...(options.kind !== undefined && { kind: options.kind }), minScore: wholeNumber(options.minScore), limit: wholeNumber(options.limit),
      });
      await useStore('clientele duplicates', async ({ ctx }) => {
        const list = await listDuplicates(ctx, query);
        if (options.format === 'json') return printJson(list);
        // The counts first, worded as the web app's duplicates page words them.
        print(`${DUPLICATE_KINDS.filter((kind) => list.pairs[kind] !== undefined)
          .map((kind) => duplicatePairsWords(kind, list.pairs[kind]!)).join(', ')} (scoring ${query.minScore} or more).`);
        if (list.items.length) {
          print('');
          // One line per pair, its reasons on the next: reasons are too long for a column.
          const [heading, ...rows] = formatTable(list.items, [
            ['SCORE', (p) => p.score], ['KIND', (p) => p.kind], ['A', (p) => describe(p.a)], ['B', (p) => describe(p.b)],
          ]).split('\n');
          print(heading!);
          rows.forEach((row, i) => print(`${row}\n      ${list.items[i]!.reasons.join('; ')}`));
          if (list.items.length < DUPLICATE_KINDS.reduce((n, kind) => n + (list.pairs[kind] ?? 0), 0)) {
            print(`\nShowing the ${list.items.length} most likely; raise --limit or --min-score.`);
          }
          print('\nTo merge B into A, keeping A: clientele merge A B (add --kind contact for contacts).');
          print('If they are not one customer: clientele dismiss A B, and the list leaves them out for good.');
        }
        const dismissed = DUPLICATE_KINDS.reduce((n, kind) => n + (list.dismissed[kind] ?? 0), 0);
        if (dismissed) print(`\n${plural(dismissed, 'pair')} marked as not duplicates left out; \`clientele duplicates --dismissed\` lists them.`);
        if (list.ignored.length) {
          print(`\nShared by too many records to tell duplicates apart, so not used: ${list.ignored
            .map((v) => `${v.signal} ${v.value} (${plural(v.count, v.kind)})`).join(', ')}.`);
        }
      });
    }));
}

async function printDismissed(options: Options) {
  const kinds = options.kind === undefined ? DUPLICATE_KINDS : [validateOptions(DuplicateQuerySchema, { kind: options.kind }).kind!];
  await useStore('clientele duplicates', async ({ ctx }) => {
    const items = (await Promise.all(kinds.map((kind) => listDismissed(ctx, kind)))).flat();
    if (options.format === 'json') return printJson({ items });
    if (!items.length) return print('No pair is marked as not a duplicate.');
    print(formatTable(items, [
      ['KIND', (p) => p.kind], ['A', (p) => p.a], ['B', (p) => p.b], ['SINCE', (p) => p.dismissedAt.slice(0, 10)],
    ]));
    print('\nTo list a pair again: clientele dismiss A B --undo (add --kind contact for contacts).');
  });
}
