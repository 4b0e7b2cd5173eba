import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { loadDemoPortfolio } from '../../src/services/demo/load-demo-portfolio.js';
import { expectError } from '../support/expect-error.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

interface Suggestion {
  productId: number; name: string; category: string; basis: string; reason: string;
  evidence: { boughtProductId: number; boughtProductName: string; boughtBy: number; together: number; confidence: number } | null;
}
interface UpsellItem { accountId: number; accountName: string; category: string; spent: string; peerMedian: string; shortfall: string; reason: string }

describe.each(ENGINES)('cross-sell and up-sell through the API on %s', (engine) => {
  let t: TestApp;
  let repAccounts: number[];
  let otherAccount: number;

  beforeAll(async () => {
    t = await openTestApp(engine);
    await loadDemoPortfolio({ store: t.store, actor: SYSTEM_ACTOR }, { accounts: 300, seed: 11, endDate: '2026-01-01T00:00:00.000Z' });
    const ids = (await t.store.connection.db.selectFrom('accounts').select('id').orderBy('id').execute()).map((r) => Number(r.id));
    repAccounts = ids.filter((_, i) => i % 3 === 0);
    otherAccount = ids.find((id) => !repAccounts.includes(id))!;
    await t.store.connection.db.updateTable('accounts').set({ owner_id: t.rep.id }).where('id', 'in', repAccounts).execute();
  });
  afterAll(async () => { await t?.close(); });

  const get = async (url: string, as = t.admin) => {
    const response = await t.call('GET', url, { as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  const wholeUpsellList = async (as = t.admin): Promise<UpsellItem[]> => {
    const items: UpsellItem[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await get(`/api/v1/analysis/upsell?asOf=2025-12-31&limit=500&offset=${offset}`, as);
      items.push(...page.items);
      if (!page.hasMore) return items;
    }
  };

  /** Each account's products kept (bought and not returned in full), counted from the orders themselves. */
  const holdings = async () => {
    const { rows } = await sql<{ account_id: number; product_id: number }>`
      select o.account_id, l.product_id from order_lines l join orders o on o.id = l.order_id
       where o.status in ('confirmed', 'shipped', 'invoiced') and l.product_id is not null
       group by o.account_id, l.product_id having sum(l.quantity) > 0`.execute(t.store.connection.db);
    const held = new Map<number, Set<number>>();
    for (const r of rows) {
      const set = held.get(Number(r.account_id)) ?? new Set<number>();
      set.add(Number(r.product_id));
      held.set(Number(r.account_id), set);
    }
    return held;
  };

  it('suggests products the account has not bought, still sold, each with the rule behind it in words', async () => {
    const held = await holdings();
    const inactive = new Set((await t.store.connection.db.selectFrom('products').select('id').where('active', '=', false).execute()).map((r) => Number(r.id)));
    const buyersOf = (productId: number) => [...held.values()].filter((set) => set.has(productId)).length;
    const accounts = [...held.keys()].slice(0, 12);
    let boughtTogether = 0;
    for (const accountId of accounts) {
      const answer = await get(`/api/v1/accounts/${accountId}/suggestions?limit=5`);
      expect(answer.accountId).toBe(accountId);
      expect(answer.model.accounts).toBe(held.size);
      expect(answer.items).toHaveLength(5);
      for (const s of answer.items as Suggestion[]) {
        expect(held.get(accountId)!.has(s.productId)).toBe(false);
        expect(inactive.has(s.productId)).toBe(false);
        expect(s.name.length).toBeGreaterThan(0);
        if (s.basis === 'bought_together') {
          boughtTogether++;
          const evidence = s.evidence!;
          expect(held.get(accountId)!.has(evidence.boughtProductId)).toBe(true);
          expect(evidence.boughtBy).toBe(buyersOf(evidence.boughtProductId));
          const together = [...held.values()].filter((set) => set.has(evidence.boughtProductId) && set.has(s.productId)).length;
          expect(evidence.together).toBe(together);
          expect(s.reason).toContain(`of the ${evidence.boughtBy} accounts that bought ${evidence.boughtProductName}`);
        } else {
          expect(s.evidence).toBeNull();
          expect(s.reason).toMatch(/^One of the most bought products: bought by .* of all \d+ accounts\.$/);
        }
      }
    }
    expect(boughtTogether).toBeGreaterThan(accounts.length);
  });

  it('learns again once an order changes what an account holds', async () => {
    const accountId = repAccounts[1]!;
    const before = await get(`/api/v1/accounts/${accountId}/suggestions`);
    const first = before.items[0] as Suggestion;
    const created = await t.call('POST', '/api/v1/orders', {
      body: {
        accountId, number: 'REC-1', orderedAt: '2025-12-20', status: 'invoiced',
        lines: [{ productId: first.productId, quantity: 2, unitPrice: '10.00' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const after = await get(`/api/v1/accounts/${accountId}/suggestions`);
    expect(after.items.map((s: Suggestion) => s.productId)).not.toContain(first.productId);
    expect(after.model.builtAt >= before.model.builtAt).toBe(true);
  });

  it('lists the products bought by the same accounts, most alike first, and 404 for an unknown product', async () => {
    const held = await holdings();
    const counts = new Map<number, number>();
    for (const set of held.values()) for (const p of set) counts.set(p, (counts.get(p) ?? 0) + 1);
    const popular = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const answer = await get(`/api/v1/products/${popular}/similar?limit=5`);
    expect(answer.product.productId).toBe(popular);
    expect(answer.items.length).toBeGreaterThan(0);
    const cosines = answer.items.map((i: { cosine: number }) => i.cosine);
    expect(cosines).toEqual([...cosines].sort((a, b) => b - a));
    for (const item of answer.items) {
      expect(item.productId).not.toBe(popular);
      const together = [...held.values()].filter((set) => set.has(popular) && set.has(item.productId)).length;
      expect(item.together).toBe(together);
      expect(item.cosine).toBeCloseTo(together / Math.sqrt(counts.get(popular)! * counts.get(item.productId)!), 12);
    }
    expectError(await t.call('GET', '/api/v1/products/987654/similar'), { status: 404, code: 'not_found' });
  });

  it('lists association rules with figures that match the orders, for managers and admins only', async () => {
    const held = await holdings();
    const answer = await get('/api/v1/analysis/association-rules?minSupport=0.02&minConfidence=0.3&limit=10', t.manager);
    expect(answer).toMatchObject({ minSupport: 0.02, minConfidence: 0.3 });
    expect(answer.items.length).toBeGreaterThan(0);
    expect(answer.total).toBeGreaterThanOrEqual(answer.items.length);
    const lifts = answer.items.map((r: { lift: number }) => r.lift);
    expect(lifts).toEqual([...lifts].sort((a, b) => b - a));
    for (const rule of answer.items) {
      const buyersX = [...held.values()].filter((set) => set.has(rule.antecedent.productId));
      const both = buyersX.filter((set) => set.has(rule.consequent.productId)).length;
      expect(rule.accounts).toBe(both);
      expect(rule.support).toBeCloseTo(both / held.size, 12);
      expect(rule.confidence).toBeCloseTo(both / buyersX.length, 12);
      expect(rule.support).toBeGreaterThanOrEqual(0.02);
      expect(rule.confidence).toBeGreaterThanOrEqual(0.3);
    }
    expectError(await t.call('GET', '/api/v1/analysis/association-rules', { as: t.rep }), { status: 403, code: 'forbidden' });
  });

  it('refuses settings no rule can apply with a 422 naming the field, and malformed ones with a 400', async () => {
    expectError(await t.call('GET', '/api/v1/analysis/association-rules?minSupport=2'), { status: 422, code: 'invalid', field: 'minSupport' });
    expectError(await t.call('GET', '/api/v1/analysis/association-rules?minConfidence=-0.1'), { status: 422, code: 'invalid', field: 'minConfidence' });
    expectError(await t.call('GET', '/api/v1/analysis/association-rules?minSupport=some'), { status: 400, code: 'bad_request', field: 'minSupport' });
    expectError(await t.call('GET', `/api/v1/accounts/${otherAccount}/suggestions?limit=0`), { status: 400, code: 'bad_request', field: 'limit' });
    expectError(await t.call('GET', `/api/v1/accounts/${otherAccount}/upsell?asOf=2025-02-30`), { status: 400, code: 'bad_request', field: 'asOf' });
  });

  it('flags categories bought well below alike accounts, largest shortfall first, for one account and across the portfolio', async () => {
    const list = await get('/api/v1/analysis/upsell?asOf=2025-12-31&limit=20');
    expect(list.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(list.items.length).toBeGreaterThan(0);
    const shortfalls = list.items.map((i: UpsellItem) => Number(i.shortfall));
    expect(shortfalls).toEqual([...shortfalls].sort((a, b) => b - a));
    for (const item of list.items as UpsellItem[]) {
      expect(Number(item.spent)).toBeLessThan(Number(item.peerMedian) / 2);
      expect(item.shortfall).toBe((Number(item.peerMedian) - Number(item.spent)).toFixed(2));
      expect(item.reason).toContain(`on ${item.category}`);
      expect(item.accountName.length).toBeGreaterThan(0);
    }
    const first = list.items[0] as UpsellItem;
    // The account's spend in the category over the period, counted from its orders.
    const { rows } = await sql<{ cents: string | number }>`
      select coalesce(sum(l.total_cents), 0) as cents from order_lines l join orders o on o.id = l.order_id join products p on p.id = l.product_id
       where o.account_id = ${first.accountId} and o.status in ('confirmed', 'shipped', 'invoiced') and coalesce(p.category, 'Uncategorised') = ${first.category}
         and o.ordered_at >= '2025-01-01T00:00:00Z' and o.ordered_at < '2026-01-01T00:00:00Z'`.execute(t.store.connection.db);
    expect(Math.round(Number(first.spent) * 100)).toBe(Number(rows[0]!.cents));

    const one = await get(`/api/v1/accounts/${first.accountId}/upsell?asOf=2025-12-31`);
    expect(one.items.map((i: UpsellItem) => i.category)).toContain(first.category);
    expect(one.items.every((i: UpsellItem) => i.accountId === first.accountId)).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    expect((await get('/api/v1/analysis/upsell?limit=1')).period.to).toBe(today);
  });

  it('shows a rep limited to their portfolio the suggestions and up-sell of their own accounts only', async () => {
    expect((await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'own' } })).statusCode).toBe(200);
    try {
      expect((await get(`/api/v1/accounts/${repAccounts[0]}/suggestions`, t.rep)).items.length).toBeGreaterThan(0);
      expectError(await t.call('GET', `/api/v1/accounts/${otherAccount}/suggestions`, { as: t.rep }), { status: 404, code: 'not_found', field: 'id' });
      expectError(await t.call('GET', `/api/v1/accounts/${otherAccount}/upsell`, { as: t.rep }), { status: 404, code: 'not_found', field: 'id' });
      const all = await wholeUpsellList();
      const mine = await wholeUpsellList(t.rep);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine).toEqual(all.filter((i) => repAccounts.includes(i.accountId)));
      expect(mine.length).toBeLessThan(all.length);
    } finally {
      await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'all' } });
    }
  });
});
