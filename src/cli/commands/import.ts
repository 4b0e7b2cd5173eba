// `clientele import <target> FILE`: CSV, whitespace-separated or XLSX files into the customer
// file, with the mapping shown first, a progress bar, and every problem in a report file.
import { Command, Option } from 'commander';
import { ClienteleError } from '../../domain/errors.js';
import { DATE_FORMATS, type DateFormat } from '../../import/dates.js';
import { loadMappingFile } from '../../import/mapping-file.js';
import type { Delimiter, Encoding } from '../../import/read-table.js';
import { IMPORT_TARGETS, type ImportTarget } from '../../import/targets.js';
import { GUEST_HANDLING, type GuestHandling } from '../../services/import/order-summary.js';
import { type ImportReport, runImport } from '../../services/import/run-import.js';
import { importSummaryText } from '../import-summary.js';
import { importRates } from './import-rates.js';
import { formatFields, formatTable, print, printJson } from '../format-output.js';
import { type Progress, startProgress } from '../progress.js';
import { withStore } from '../run-command.js';

const DELIMITERS: Record<string, Delimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\\t': '\t', '|': '|', pipe: '|', whitespace: 'whitespace' };

interface ImportOptions {
  mapping?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  report?: string;
  rejected?: string;
  dateFormat?: DateFormat;
  delimiter?: string;
  encoding?: Encoding;
  sheet?: string;
  decimalComma?: boolean;
  batchSize?: string;
  resume?: boolean;
  existingAccountsOnly?: boolean;
  guests?: GuestHandling;
  format: 'text' | 'json';
}

function printMapping(report: ImportReport) {
  const rows = Object.entries(report.mapping.columns).map(([header, field]) => ({ header, field }));
  print(`Columns of ${report.file}:`);
  print(formatTable(rows, [['column', (r) => r.header], ['field', (r) => r.field]]));
  if (report.mapping.unmatched.length) print(`Ignored (no matching field): ${report.mapping.unmatched.join(', ')}`);
  for (const clash of report.mapping.clashes) print(`Columns ${clash.headers.join(' and ')} both look like ${clash.field}; the first is used.`);
  print(`Dates: ${report.mapping.dateFormat} (${report.mapping.dateFormatSource})`);
}

function printOutcome(report: ImportReport) {
  if (report.fatal.length) {
    for (const problem of report.fatal) print(`✗ ${problem}`);
    return;
  }
  // Before the rows: what the import as a whole does.
  if (report.summary) print(importSummaryText(report.summary, report.status === 'dry_run'));
  if (report.status === 'dry_run' && report.preview.length) {
    print('\nFirst records as they would be stored:');
    for (const record of report.preview) print(`  ${JSON.stringify(record)}`);
  }
  if (report.problems.length) {
    print(`\n${report.rejectedRows} row(s) with problems${report.problems.length < report.rejectedRows ? ` (first ${report.problems.length} shown)` : ''}:`);
    print(formatTable(report.problems, [['row', (p) => p.row], ['column', (p) => p.column], ['value', (p) => p.value], ['reason', (p) => p.reason]]));
  }
  const verdict = {
    committed: 'Imported.',
    dry_run: 'Dry run: nothing was written.',
    rejected: 'Nothing was written: fix the rows above (or use --skip-invalid to import the others).',
    partial: 'Stopped at a batch with problems; the batches before it are imported (--resume continues after fixing).',
  }[report.status];
  print(`\n${verdict}`);
  print(formatFields([
    ['rows read', report.rowsRead],
    ['created', report.inserted],
    ['updated', report.updated],
    ['unchanged', report.unchanged],
    ['rejected rows', report.rejectedRows],
    ...(report.reportPath ? [['problem report', report.reportPath] as const] : []),
    ...(report.rejectedPath ? [['rows to fix and re-import', report.rejectedPath] as const] : []),
  ]));
}

export function importCommand(): Command {
  return new Command('import')
    .description('Import a CSV, whitespace-separated or XLSX file. By default all or nothing: any invalid row and nothing is written.')
    .addArgument(new Command().createArgument('<target>', 'what the file holds (rates: exchange rates, as date, currency, rate)').choices([...IMPORT_TARGETS, 'rates']))
    .argument('<file>', 'the file to import')
    .option('--mapping <file>', 'a mapping file (JSON) for this layout; see mappings/ for examples')
    .option('--dry-run', 'show the mapping, the first records and every problem without writing')
    .option('--skip-invalid', 'import the valid rows and write the others to a file to fix and re-import')
    .option('--report <file>', 'where to write the problems (default FILE.problems.csv when there are any)')
    .option('--rejected <file>', 'with --skip-invalid: where to write the rejected rows (default FILE.rejected.csv)')
    .addOption(new Option('--date-format <format>', 'how dates are written (detected when left out)').choices(DATE_FORMATS))
    .option('--delimiter <char>', 'field separator: , ; tab | or whitespace (detected when left out)')
    .addOption(new Option('--encoding <encoding>', 'text encoding').choices(['utf8', 'latin1']))
    .option('--sheet <name>', 'XLSX: the sheet to read (default the first)')
    .option('--decimal-comma', 'amounts are written 1 234,50')
    .option('--existing-accounts-only', 'orders and order lines: refuse those whose account does not exist, instead of creating it')
    .addOption(new Option('--guests <handling>', 'orders and order lines that name no customer: keep them as orders of one walk-in account, or leave them out').choices(GUEST_HANDLING).default('walk-in'))
    .option('--batch-size <rows>', 'commit every so many rows (makes --resume possible on very large files)')
    .option('--resume', 'continue an interrupted batched import of the same file after its last committed batch')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((target: ImportTarget | 'rates', file: string, options: ImportOptions, command: Command) => (target === 'rates' ? importRates(file, options.format) : withStore(`clientele import ${target}`, async ({ store, ctx }) => {
      const guestsSource = command.getOptionValueSource('guests');
      const delimiter = options.delimiter === undefined ? undefined : DELIMITERS[options.delimiter];
      if (options.delimiter !== undefined && !delimiter) throw new ClienteleError('bad_request', `--delimiter must be one of , ; tab | whitespace, not "${options.delimiter}".`, 'delimiter');
      const batchSize = options.batchSize === undefined ? undefined : Number(options.batchSize);
      if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 100)) throw new ClienteleError('bad_request', '--batch-size must be a whole number of at least 100.', 'batch-size');
      const mapping = options.mapping ? await loadMappingFile(options.mapping) : undefined;
      if (mapping?.target && mapping.target !== target) throw new ClienteleError('bad_request', `The mapping file is for ${mapping.target}, not ${target}.`, 'mapping');
      let progress: Progress | undefined;
      const report = await runImport(store, {
        target, path: file, mapping, actor: ctx.actor,
        // Only what was typed overrides the mapping file: commander gives the default otherwise.
        orders: {
          createAccounts: options.existingAccountsOnly ? false : undefined,
          guests: guestsSource === 'cli' ? options.guests : undefined,
        },
        flags: { dateFormat: options.dateFormat, delimiter, encoding: options.encoding, sheet: options.sheet, decimalComma: options.decimalComma },
        dryRun: options.dryRun, skipInvalid: options.skipInvalid, batchSize, resume: options.resume,
        reportPath: options.report ?? `${file}.problems.csv`,
        rejectedPath: options.rejected ?? `${file}.rejected.csv`,
        onProgress: ({ rowsRead, bytesRead, totalBytes }) => {
          progress ??= startProgress(`Importing ${target}`, Math.max(1, Math.round(totalBytes / 1024)), 'KiB');
          progress.update(Math.round(bytesRead / 1024), rowsRead);
        },
      });
      progress?.stop();
      if (options.format === 'json') printJson(report);
      else {
        printMapping(report);
        printOutcome(report);
      }
      if (report.fatal.length) throw new ClienteleError('bad_request', 'The file cannot be imported as it is (see above).');
      if (report.status === 'rejected' || report.status === 'partial') throw new ClienteleError('invalid', `${report.rejectedRows} row(s) have problems; see ${report.reportPath}.`);
    })));
}
