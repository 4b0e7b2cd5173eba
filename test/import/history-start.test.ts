// History is history: an account begins with the earliest of its creation, the "customer since"
// day an accounts file gives, its first order and its first interaction, however they arrive.
// Each file here is imported the way a user imports it, then analysed as of its own dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { runAnalysis } from '../../src/services/analysis/run-analysis.js';
import { runImport } from '../../src/services/import/run-import.js';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';
import { tempFolder } from '../support/temp-files.js';

const ACCOUNTS = 'External id,Account name,Status,Customer since\n'
  + 'H1,Old Friend Ltd,customer,2012-03-15\n'
  + 'H2,Called Once SA,prospect,\n'
  + 'H3,Bought Early GmbH,customer,\n'
  + 'H4,Brand New Inc,lead,\n';
const INTERACTIONS = 'Account id,Type,Subject,Date\nH2,call,First call,2014-06-01\nH2,email,Follow-up,2015-01-10\n';
const ORDERS = 'Order number,Account id,Date,Total\nO-1,H3,2013-09-30,120.00\nO-2,H3,2016-02-01,80.00\nO-3,H1,2016-05-05,300.00\n';

describe.each(ENGINES)('when an imported account began, on %s', (engine) => {
  let t: TestStore;
  let files: Awaited<ReturnType<typeof tempFolder>>;
  const importFile = async (target: 'accounts' | 'interactions' | 'orders', name: string, text: string) => {
    const report = await runImport(t.store, { target, path: await files.write(name, text), actor: SYSTEM_ACTOR });
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('committed');
  };
  beforeAll(async () => {
    t = await openTestStore(engine);
    files = await tempFolder('history-start');
    await importFile('accounts', 'accounts.csv', ACCOUNTS);
    await importFile('interactions', 'interactions.csv', INTERACTIONS);
    await importFile('orders', 'orders.csv', ORDERS);
  });
  afterAll(async () => { await t?.dispose(); await files?.remove(); });

  it('reads the customer-since column of an accounts file', async () => {
    expect(await t.store.accounts.getByExternalId('H1')).toMatchObject({ customerSince: '2012-03-15' });
    expect(await t.store.accounts.getByExternalId('H4')).toMatchObject({ customerSince: null });
  });

  it('begins each account on the earliest of its customer-since day, first interaction and first order', async () => {
    const ids = await Promise.all(['H1', 'H2', 'H3', 'H4'].map(async (id) => (await t.store.accounts.getByExternalId(id))!.id));
    const since = new Map((await t.store.analysisFacts.accounts(ids)).map((a) => [a.id, a.since.slice(0, 10)]));
    const today = new Date().toISOString().slice(0, 10);
    expect(ids.map((id) => since.get(id))).toEqual(['2012-03-15', '2014-06-01', '2013-09-30', today]);
  });

  it('counts, as of a past day, exactly the accounts that had begun by then', async () => {
    const counts = [];
    for (const asOf of ['2012-01-01', '2012-12-31', '2013-12-31', '2014-12-31', '2016-12-31']) {
      counts.push((await runAnalysis({ store: t.store, actor: SYSTEM_ACTOR }, { asOf })).accountCount);
    }
    expect(counts).toEqual([0, 1, 2, 3, 3]);
  });

  it('classes the accounts that had begun, and leaves out the one that had not', async () => {
    const run = await runAnalysis({ store: t.store, actor: SYSTEM_ACTOR }, { asOf: '2016-06-30' });
    const statuses = [];
    for (const externalId of ['H1', 'H2', 'H3', 'H4']) {
      const account = (await t.store.accounts.getByExternalId(externalId))!;
      statuses.push((await t.store.analysisRuns.accountClasses(run.id, account.id))?.status ?? 'not yet');
    }
    // H1 and H3 bought within the year but not the one before; H2 was only called.
    expect(statuses).toEqual(['active', 'unqualified', 'active', 'not yet']);
  });
});
