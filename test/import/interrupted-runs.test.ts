// An import whose process is killed: the run is marked interrupted when the store next opens,
// and --resume (or a plain re-run) finishes it, whether the kill came before the first batch
// committed or after some did.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { runImport } from '../../src/services/import/run-import.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { tempFolder } from '../support/temp-files.js';

const DIE = fileURLToPath(new URL('../support/import-then-die.ts', import.meta.url));
const ROWS = 12_000;
const mapping = { createAccounts: { name: 'Customer {accountExternalId}' } };

function ordersFile(rows: number): string {
  const lines = ['number,customer id,date,amount,items'];
  for (let i = 1; i <= rows; i++) lines.push(`K-${i},C${i % 500},2024-03-${String((i % 28) + 1).padStart(2, '0')},${(i % 300) + 1}.25,${(i % 5) + 1}`);
  return `${lines.join('\n')}\n`;
}

/** Runs an import in its own process and kills it at its first progress report (row 5,000). */
async function importAndKill(dataDir: string, path: string, batchSize: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', DIE, dataDir, path, String(batchSize)], { stdio: 'pipe', env: { ...process.env, LOG_LEVEL: 'warn' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const [code, signal] = await once(child, 'exit');
  expect({ code, signal, stderr }).toMatchObject({ code: null, signal: 'SIGKILL' });
}

describe('imports killed mid-way on the embedded store', () => {
  let files: Awaited<ReturnType<typeof tempFolder>>;
  let path: string;
  beforeAll(async () => {
    files = await tempFolder('killed-import');
    path = await files.write('orders.csv', ordersFile(ROWS));
  });
  afterAll(async () => { await files?.remove(); });

  const totals = async (store: Store) => (await sql<{ orders: number; distinct: number }>`select count(*)::int as orders, count(distinct number)::int as distinct from orders`.execute(store.connection.db)).rows[0]!;

  it.each([
    // Batches of 6,000: the kill at row 5,000 comes before the first batch commits.
    { when: 'before the first batch', batchSize: 6000, committed: 0 },
    // Batches of 3,000: the first batch is committed when the kill comes during the second.
    { when: 'after a batch', batchSize: 3000, committed: 3000 },
  ])('marks a run killed $when as interrupted at the next open, and --resume finishes it', { timeout: 240_000 }, async ({ batchSize, committed }) => {
    const dataDir = files.path(`store-${batchSize}`);
    await importAndKill(dataDir, path, batchSize);
    const store = await openStore({ dataDir }, 'test');
    try {
      const [run] = await store.importRuns.list(1);
      expect(run).toMatchObject({ status: 'interrupted', lastCommittedRow: committed ? committed + 1 : 0 });
      expect(run!.finishedAt).not.toBeNull();
      expect((await totals(store)).orders).toBe(committed);

      const resumed = await runImport(store, { target: 'orders', path, mapping, batchSize, resume: true, actor: SYSTEM_ACTOR });
      expect(resumed).toMatchObject({ status: 'committed', runId: run!.id, inserted: ROWS - committed });
      expect(await totals(store)).toEqual({ orders: ROWS, distinct: ROWS });
      expect((await store.importRuns.get(run!.id))!.status).toBe('committed');
      await expect(runImport(store, { target: 'orders', path, mapping, resume: true, actor: SYSTEM_ACTOR })).rejects.toThrow(/Nothing to resume/);
    } finally {
      await store.connection.close();
    }
  });

  it('finishes a killed run by a plain re-run too, with no duplicate', { timeout: 240_000 }, async () => {
    const dataDir = files.path('store-rerun');
    await importAndKill(dataDir, path, 3000);
    const store = await openStore({ dataDir }, 'test');
    try {
      const again = await runImport(store, { target: 'orders', path, mapping, batchSize: 3000, actor: SYSTEM_ACTOR });
      expect(again.status).toBe('committed');
      expect(await totals(store)).toEqual({ orders: ROWS, distinct: ROWS });
    } finally {
      await store.connection.close();
    }
  });
});
