// An import job as the API answers it: its progress while it runs, then its report.
import { Type, type Static } from 'typebox';
import { DATE_FORMATS, GUEST_HANDLING, IMPORT_TARGETS } from '../import-vocabulary.js';
import { Currency, Enum, Id, JsonValue, MoneyField, Nullable, strict } from './common.js';

const Count = (description: string) => Type.Integer({ minimum: 0, description });

export const RowProblemSchema = Type.Object({
  row: Type.Integer({ description: 'The file\'s row, the header being row 1' }),
  column: Type.String({ description: 'The file\'s column header' }),
  value: Type.String({ description: 'The value as the file has it' }),
  reason: Type.String({ description: 'What is wrong with it' }),
}, strict);
export type RowProblem = Static<typeof RowProblemSchema>;

const Sum = (what: string) => Type.Object({ count: Count(`How many ${what}`), amount: MoneyField(`Their total`) }, strict);

export const OrderImportSummarySchema = Type.Object({
  currency: Currency,
  createAccounts: Type.Boolean({ description: 'Whether the import creates the accounts its orders name' }),
  accountsCreated: Nullable(Count('Accounts created (in a dry run, to be created), the walk-in account included; null when no merge ran')),
  guests: Type.Object({
    handling: Enum(GUEST_HANDLING, 'Orders naming no customer: kept on one walk-in account, or left out'),
    lines: Count('Lines (or orders) naming no customer'),
    amount: MoneyField('Their totals summed'),
    account: Nullable(Type.String({ description: 'The account they were kept on, with handling walk-in' })),
  }, strict),
  countries: Nullable(Type.Object({
    recognised: Type.Array(Type.Object({ code: Type.String({ description: 'ISO 3166-1 alpha-2 code' }), lines: Count('Lines in the country') }, strict)),
    unknown: Type.Array(Type.Object({ text: Type.String({ description: 'A place that names no country, kept as the created account\'s region' }), lines: Count('Lines naming it') }, strict)),
    notStated: Count('Lines whose country says it is not known'),
  }, { ...strict, description: 'Order lines only: the countries of the lines' })),
  orders: Nullable(Sum('orders')),
  creditNotes: Nullable(Type.Object({
    count: Count('How many credit notes'), amount: MoneyField('Their total'),
    linked: Count('Those naming the order they credit, found'), namedNotFound: Count('Those naming an order that was not found'),
  }, strict)),
  netRevenue: Nullable(MoneyField('Orders less credit notes')),
  walkIn: Nullable(Type.Object({ orders: Count('Orders kept on the walk-in account'), amount: MoneyField('Their total') }, strict)),
}, { ...strict, description: 'Orders and order lines: accounts created, guests, countries, credit notes and totals' });
export type OrderImportSummary = Static<typeof OrderImportSummarySchema>;

export const ImportReportSchema = Type.Object({
  status: Enum(['committed', 'rejected', 'dry_run', 'partial'] as const,
    'committed: every row stored; rejected: problems, nothing stored; dry_run: checked, nothing stored; partial: the good rows stored, the others in the rejected file'),
  runId: Nullable(Id),
  target: Enum(IMPORT_TARGETS, 'What the file was imported as'),
  file: Type.String({ description: 'The file\'s name' }),
  mapping: Type.Object({
    columns: Type.Record(Type.String(), Type.String(), { description: 'File header → field' }),
    unmatched: Type.Array(Type.String(), { description: 'Headers no field reads' }),
    clashes: Type.Array(Type.Object({ field: Type.String(), headers: Type.Array(Type.String()) }, strict), { description: 'Fields more than one header could fill' }),
    dateFormat: Enum(DATE_FORMATS, 'How the file writes its days'),
    dateFormatSource: Enum(['stated', 'detected', 'none'] as const, 'Whether the format was stated, detected from the file, or not needed'),
  }, strict),
  fatal: Type.Array(Type.String(), { description: 'Problems with the whole file, which stop the import' }),
  rowsRead: Count('Rows read'),
  inserted: Count('Records created'),
  updated: Count('Records changed'),
  unchanged: Count('Records already as the file has them'),
  rejectedRows: Count('Rows left out'),
  problems: Type.Array(RowProblemSchema, { description: 'The first problems; all of them are in the problem file' }),
  preview: Type.Array(Type.Record(Type.String(), JsonValue), { description: 'The first records as they would be stored, by field' }),
  summary: Type.Optional(OrderImportSummarySchema),
  hasProblemFile: Type.Boolean({ description: 'GET /imports/{id}/problems has the problem report' }),
  hasRejectedFile: Type.Boolean({ description: 'GET /imports/{id}/rejected has the rejected rows' }),
}, { ...strict, $id: 'ImportReport' });
export type ImportReport = Static<typeof ImportReportSchema>;

export const ImportJobSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  target: Enum(IMPORT_TARGETS, 'What the file is imported as'),
  fileName: Type.String(),
  status: Enum(['queued', 'running', 'done', 'failed'] as const),
  createdAt: Type.String({ description: 'When the job was started (ISO 8601)' }),
  startedBy: Id,
  progress: Type.Object({
    rowsRead: Count('Rows read so far'), bytesRead: Count('Bytes read so far'), totalBytes: Count('The file\'s size'),
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
  }, strict),
  report: Type.Optional(ImportReportSchema),
  error: Type.Optional(Type.String({ description: 'Why the job failed' })),
}, { ...strict, $id: 'ImportJob' });
export type ImportJob = Static<typeof ImportJobSchema>;
