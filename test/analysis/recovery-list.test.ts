// "Big accounts that went quiet", the way a sales manager reaches it: the CDNOW transaction file
// imported with its mapping, the portfolio analysed, then ?abc=A&status=inactive read through
// the API. What the list must hold is worked out here from the raw file alone: each inactive
// customer's revenue over the 365 days ending on its last purchase, ranked, cut at 80 %.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCdnow } from '../../src/analytics/clv/testing/cdnow.js';
import { CDNOW_MASTER, plainCustomers, readCdnowRows } from '../../src/analytics/portfolio/testing/cdnow-plain.js';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { formatMoney } from '../../src/domain/money.js';
import { loadMappingFile } from '../../src/import/mapping-file.js';
import { runImport } from '../../src/services/import/run-import.js';
import { allPages } from '../support/pages.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { ENGINES } from '../support/test-store.js';

const MAPPING = join(import.meta.dirname, '../../mappings/cdnow-orders.json');
const DAY_MS = 86_400_000;

/** Each customer's revenue per purchase day (day numbers since 1970), straight from the file's rows. */
function customersOfFile(): Map<number, Map<number, number>> {
  return new Map(plainCustomers(readCdnowRows(), Number.POSITIVE_INFINITY).map((c) => [c.customer, c.days]));
}

interface Expected {
  /** Customer ids of the recovery list, as the API sorts it: value highest first, then the higher account id. */
  list: number[];
  value: Map<number, number>;
  inactive: number;
  /** Customers with revenue in the 365 days ending on the as-of day: the Pareto chart's accounts. */
  buying: number;
}

/**
 * The inactive customers of class A as of a day: no purchase in the 365 days ending on it;
 * ranked on what they bought in the 365 days ending on their own last purchase, largest first
 * and ties by account id; A while the customers ranked above hold under 80 % of the total.
 */
function recoveryList(customers: Map<number, Map<number, number>>, asOf: string, accountIdOf: Map<number, number>): Expected {
  const asOfDay = Date.parse(`${asOf}T00:00:00Z`) / DAY_MS;
  const quiet: { id: number; value: number }[] = [];
  let buying = 0;
  for (const [id, days] of customers) {
    const seen = [...days.keys()].filter((day) => day <= asOfDay);
    if (seen.length === 0) continue;
    const last = Math.max(...seen);
    if (last > asOfDay - 365) {
      if (seen.some((day) => day > asOfDay - 365 && days.get(day)! > 0)) buying += 1;
      continue;
    }
    const value = seen.filter((day) => day > last - 365).reduce((sum, day) => sum + days.get(day)!, 0);
    quiet.push({ id, value });
  }
  const ranked = quiet.filter((c) => c.value > 0).sort((a, b) => b.value - a.value || accountIdOf.get(a.id)! - accountIdOf.get(b.id)!);
  const total = ranked.reduce((sum, c) => sum + c.value, 0);
  const classA: typeof ranked = [];
  let above = 0;
  for (const c of ranked) {
    if (100 * above < 80 * total) classA.push(c);
    above += c.value;
  }
  classA.sort((a, b) => b.value - a.value || accountIdOf.get(b.id)! - accountIdOf.get(a.id)!);
  return { list: classA.map((c) => c.id), value: new Map(classA.map((c) => [c.id, c.value])), inactive: quiet.length, buying };
}

interface ListedAccount {
  id: number;
  externalId: string;
  classes: { status: string; abc: string; value: string; revenue: string } | null;
}

describe.runIf(hasCdnow).each(ENGINES)('the recovery list of the imported CDNOW file on %s', (engine) => {
  let t: TestApp;
  const customers = customersOfFile();
  const accountIdOf = new Map<number, number>();

  beforeAll(async () => {
    t = await openTestApp(engine);
    const report = await runImport(t.store, { target: 'orders', path: CDNOW_MASTER, mapping: await loadMappingFile(MAPPING), actor: SYSTEM_ACTOR });
    expect(report.status).toBe('committed');
    for (const page of await allPages<ListedAccount>(t, '/api/v1/accounts?limit=500')) {
      for (const account of page) accountIdOf.set(Number(account.externalId), account.id);
    }
    expect(accountIdOf.size).toBe(customers.size);
  }, 300_000);
  afterAll(async () => { await t?.close(); });

  async function analyse(asOf: string) {
    const run = await t.call('POST', '/api/v1/analysis/runs', { body: { asOf } });
    expect(run.statusCode).toBe(201);
  }

  async function listed(query: string): Promise<ListedAccount[]> {
    return (await allPages<ListedAccount>(t, `/api/v1/accounts?limit=500&${query}`)).flat();
  }

  async function expectRecoveryList(expected: Expected) {
    expect(expected.list.length).toBeGreaterThan(0);
    const list = await listed('abc=A&status=inactive&sort=-value');
    expect(list.map((a) => Number(a.externalId))).toEqual(expected.list);
    expect(list.map((a) => a.classes!.value)).toEqual(expected.list.map((id) => formatMoney(expected.value.get(id)!)));

    // The dashboard's card counts the same accounts and the revenue they were ranked on.
    const overview = (await t.call('GET', '/api/v1/analysis/overview')).json();
    const atStake = expected.list.reduce((sum, id) => sum + expected.value.get(id)!, 0);
    expect(overview.inactiveValue.A).toEqual({ accounts: expected.list.length, revenue: formatMoney(atStake) });
    const inactive = overview.inactiveValue;
    expect(inactive.A.accounts + inactive.B.accounts + inactive.C.accounts + inactive.none.accounts).toBe(expected.inactive);

    // The Pareto chart stays about the accounts with revenue in the last 12 months: no inactive account in it.
    const pareto = (await t.call('GET', '/api/v1/analysis/abc')).json();
    expect(pareto.rankedAccounts).toBe(expected.buying);
  }

  it('lists, as of a day after the import, the quiet customers that brought 80 % of what the quiet ones bought in their last active year', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await analyse(today);
    const expected = recoveryList(customers, today, accountIdOf);
    // Every customer's last purchase is decades old: all are inactive, none is in the Pareto chart.
    expect(expected.inactive).toBe(customers.size);
    expect(expected.buying).toBe(0);
    await expectRecoveryList(expected);
  }, 300_000);

  // An account exists from its first order (docs/history-rule.md), so the file is analysed as of its own last day.
  it('lists, as of the file\'s last day, the customers gone quiet since mid-1997, biggest last active year first', async () => {
    await analyse('1998-06-30');
    const expected = recoveryList(customers, '1998-06-30', accountIdOf);
    // Bought only before July 1997: 23,570 customers less the 8,332 who bought after.
    expect(expected.inactive).toBe(23_570 - 8_332);
    expect(expected.buying).toBeGreaterThan(0);
    await expectRecoveryList(expected);
  }, 300_000);

  it('keeps a quiet account in the inactive ranking when an old order is added, placed against the run\'s inactive thresholds', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await analyse(today);
    const expected = recoveryList(customers, today, accountIdOf);
    const smallest = Math.min(...expected.value.values());
    // A quiet customer far below class A.
    const [customer] = [...customers.entries()].flatMap(([id, days]) => {
      const last = Math.max(...days.keys());
      const value = [...days.entries()].filter(([day]) => day > last - 365).reduce((sum, [, cents]) => sum + cents, 0);
      return value > 0 && value < smallest / 10 && !expected.value.has(id) ? [{ id, last }] : [];
    });
    const accountId = accountIdOf.get(customer!.id)!;
    const classesOf = async () => (await t.call('GET', `/api/v1/accounts/${accountId}/classes`)).json();
    const before = await classesOf();
    expect(before.status.class).toBe('inactive');
    expect(['B', 'C']).toContain(before.abc.class);

    // An order on its last purchase day worth the smallest A account's last active year: still inactive, now A.
    const orderedAt = new Date(customer!.last * DAY_MS).toISOString().slice(0, 10);
    const response = await t.call('POST', '/api/v1/orders', {
      body: { accountId, number: `RECOVERY-${accountId}`, orderedAt, status: 'invoiced', total: formatMoney(smallest) },
    });
    expect(response.statusCode).toBe(201);
    const classes = await classesOf();
    expect(classes.status.class).toBe('inactive');
    expect(classes.abc.class).toBe('A');
    expect(classes.abc.figures.ranking).toBe('inactive');
    expect((await listed('abc=A&status=inactive&sort=-value')).map((a) => a.id)).toContain(accountId);
  }, 300_000);

});
