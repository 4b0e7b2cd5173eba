// Issue 5's validation through the product: the CDNOW 1/10 sample imported like any order file,
// the purchase histories the store keeps read back, the paper's summary derived from them and
// checked customer by customer, and the models fitted by the same service `clientele predict`
// uses reproduce the published estimates (Fader, Hardie & Lee 2005; Fader & Hardie 2013).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { summarizeHistories } from '../../src/analytics/clv/customer-histories.js';
import { CDNOW_CALIBRATION_END, CDNOW_DIR, hasCdnow, readCdnowSummary } from '../../src/analytics/clv/testing/cdnow.js';
import type { PurchaseHistory } from '../../src/domain/portfolio/facts.js';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { loadMappingFile } from '../../src/import/mapping-file.js';
import { runImport } from '../../src/services/import/run-import.js';
import { predictLifetimeValues } from '../../src/services/clv/lifetime-value.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';

const SAMPLE = join(CDNOW_DIR, 'CDNOW_sample.txt');
const MAPPING = join(import.meta.dirname, '../../mappings/cdnow-sample-orders.json');
/** The paper's cohort: customers whose first purchase falls in the first quarter of 1997. */
const COHORT_END = '1997-03-31';

async function externalIds(store: Store): Promise<Map<number, string>> {
  const ids = new Map<number, string>();
  let cursor: string | undefined;
  do {
    const page = await store.accounts.list({ limit: 500, ...(cursor && { cursor }) });
    for (const account of page.items) ids.set(account.id, account.externalId!);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

describe.skipIf(!hasCdnow).each(ENGINES)('lifetime value of the CDNOW sample imported on %s', (engine) => {
  let t: TestStore;
  let histories: PurchaseHistory[];
  beforeAll(async () => {
    t = await openTestStore(engine);
    const report = await runImport(t.store, { target: 'orders', path: SAMPLE, mapping: await loadMappingFile(MAPPING), actor: SYSTEM_ACTOR });
    expect(report).toMatchObject({ status: 'committed', inserted: 6919, fatal: [], problems: [] });
    histories = await t.store.purchaseHistories.list();
  });
  afterAll(async () => { await t?.dispose(); });

  it('derives the summary of cdnow_customers_summary.csv customer by customer from the stored purchase days', async () => {
    const ids = await externalIds(t.store);
    const cohort = histories.filter((h) => h.days[0]!.day <= COHORT_END);
    expect(cohort).toHaveLength(2357);
    const summary = summarizeHistories(cohort, CDNOW_CALIBRATION_END, 'weeks');
    const bySampleId = new Map<number, number>();
    summary.accountIds.forEach((accountId, i) => bySampleId.set(Number(ids.get(accountId)), i));
    const published = readCdnowSummary();
    expect(published).toHaveLength(2357);
    for (const row of published) {
      const i = bySampleId.get(Number(row.id))!;
      expect(i, `customer ${row.id}`).toBeDefined();
      expect(summary.x[i], `x of customer ${row.id}`).toBe(row.x);
      expect((summary.recencyDays[i]! / 7).toFixed(2), `t_x of customer ${row.id}`).toBe(row.tx.toFixed(2));
      expect((summary.ageDays[i]! / 7).toFixed(2), `T of customer ${row.id}`).toBe(row.T.toFixed(2));
    }
  });

  it('fits the published BG/NBD estimates and log-likelihood, and Gamma-Gamma within 0.1 %', async () => {
    const { model } = await predictLifetimeValues({ store: t.store, actor: SYSTEM_ACTOR }, { asOf: CDNOW_CALIBRATION_END, unit: 'week' });
    expect(model).toMatchObject({ customers: 2357, repeatCustomers: 946, unit: 'weeks', asOf: CDNOW_CALIBRATION_END });
    const { r, alpha, a, b } = model.bgnbd.params;
    // Table 1 of the paper: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
    expect([r, alpha, a, b].map((v) => v.toFixed(3))).toEqual(['0.243', '4.414', '0.793', '2.426']);
    expect(model.bgnbd.logLikelihood.toFixed(1)).toBe('-9582.4');
    expect(model.bgnbd.converged).toBe(true);
    // Fader & Hardie (2013): p = 6.25, q = 3.74, γ = 15.44 dollars on the 946 repeat buyers;
    // fitted here in cents on the exact means of their repeat purchases.
    expect(model.gammaGamma.customers).toBe(946);
    const { p, q, gamma } = model.gammaGamma.params;
    const reference = { p: 6.2488, q: 3.7445, gamma: 15.4420 };
    expect(Math.abs(p / reference.p - 1)).toBeLessThan(0.001);
    expect(Math.abs(q / reference.q - 1)).toBeLessThan(0.001);
    expect(Math.abs(gamma / 100 / reference.gamma - 1)).toBeLessThan(0.001);
    expect([p.toFixed(2), q.toFixed(2), (gamma / 100).toFixed(2)]).toEqual(['6.25', '3.74', '15.44']);
    expect(model.frequencyMonetary.stronglyCorrelated).toBe(false);
  });
});
