import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { shopExportCsv, shopExportLines } from '../support/shop-export.js';
import { expectedFrom, money } from '../support/shop-export-figures.js';
import { Compile } from 'typebox/compile';
import { ImportJobSchema } from '../../src/domain/schemas/import-job.js';

const checkJob = Compile(ImportJobSchema);

async function multipart(fields: Record<string, string>, file?: { name: string; content: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([file.content], { type: 'text/csv' }), file.name);
  const response = new Response(form);
  return { payload: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type')! };
}

describe.each(ENGINES)('imports over the API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => { t = await openTestApp(engine); });
  afterAll(async () => { await t?.close(); });

  async function upload(as: TestUser, fields: Record<string, string>, file?: { name: string; content: string }) {
    const body = await multipart(fields, file);
    return t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { authorization: `Bearer ${as.token}`, 'content-type': body.contentType }, payload: body.payload });
  }

  async function finished(id: string) {
    for (;;) {
      const job = (await t.call('GET', `/api/v1/imports/${id}`)).json();
      if (job.status === 'done' || job.status === 'failed') {
        // Every job answers what the OpenAPI document says, its report field by field.
        expect([...checkJob.Errors(job)].map((e) => `${e.instancePath}: ${e.message}`)).toEqual([]);
        return job;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('runs an uploaded file as a background job with progress and a report', async () => {
    const response = await upload(t.manager, { target: 'accounts' }, { name: 'clients.csv', content: 'Code client;Nom;Pays\nJ1;Job One;FR\nJ2;Job Two;ES\n' });
    expect(response.statusCode).toBe(202);
    const job = await finished(response.json().id);
    expect(job).toMatchObject({ status: 'done', target: 'accounts', fileName: 'clients.csv', progress: { percent: 100 } });
    expect(job.report).toMatchObject({ status: 'committed', inserted: 2, mapping: { columns: { 'Code client': 'externalId', Nom: 'name', Pays: 'country' } } });
    const found = (await t.call('GET', '/api/v1/accounts?q=job')).json();
    expect(found.items.map((a: { externalId: string }) => a.externalId).sort()).toEqual(['J1', 'J2']);
  });

  it('lets people download the problems and the rejected rows', async () => {
    const response = await upload(t.admin, { target: 'accounts', skipInvalid: 'true' }, { name: 'mixed.csv', content: 'id,name,country\nK1,Kept,FR\nK2,Bad,XX\n' });
    const job = await finished(response.json().id);
    expect(job.report).toMatchObject({ status: 'committed', inserted: 1, rejectedRows: 1, hasProblemFile: true, hasRejectedFile: true });
    const problems = await t.call('GET', `/api/v1/imports/${job.id}/problems`);
    expect(problems.headers['content-type']).toMatch(/text\/csv/);
    expect(problems.body).toBe('row,column,value,reason\n3,country,XX,country is not a country code or name\n');
    const rejected = await t.call('GET', `/api/v1/imports/${job.id}/rejected`);
    expect(rejected.body).toBe('id,name,country,Import problem\nK2,Bad,XX,country is not a country code or name\n');
  });

  it('answers bad requests with the field at fault and keeps reps out', async () => {
    const noFile = await upload(t.admin, { target: 'accounts' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.field).toBe('file');
    const badTarget = await upload(t.admin, { target: 'planets' }, { name: 'x.csv', content: 'a\n1\n' });
    expect(badTarget.json().error).toMatchObject({ code: 'bad_request', field: 'target' });
    const badMapping = await upload(t.admin, { target: 'accounts', mapping: '{"colums": {}}' }, { name: 'x.csv', content: 'name\nA\n' });
    expect(badMapping.json().error.message).toMatch(/unknown key "colums"/);
    expect((await upload(t.rep, { target: 'accounts' }, { name: 'x.csv', content: 'name\nA\n' })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/imports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('gives a shop export\'s summary in the report of a dry run, and takes the guest and strict choices as fields', async () => {
    const content = shopExportCsv(shopExportLines({ seed: 9, invoices: 200, customers: 30 }));
    const expected = expectedFrom(content);
    const dry = await finished((await upload(t.manager, { target: 'order-lines', dryRun: 'true', guests: 'leave-out' }, { name: 'shop.csv', content })).json().id);
    expect(dry.report).toMatchObject({ status: 'dry_run', rejectedRows: 0 });
    expect(dry.report.summary).toMatchObject({
      createAccounts: true, accountsCreated: expected.customers,
      guests: { handling: 'leave-out', lines: expected.guestLines, amount: money(expected.guestCents) },
      creditNotes: { count: expected.credits - expected.guestCredits, amount: money(expected.creditCents - expected.guestCreditCents) },
      netRevenue: money(expected.orderCents + expected.creditCents - expected.guestCents),
    });
    const strict = await finished((await upload(t.manager, { target: 'order-lines', existingAccountsOnly: 'true' }, { name: 'shop.csv', content })).json().id);
    expect(strict.report.status).toBe('rejected');
    expect(strict.report.problems[0].reason).toMatch(/^no account has the external id \d+$/);
    const badGuests = await upload(t.manager, { target: 'order-lines', guests: 'drop' }, { name: 'shop.csv', content });
    expect(badGuests.json().error).toMatchObject({ code: 'bad_request', field: 'guests' });
  });
});
