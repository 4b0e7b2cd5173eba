import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { runImport } from '../../src/services/import/run-import.js';
import { createUser } from '../../src/services/auth.js';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';
import { tempFolder } from '../support/temp-files.js';

const FRENCH = '\uFEFFCode client;Raison sociale;Statut;Pays;Ville;Courriel;Téléphone;Commercial;Étiquettes\n'
  + 'C001;Société Générale d\'Élevage;Client;France;Orléans;contact@sge.fr;+33 2 38 00 00 00;ana@example.com;vip, export\n'
  + 'C002;"Dupont; Fils & Cie";Prospect;BE;Liège;;;;\n'
  + 'C003;Müller GmbH;Ancien client;Allemagne;Köln;info@mueller.de;;;\n';

describe.each(ENGINES)('importing accounts on %s', (engine) => {
  let t: TestStore;
  let files: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => {
    t = await openTestStore(engine);
    files = await tempFolder('accounts-import');
    await createUser(t.store, { email: 'ana@example.com', name: 'Ana', role: 'rep', password: 'a long enough password' });
  });
  afterAll(async () => { await t?.dispose(); await files?.remove(); });

  it('maps French headers, reads the values people write and links the owner by email', async () => {
    const report = await runImport(t.store, { target: 'accounts', path: await files.write('fr.csv', FRENCH), actor: SYSTEM_ACTOR });
    expect(report.fatal).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ status: 'committed', inserted: 3, updated: 0 });
    expect(report.mapping.columns).toMatchObject({ 'Code client': 'externalId', 'Raison sociale': 'name', Courriel: 'email', Commercial: 'ownerEmail' });
    const sge = await t.store.accounts.getByExternalId('C001');
    const ana = await t.store.users.getByEmail('ana@example.com');
    expect(sge).toMatchObject({ name: "Société Générale d'Élevage", status: 'customer', country: 'FR', city: 'Orléans', ownerId: ana!.id, tags: ['vip', 'export'] });
    expect(await t.store.accounts.getByExternalId('C003')).toMatchObject({ status: 'ex_customer', country: 'DE' });
    const found = await t.store.accounts.list({ q: 'societe generale' });
    expect(found.items.map((a) => a.externalId)).toEqual(['C001']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await t.store.accounts.getByExternalId('C002');
    const report = await runImport(t.store, { target: 'accounts', path: files.path('fr.csv'), actor: SYSTEM_ACTOR });
    expect(report).toMatchObject({ status: 'committed', inserted: 0, updated: 0, unchanged: 3 });
    expect(await t.store.accounts.getByExternalId('C002')).toEqual(before);
  });

  it('updates in place from a corrected file and audits the fields that changed', async () => {
    const corrected = FRENCH.replace('Prospect;BE;Liège', 'Client;BE;Namur');
    const report = await runImport(t.store, { target: 'accounts', path: await files.write('fixed.csv', corrected), actor: SYSTEM_ACTOR });
    expect(report).toMatchObject({ status: 'committed', inserted: 0, updated: 1, unchanged: 2 });
    const account = await t.store.accounts.getByExternalId('C002');
    expect(account).toMatchObject({ status: 'customer', city: 'Namur' });
    const audit = await t.store.audit.list({ entity: 'account', entityId: String(account!.id) });
    expect(audit.items[0]).toMatchObject({ action: 'import_update', changes: { status: ['prospect', 'customer'], city: ['Liège', 'Namur'] } });
    const timeline = await t.store.timeline.page(account!.id, { limit: 5, kinds: ['status_change'] });
    expect(timeline.items[0]!.facts).toEqual({ fromStatus: 'prospect', toStatus: 'customer' });
  });

  it('writes nothing when one row is invalid and reports row, column, value and reason', async () => {
    const bad = 'id,name,country,email\nN1,New One,FR,a@b.co\nN2,New Two,XX,not-an-email\nN3,,FR,\n';
    const reportPath = files.path('report.csv');
    const report = await runImport(t.store, { target: 'accounts', path: await files.write('bad.csv', bad), reportPath, actor: SYSTEM_ACTOR });
    expect(report.status).toBe('rejected');
    expect(report.rejectedRows).toBe(2);
    expect(report.problems).toEqual([
      { row: 3, column: 'country', value: 'XX', reason: 'country is not a country code or name' },
      { row: 3, column: 'email', value: 'not-an-email', reason: 'email is not an email address' },
      { row: 4, column: 'name', value: '', reason: 'name is required' },
    ]);
    expect(await t.store.accounts.getByExternalId('N1')).toBeUndefined();
    expect(await readFile(reportPath, 'utf8')).toBe('row,column,value,reason\n3,country,XX,country is not a country code or name\n'
      + '3,email,not-an-email,email is not an email address\n4,name,,name is required\n');
  });

  it('with skipInvalid writes the good rows and leaves the others in a file that re-imports once fixed', async () => {
    const bad = 'id,name,owner\nS1,Skip One,ana@example.com\nS2,Skip Two,nobody@example.com\nS3,,\n';
    const rejectedPath = files.path('rejected.csv');
    const report = await runImport(t.store, { target: 'accounts', path: await files.write('skip.csv', bad), skipInvalid: true, rejectedPath, actor: SYSTEM_ACTOR });
    expect(report).toMatchObject({ status: 'committed', inserted: 1, rejectedRows: 2 });
    expect(await t.store.accounts.getByExternalId('S1')).toBeDefined();
    const rejected = await readFile(rejectedPath, 'utf8');
    expect(rejected).toBe('id,name,owner,Import problem\nS3,,,name is required\nS2,Skip Two,nobody@example.com,no user has the email nobody@example.com\n');
    const fixed = rejected.replace('S3,,,', 'S3,Skip Three,,').replace('nobody@example.com,no user', 'ana@example.com,no user');
    const again = await runImport(t.store, { target: 'accounts', path: await files.write('fixed-rejected.csv', fixed), actor: SYSTEM_ACTOR });
    expect(again).toMatchObject({ status: 'committed', inserted: 2 });
    expect(again.mapping.unmatched).toEqual(['Import problem']);
  });

  it('shows the mapping, the first records and every problem on a dry run, writing nothing', async () => {
    const csv = 'E-mail,Company,País\nx@dry.io,Dry Run SA,España\n';
    const report = await runImport(t.store, { target: 'accounts', path: await files.write('dry.csv', csv), dryRun: true, actor: SYSTEM_ACTOR });
    expect(report.status).toBe('dry_run');
    expect(report.mapping.columns).toEqual({ 'E-mail': 'email', Company: 'name', País: 'country' });
    expect(report.preview).toEqual([{ email: 'x@dry.io', name: 'Dry Run SA', country: 'ES' }]);
    expect((await t.store.accounts.list({ q: 'dry run' })).items).toEqual([]);
  });

  it('refuses an empty file and a file without a name column before reading rows', async () => {
    const empty = await runImport(t.store, { target: 'accounts', path: await files.write('empty.csv', ''), actor: SYSTEM_ACTOR });
    expect(empty.fatal).toEqual(['The file is empty: it has no header row and no data.']);
    const noName = await runImport(t.store, { target: 'accounts', path: await files.write('noname.csv', 'city\nParis\n'), actor: SYSTEM_ACTOR });
    expect(noName.fatal[0]).toMatch(/^No column gives name/);
  });
});
