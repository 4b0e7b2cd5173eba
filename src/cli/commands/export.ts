// `clientele export <target> FILE`: accounts (filtered like `account list`), contacts, products,
// orders, order lines or interactions as CSV or XLSX, with the column names `clientele import`
// reads, so the file imports back as it is.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { ClienteleError } from '../../domain/errors.js';
import { AccountListQuerySchema } from '../../domain/schemas/account.js';
import { EXPORT_FORMATS, EXPORT_TARGETS, type ExportFormat, type ExportTarget, formatOfPath } from '../../services/export/export-columns.js';
import { checkExportRequest, exportTable } from '../../services/export/run-export.js';
import { print } from '../format-output.js';
import { requireOutputFile } from '../file-arguments.js';
import { runCommand, useStore } from '../run-command.js';
import { validateOptions } from '../validate-options.js';

interface ExportOptions {
  format?: ExportFormat;
  bom?: boolean;
  status?: string;
  ownerEmail?: string;
  q?: string;
  country?: string;
  segment?: string;
  sector?: string;
  tags?: string;
}

const dropUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export function exportCommand(): Command {
  return new Command('export')
    .addArgument(new Command().createArgument('<target>', 'what to export').choices(EXPORT_TARGETS))
    .argument('<file>', 'the file to write (.csv or .xlsx); replaced only once the export is complete')
    .addOption(new Option('--format <format>', 'file format (default: from the file name)').choices(EXPORT_FORMATS))
    .option('--bom', 'CSV: begin with a byte-order mark, which older Excel needs to read UTF-8')
    .option('--status <status>', 'accounts with this status')
    .option('--owner-email <email>', 'accounts owned by this user')
    .option('--q <text>', 'accounts found by this free-text search')
    .option('--country <code>', 'accounts in this country (ISO 3166-1 alpha-2)')
    .option('--segment <segment>', 'accounts in this market segment')
    .option('--sector <sector>', 'accounts in this business sector')
    .option('--tags <list>', 'accounts carrying all these comma-separated tags')
    .action((target: ExportTarget, file: string, options: ExportOptions) => runCommand(async () => {
      const format = options.format ?? formatOfPath(file);
      if (!format) throw new ClienteleError('bad_request', `Cannot tell the format from "${file}": name it .csv or .xlsx, or give --format.`, 'format');
      const fields = dropUndefined({
        status: options.status, q: options.q, country: options.country?.toUpperCase(), segment: options.segment, sector: options.sector, tags: options.tags,
      });
      validateOptions(AccountListQuerySchema, fields);
      requireOutputFile(file, 'file');
      await useStore(`clientele export ${target}`, async ({ ctx }) => {
        let ownerId: number | undefined;
        if (options.ownerEmail !== undefined) {
          const owner = await ctx.store.users.getByEmail(options.ownerEmail);
          if (!owner) throw new ClienteleError('invalid', `--owner-email: no user has the email ${options.ownerEmail}; see \`clientele user list\`.`, 'ownerId');
          ownerId = owner.id;
        }
        const filters = validateOptions(AccountListQuerySchema, dropUndefined({ ...fields, ownerId }), { ownerId: '--owner-email' });
        checkExportRequest({ target, format, filters });
        const partial = `${file}.partial`;
        try {
          const summary = await exportTable(ctx, { target, format, filters, bom: options.bom }, createWriteStream(partial));
          await rename(partial, file);
          print(`Exported ${summary.rows.toLocaleString('en-US')} ${target === 'order-lines' ? 'order lines' : target} to ${file}.`);
        } catch (error) {
          await rm(partial, { force: true });
          throw error;
        }
      });
    }));
}
