// An import's insert of lines it knows to be good skips the foreign-key checks row by row, and
// only that insert: the next statement of the same transaction is checked again.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutRowChecks } from '../../src/store/imports/row-checks.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';

class Undo extends Error {}

describe.each(ENGINES)('inserts without row checks on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  const orphanLine = (lineNo: number) => sql`insert into order_lines (order_id, line_no, description, quantity, unit_price_cents, discount_bp, total_cents)
    values (987654321, ${lineNo}, 'orphan', 1, 100, 0, 100)`;

  it('skips the checks inside the insert, checks again after it, and leaves nothing behind when undone', async () => {
    let skipped: boolean | undefined;
    await expect(store.connection.db.transaction().execute(async (trx) => {
      // The test stores connect as a superuser, on both engines, so the checks are skipped.
      skipped = await withoutRowChecks(trx, async () => { await orphanLine(1).execute(trx); });
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from order_lines where order_id = 987654321`.execute(trx);
      expect(rows[0]!.n).toBe(1);
      await expect(orphanLine(2).execute(trx)).rejects.toThrow(/foreign key/);
      throw new Undo();
    })).rejects.toThrow(Undo);
    expect(skipped).toBe(true);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from order_lines where order_id = 987654321`.execute(store.connection.db);
    expect(rows[0]!.n).toBe(0);
  });
});
