// Imports over HTTP: upload a file with its options, follow the background job, download its
// problem report and rejected rows.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {} from '@fastify/multipart';
import { canImport } from '../../domain/access.js';
import { ClienteleError } from '../../domain/errors.js';
import { DATE_FORMATS } from '../../import/dates.js';
import { parseMappingFile } from '../../import/mapping-file.js';
import { IMPORT_TARGETS, type ImportTarget } from '../../import/targets.js';
import { requireRole } from '../../services/context.js';
import type { ImportJobs } from '../../services/import/import-jobs.js';
import { GUEST_HANDLING, type GuestHandling } from '../../services/import/order-summary.js';
import type { RouteDeps } from '../route-deps.js';
import { describeSchemaErrors } from '../errors.js';
import { contextOf } from '../request-context.js';
import { errors } from './shared.js';
import { ImportJobSchema } from '../../domain/schemas/import-job.js';

const Flag = Type.Enum(['true', 'false']);
const ImportFields = Type.Object({
  target: Type.Enum([...IMPORT_TARGETS]),
  mapping: Type.Optional(Type.String({ maxLength: 100_000, description: 'A mapping file as JSON text' })),
  dryRun: Type.Optional(Flag),
  skipInvalid: Type.Optional(Flag),
  dateFormat: Type.Optional(Type.Enum([...DATE_FORMATS])),
  delimiter: Type.Optional(Type.Enum([',', ';', 'tab', '|', 'whitespace'])),
  encoding: Type.Optional(Type.Enum(['utf8', 'latin1'])),
  sheet: Type.Optional(Type.String({ maxLength: 100 })),
  decimalComma: Type.Optional(Flag),
  existingAccountsOnly: Type.Optional(Type.Enum(['true', 'false'], { description: 'Orders and order lines: refuse those whose account does not exist instead of creating it' })),
  guests: Type.Optional(Type.Enum([...GUEST_HANDLING], { description: 'Orders and order lines naming no customer: kept on one walk-in account (default) or left out' })),
}, { additionalProperties: false });
const checkFields = Compile(ImportFields);

const JobParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export async function importRoutes(base: FastifyInstance, { store, imports }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['imports'];

  app.post('/imports', {
    schema: {
      tags, summary: 'Upload a CSV or XLSX file and import it in the background (multipart: the fields, then "file")',
      consumes: ['multipart/form-data'], response: { 202: ImportJobSchema, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    const ctx = contextOf(store, request);
    requireRole(ctx, canImport, 'import files');
    if (!request.isMultipart()) throw new ClienteleError('bad_request', 'Send the file as multipart/form-data with a "file" part.', 'file');
    const fields: Record<string, string> = {};
    let prepared: Awaited<ReturnType<ImportJobs['prepare']>> | undefined;
    let fileName = '';
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw new ClienteleError('bad_request', `Unexpected file part "${part.fieldname}"; name it "file".`, part.fieldname);
        fileName = part.filename || 'upload.csv';
        prepared = await imports.prepare(fileName);
        await pipeline(part.file, createWriteStream(prepared.upload));
        if (part.file.truncated) throw new ClienteleError('bad_request', 'The file is larger than the upload limit.', 'file');
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
    if (!checkFields.Check(fields)) {
      const { field, message } = describeSchemaErrors([...checkFields.Errors(fields)], 'body');
      throw new ClienteleError('bad_request', message, field);
    }
    if (!prepared) throw new ClienteleError('bad_request', 'Field "file" is required.', 'file');
    if ((await stat(prepared.upload)).size === 0) throw new ClienteleError('bad_request', 'The file is empty.', 'file');
    const mapping = fields.mapping ? parseMappingFile(fields.mapping, 'in the "mapping" field') : undefined;
    const job = imports.start(prepared, fileName, {
      target: fields.target as ImportTarget,
      mapping,
      dryRun: fields.dryRun === 'true',
      skipInvalid: fields.skipInvalid === 'true',
      orders: {
        createAccounts: fields.existingAccountsOnly === 'true' ? false : undefined,
        guests: fields.guests as GuestHandling | undefined,
      },
      flags: {
        dateFormat: fields.dateFormat as (typeof DATE_FORMATS)[number] | undefined,
        delimiter: fields.delimiter === 'tab' ? '\t' : fields.delimiter as ',' | ';' | '|' | 'whitespace' | undefined,
        encoding: fields.encoding as 'utf8' | 'latin1' | undefined,
        sheet: fields.sheet,
        decimalComma: fields.decimalComma === 'true',
      },
    }, ctx.actor);
    return reply.status(202).send(job);
  });

  app.get('/imports', { schema: { tags, summary: 'Recent import jobs of this server', response: { 200: Type.Object({ items: Type.Array(ImportJobSchema) }), ...errors(401, 403) } } },
    async (request) => {
      requireRole(contextOf(store, request), canImport, 'see imports');
      return { items: imports.list() };
    });

  app.get('/imports/:id', { schema: { tags, summary: 'An import job: progress, then its report', params: JobParams, response: { 200: ImportJobSchema, ...errors(401, 403, 404) } } },
    async (request) => {
      requireRole(contextOf(store, request), canImport, 'see imports');
      const found = imports.get(request.params.id);
      if (!found) throw new ClienteleError('not_found', `Import job ${request.params.id} does not exist (jobs are kept until the server restarts).`);
      return found.job;
    });

  for (const [path, key, name] of [['problems', 'problems', 'problems.csv'], ['rejected', 'rejected', 'rejected.csv']] as const) {
    app.get(`/imports/:id/${path}`, {
      schema: { tags, summary: path === 'problems' ? 'The problem report (row, column, value, reason) as CSV' : 'The rejected rows, to fix and re-import, as CSV', params: JobParams, produces: ['text/csv'], response: { 200: Type.String({ description: 'CSV' }), ...errors(401, 403, 404) } },
    }, async (request, reply) => {
      requireRole(contextOf(store, request), canImport, 'see imports');
      const found = imports.get(request.params.id);
      const file = found?.files[key];
      const exists = file ? await stat(file).then(() => true, () => false) : false;
      if (!found || !exists) throw new ClienteleError('not_found', `Import job ${request.params.id} has no ${path} file.`);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${found.job.fileName}.${name}"`).send(createReadStream(file!) as unknown as string);
    });
  }
}

