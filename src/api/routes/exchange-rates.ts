// Exchange rates to the organisation's currency: listed for everyone, entered, imported or removed by admins.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ClienteleError } from '../../domain/errors.js';
import { Currency, Day } from '../../domain/schemas/common.js';
import {
  ExchangeRatesInputSchema, ExchangeRatesQuerySchema, ExchangeRatesSchema, RatesSavedSchema,
} from '../../domain/schemas/exchange-rate.js';
import { importRatesFile, listRates, removeRate, saveRates } from '../../services/exchange-rates.js';
import type { RouteDeps } from '../route-deps.js';
import { contextOf } from '../request-context.js';
import { errors } from './shared.js';

export async function exchangeRateRoutes(base: FastifyInstance, { store }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['exchange rates'];

  app.get('/exchange-rates', {
    schema: { tags, summary: 'The rates converting orders in other currencies to the organisation\'s, newest first', querystring: ExchangeRatesQuerySchema, response: { 200: ExchangeRatesSchema, ...errors(400, 401) } },
  }, async (request) => listRates(store, request.query.currency));

  app.put('/exchange-rates', {
    schema: { tags, summary: 'Add or replace rates (admins); the orders they concern are converted again', body: ExchangeRatesInputSchema, response: { 200: RatesSavedSchema, ...errors(400, 401, 403, 422) } },
  }, async (request) => saveRates(contextOf(store, request), request.body.rates));

  app.post('/exchange-rates/import', {
    schema: { tags, summary: 'Import a CSV or XLSX file of date, currency, rate (admins; multipart "file"): all rows or none', consumes: ['multipart/form-data'], response: { 200: RatesSavedSchema, ...errors(400, 401, 403, 422) } },
  }, async (request) => {
    const ctx = contextOf(store, request);
    if (!request.isMultipart()) throw new ClienteleError('bad_request', 'Send the file as multipart/form-data with a "file" part.', 'file');
    const file = await request.file();
    if (!file || file.fieldname !== 'file') throw new ClienteleError('bad_request', 'Field "file" is required.', 'file');
    const dir = await mkdtemp(join(tmpdir(), 'clientele-rates-'));
    try {
      const path = join(dir, /\.xlsx$/i.test(file.filename) ? 'rates.xlsx' : 'rates.csv');
      await pipeline(file.file, createWriteStream(path));
      return await importRatesFile(ctx, path);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  app.delete('/exchange-rates/:currency/:date', {
    schema: { tags, summary: 'Remove a rate (admins), unless an order would be left without one', params: Type.Object({ currency: Currency, date: Day() }),
      response: { 200: Type.Object({ ordersConverted: Type.Integer() }), ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => removeRate(contextOf(store, request), request.params.currency, request.params.date));
}
