// GET /api/v1/exports/:target: a CSV or XLSX file streamed as it is read, with the column names
// the import reads. The account list's filters narrow accounts and every account-owned target;
// reps limited to their portfolio get their accounts' records only. Backup and restore of the
// whole store are not here: they are an administrator's job on the command line.
import { PassThrough } from 'node:stream';
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AccountListQuerySchema } from '../../domain/schemas/account.js';
import { Enum, strict } from '../../domain/schemas/common.js';
import { EXPORT_FORMATS, EXPORT_TARGETS, type ExportFormat } from '../../services/export/export-columns.js';
import { checkExportRequest, exportTable, type ExportRequest } from '../../services/export/run-export.js';
import type { RouteDeps } from '../route-deps.js';
import { contextOf } from '../request-context.js';
import { errors } from './shared.js';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const ExportParams = Type.Object({ target: Enum(EXPORT_TARGETS) }, strict);

const { limit: _limit, cursor: _cursor, ...accountFilters } = AccountListQuerySchema.properties;

const ExportQuery = Type.Object({
  format: Type.Optional(Enum(EXPORT_FORMATS, 'csv (the default) or xlsx')),
  bom: Type.Optional(Type.Boolean({ description: 'CSV only: begin with a byte-order mark, for older Excel' })),
  ...accountFilters,
}, strict);

const file = { description: 'The file, with a header row of import field names', type: 'string' };

export async function exportRoutes(base: FastifyInstance, { store }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/exports/:target', {
    schema: {
      tags: ['exports'],
      summary: 'Export accounts (filtered like the list), contacts, products, orders, order lines or interactions as CSV or XLSX',
      params: ExportParams,
      querystring: ExportQuery,
      response: {
        200: { description: 'The export', content: { 'text/csv': { schema: file }, [CONTENT_TYPES.xlsx]: { schema: file } } },
        ...errors(400, 401),
      },
    },
  }, async (request, reply) => {
    const ctx = contextOf(store, request);
    const { format = 'csv', bom, ...filters } = request.query;
    const exportRequest: ExportRequest = { target: request.params.target, format, bom, filters };
    // Problems found now still get a proper error answer; once the file streams, a failure can only cut it short.
    checkExportRequest(exportRequest);
    const body = new PassThrough();
    exportTable(ctx, exportRequest, body).catch((error: unknown) => {
      request.log.error({ err: error }, 'export failed while streaming');
      body.destroy(error as Error);
    });
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="${request.params.target}-${day}.${format}"`)
      .send(body);
  });
}
