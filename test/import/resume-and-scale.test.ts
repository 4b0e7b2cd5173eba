import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { runImport } from '../../src/services/import/run-import.js';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';
import { tempFolder } from '../support/temp-files.js';

function ordersFile(rows: number): string {
  const lines = ['number,customer id,date,amount,items'];
  for (let i = 1; i <= rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(`N-${i},C${i % 1000},2024-03-${day},${(i % 500) + 1}.${String(i % 100).padStart(2, '0')},${(i % 7) + 1}`);
  }
  return `${lines.join('\n')}\n`;
}

describe.each(ENGINES)('large and interrupted imports on %s', (engine) => {
  let t: TestStore;
  let files: Awaited<ReturnType<typeof tempFolder>>;
  const totals = async () => (await sql<{ orders: number; cents: string }>`select count(*)::int as orders, coalesce(sum(total_cents), 0)::text as cents from orders`.execute(t.store.connection.db)).rows[0]!;
  beforeAll(async () => { t = await openTestStore(engine); files = await tempFolder('resume-import'); });
  afterAll(async () => { await t?.dispose(); await files?.remove(); });

  it('resumes an interrupted batched import from the last committed batch, without duplicates', async () => {
    const path = await files.write('orders.csv', ordersFile(12_000));
    const mapping = { createAccounts: { name: 'Customer {accountExternalId}' } };
    let calls = 0;
    await expect(runImport(t.store, {
      target: 'orders', path, mapping, batchSize: 3000, actor: SYSTEM_ACTOR,
      // Progress comes every 5,000 rows: the second report falls in the fourth batch, and the process "dies" there.
      onProgress: () => { if (++calls === 2) throw new Error('killed'); },
    })).rejects.toThrow('killed');
    const interrupted = await totals();
    expect(interrupted.orders).toBe(9000);
    const [run] = await t.store.importRuns.list(1);
    expect(run).toMatchObject({ status: 'failed', lastCommittedRow: 9001 });

    const resumed = await runImport(t.store, { target: 'orders', path, mapping, batchSize: 3000, resume: true, actor: SYSTEM_ACTOR });
    expect(resumed).toMatchObject({ status: 'committed', inserted: 3000, rowsRead: 3000 });
    let expectedCents = 0;
    for (let i = 1; i <= 12_000; i++) expectedCents += ((i % 500) + 1) * 100 + (i % 100);
    expect(await totals()).toEqual({ orders: 12_000, cents: String(expectedCents) });
    await expect(runImport(t.store, { target: 'orders', path, mapping, resume: true, actor: SYSTEM_ACTOR })).rejects.toThrow(/Nothing to resume/);
  });

  it('keeps the batches before a bad row committed and names only that row, though the next batch is read while one merges', async () => {
    const rows = ordersFile(9000).split('\n');
    rows[7000] = rows[7000]!.replace(/2024-03-\d\d/, '2024-13-45');
    const path = await files.write('orders-bad-later.csv', rows.join('\n').replaceAll('N-', 'LATE-'));
    const before = await totals();
    const report = await runImport(t.store, {
      target: 'orders', path, mapping: { createAccounts: { name: 'Customer {accountExternalId}' } }, batchSize: 3000, actor: SYSTEM_ACTOR,
    });
    expect(report).toMatchObject({ status: 'partial', inserted: 6000, rejectedRows: 1 });
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([[7001, 'date']]);
    expect((await totals()).orders - before.orders).toBe(6000);
    const [run] = await t.store.importRuns.list(1);
    expect(run).toMatchObject({ status: 'failed', lastCommittedRow: 6001 });
  });

  // Large data belongs in test:all: under load its 100,000 rows outlast npm test's time limits.
  it.runIf(process.env.CLIENTELE_TEST_ALL === '1')('takes a 100,000-row file in one transaction', { timeout: 300_000 }, async () => {
    const lines = ['id,name,country,city,segment'];
    for (let i = 1; i <= 100_000; i++) lines.push(`BIG-${i},Company ${i},${['FR', 'DE', 'ES', 'GB'][i % 4]},City ${i % 97},${i % 3 ? 'smb' : 'enterprise'}`);
    const progress: number[] = [];
    const report = await runImport(t.store, {
      target: 'accounts', path: await files.write('big.csv', `${lines.join('\n')}\n`), actor: SYSTEM_ACTOR,
      onProgress: (p) => progress.push(p.rowsRead),
    });
    expect(report).toMatchObject({ status: 'committed', inserted: 100_000, rowsRead: 100_000 });
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(100_000);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from accounts where external_id like 'BIG-%'`.execute(t.store.connection.db);
    expect(rows[0]!.n).toBe(100_000);
  });
});
