import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { CDNOW_DIR } from '../../src/analytics/clv/testing/cdnow.js';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { loadMappingFile } from '../../src/import/mapping-file.js';
import { runImport } from '../../src/services/import/run-import.js';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';

const CDNOW = join(CDNOW_DIR, 'CDNOW_master.txt');
const MAPPING = join(import.meta.dirname, '../../mappings/cdnow-orders.json');

describe.each(ENGINES)('the CDNOW transaction file imported on %s', (engine) => {
  let t: TestStore;
  beforeAll(async () => { t = await openTestStore(engine); });
  afterAll(async () => { await t?.dispose(); });

  it('creates 23,570 accounts and 69,659 orders whose amounts sum exactly to the file total', async () => {
    const report = await runImport(t.store, { target: 'orders', path: CDNOW, mapping: await loadMappingFile(MAPPING), actor: SYSTEM_ACTOR });
    expect(report.fatal).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('committed');
    expect(report.inserted).toBe(69_659);
    const { rows } = await sql<{ accounts: number; orders: number; cents: string; cds: string }>`
      select (select count(*)::int from accounts) as accounts, (select count(*)::int from orders) as orders,
             (select sum(total_cents)::text from orders) as cents, (select sum(item_count)::text from orders) as cds`.execute(t.store.connection.db);
    expect(rows[0]).toEqual({ accounts: 23_570, orders: 69_659, cents: '250031563', cds: '167881' });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await sql<{ at: Date }>`select max(updated_at) as at from orders`.execute(t.store.connection.db);
    const report = await runImport(t.store, { target: 'orders', path: CDNOW, mapping: await loadMappingFile(MAPPING), actor: SYSTEM_ACTOR });
    expect(report).toMatchObject({ status: 'committed', inserted: 0, updated: 0, unchanged: 69_659 });
    const after = await sql<{ at: Date; n: number }>`select max(updated_at) as at, count(*)::int as n from orders`.execute(t.store.connection.db);
    expect(after.rows[0]!.at).toEqual(before.rows[0]!.at);
    expect(after.rows[0]!.n).toBe(69_659);
  });
});
