import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { allPages } from '../support/pages.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

describe.each(ENGINES)('products API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => { t = await openTestApp(engine); });
  afterAll(async () => { await t?.close(); });

  const create = (body: object, as = t.manager) => t.call('POST', '/api/v1/products', { as, body });

  it('creates a product with an exact price and defaults, reads, changes and deletes it', async () => {
    const created = await create({ sku: 'CD-001', name: 'Blue Train', listPrice: '19.9' });
    expect(created.statusCode).toBe(201);
    const product = created.json();
    expect(product).toMatchObject({ sku: 'CD-001', name: 'Blue Train', listPrice: '19.90', category: null, active: true });
    expect((await t.call('GET', `/api/v1/products/${product.id}`)).json()).toEqual(product);

    const changed = await t.call('PATCH', `/api/v1/products/${product.id}`, { body: { listPrice: '0.1', category: 'jazz', active: false } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id: product.id, listPrice: '0.10', category: 'jazz', active: false, sku: 'CD-001' });

    expect((await t.call('DELETE', `/api/v1/products/${product.id}`)).statusCode).toBe(204);
    expectError(await t.call('GET', `/api/v1/products/${product.id}`), { status: 404, code: 'not_found' });
  });

  it('keeps prices to the cent however large, and free items at zero', async () => {
    const big = (await create({ sku: 'BIG', name: 'Mainframe', listPrice: '9999999999999.99' })).json();
    expect(big.listPrice).toBe('9999999999999.99');
    const free = (await create({ sku: 'FREE', name: 'Sticker', listPrice: '0' })).json();
    expect(free.listPrice).toBe('0.00');
    const credit = (await create({ sku: 'CREDIT', name: 'Voucher', listPrice: '-5.05' })).json();
    expect(credit.listPrice).toBe('-5.05');
  });

  it('lets managers and admins edit the catalogue but not reps', async () => {
    expectError(await create({ sku: 'REP-1', name: 'By rep', listPrice: '1.00' }, t.rep), { status: 403, code: 'forbidden' });
    const { id } = (await create({ sku: 'ADM-1', name: 'By admin', listPrice: '1.00' }, t.admin)).json();
    expectError(await t.call('PATCH', `/api/v1/products/${id}`, { as: t.rep, body: { name: 'Renamed' } }), { status: 403, code: 'forbidden' });
    expectError(await t.call('DELETE', `/api/v1/products/${id}`, { as: t.rep }), { status: 403, code: 'forbidden' });
    expect((await t.call('GET', `/api/v1/products/${id}`, { as: t.rep })).json().name).toBe('By admin');
  });

  it('answers 409 naming sku for a duplicate, on create and on change', async () => {
    await create({ sku: 'DUP-1', name: 'One', listPrice: '1.00' });
    const other = (await create({ sku: 'DUP-2', name: 'Two', listPrice: '1.00' })).json();
    expectError(await create({ sku: 'DUP-1', name: 'Again', listPrice: '2.00' }), { status: 409, code: 'conflict', field: 'sku' });
    expectError(await t.call('PATCH', `/api/v1/products/${other.id}`, { body: { sku: 'DUP-1' } }), { status: 409, code: 'conflict', field: 'sku' });
  });

  it('keeps a product that appears on an order and lets it be set inactive instead', async () => {
    const product = (await create({ sku: 'SOLD-1', name: 'Sold once', listPrice: '10.00' })).json();
    const account = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Buyer' } })).json();
    await t.call('POST', '/api/v1/orders', { body: { accountId: account.id, number: 'P-ORD-1', orderedAt: '2026-01-02', lines: [{ productId: product.id, quantity: 1, unitPrice: '10.00' }] } });
    expectError(await t.call('DELETE', `/api/v1/products/${product.id}`), { status: 409, code: 'conflict' });
    expect((await t.call('PATCH', `/api/v1/products/${product.id}`, { body: { active: false } })).json().active).toBe(false);
  });

  it('lists by category, activity and text over name and sku, sorted and paged', async () => {
    const made = [];
    for (const [sku, name, category, active] of [
      ['LST-C', 'Kind of Blue', 'list-jazz', true], ['LST-A', 'A Love Supreme', 'list-jazz', true],
      ['LST-B', 'Mingus Ah Um', 'list-jazz', false], ['LST-D', 'Abbey Road', 'list-rock', true],
    ] as const) {
      made.push((await create({ sku, name, category, active, listPrice: '9.99' })).json());
    }
    const skus = async (query: string) => (await t.call('GET', `/api/v1/products?${query}`)).json().items.map((p: { sku: string }) => p.sku);
    expect(await skus('category=list-jazz&sort=sku')).toEqual(['LST-A', 'LST-B', 'LST-C']);
    expect(await skus('category=list-jazz&active=false')).toEqual(['LST-B']);
    expect(await skus('category=list-jazz&active=true&sort=-name')).toEqual(['LST-C', 'LST-A']);
    expect(await skus('q=lst-d')).toEqual(['LST-D']);
    expect(await skus('q=LOVE')).toEqual(['LST-A']);

    const pages = await allPages<{ sku: string }>(t, '/api/v1/products?q=lst-&sort=-sku&limit=3');
    expect(pages.map((page) => page.map((p) => p.sku))).toEqual([['LST-D', 'LST-C', 'LST-B'], ['LST-A']]);
  });

  it('finds products by name regardless of accents and case', async () => {
    const { id } = (await create({ sku: 'CAFE-1', name: 'Café Crème Brûlée', listPrice: '4.20' })).json();
    for (const q of ['cafe creme', 'CAFÉ', 'brulee', 'Brûlée']) {
      expect((await t.call('GET', `/api/v1/products?q=${encodeURIComponent(q)}`)).json().items.map((p: { id: number }) => p.id)).toEqual([id]);
    }
  });

  it('stores SQL and HTML metacharacters verbatim', async () => {
    const name = `'; TRUNCATE products; -- <script>document.cookie</script> "quoted" \\back`;
    const { id } = (await create({ sku: `X'<1>`, name, listPrice: '1.00' })).json();
    expect((await t.call('GET', `/api/v1/products/${id}`)).json()).toMatchObject({ sku: `X'<1>`, name });
    expect((await t.call('GET', `/api/v1/products?q=${encodeURIComponent(`x'<1`)}`)).json().items.map((p: { id: number }) => p.id)).toEqual([id]);
  });
});
