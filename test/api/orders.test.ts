import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { allPages } from '../support/pages.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

describe.each(ENGINES)('orders API on %s', (engine) => {
  let t: TestApp;
  let accountId: number;
  let productId: number;
  let seq = 0;
  beforeAll(async () => {
    t = await openTestApp(engine);
    accountId = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Order Holder' } })).json().id;
    productId = (await t.call('POST', '/api/v1/products', { body: { sku: 'ORD-P1', name: 'Widget', listPrice: '19.99' } })).json().id;
  });
  afterAll(async () => { await t?.close(); });

  const nextNumber = () => `ORD-${++seq}`;
  const create = (body: object) => t.call('POST', '/api/v1/orders', { body: { accountId, number: nextNumber(), orderedAt: '2026-02-03', ...body } });

  it('prices each line with its discount and derives the total from the lines exactly', async () => {
    const created = await create({
      channel: 'web',
      lines: [
        { productId, quantity: 3, unitPrice: '19.99', discountPercent: 10 }, // 53.973 → 53.97
        { description: 'Gift wrap', quantity: 1, unitPrice: '0.05', discountPercent: 50 }, // 0.025 → 0.03, half away from zero
        { description: 'Ten cents', quantity: 1, unitPrice: '0.10' },
        { description: 'Twenty cents', quantity: 1, unitPrice: '0.20' },
        { description: 'Odd discount', quantity: 7, unitPrice: '33.33', discountPercent: 12.5 }, // 204.14625 → 204.15
      ],
    });
    expect(created.statusCode).toBe(201);
    const order = created.json();
    expect(order).toMatchObject({ accountId, channel: 'web', status: 'confirmed', orderedAt: '2026-02-03T00:00:00.000Z', itemCount: 13 });
    expect(order.lines).toEqual([
      { lineNo: 1, productId, description: null, quantity: 3, unitPrice: '19.99', discountPercent: 10, total: '53.97' },
      { lineNo: 2, productId: null, description: 'Gift wrap', quantity: 1, unitPrice: '0.05', discountPercent: 50, total: '0.03' },
      { lineNo: 3, productId: null, description: 'Ten cents', quantity: 1, unitPrice: '0.10', discountPercent: 0, total: '0.10' },
      { lineNo: 4, productId: null, description: 'Twenty cents', quantity: 1, unitPrice: '0.20', discountPercent: 0, total: '0.20' },
      { lineNo: 5, productId: null, description: 'Odd discount', quantity: 7, unitPrice: '33.33', discountPercent: 12.5, total: '204.15' },
    ]);
    expect(order.total).toBe('258.45');
    expect((await t.call('GET', `/api/v1/orders/${order.id}`)).json()).toEqual(order);
  });

  it('records a return as negative quantities and a negative total', async () => {
    const order = (await create({
      status: 'returned',
      lines: [
        { productId, quantity: -2, unitPrice: '19.99' },
        { description: 'Restocking credit', quantity: -1, unitPrice: '0.05', discountPercent: 50 }, // -0.025 → -0.03
      ],
    })).json();
    expect(order.lines.map((l: { total: string }) => l.total)).toEqual(['-39.98', '-0.03']);
    expect(order).toMatchObject({ total: '-40.01', itemCount: -3, status: 'returned' });
  });

  it('takes a total and item count for an order recorded without lines', async () => {
    const order = (await create({ total: '1234.56', itemCount: 4, orderedAt: '2025-12-31T23:59:59.999Z' })).json();
    expect(order).toMatchObject({ total: '1234.56', itemCount: 4, lines: [], orderedAt: '2025-12-31T23:59:59.999Z' });
    const empty = (await create({})).json();
    expect(empty).toMatchObject({ total: '0.00', itemCount: 0, lines: [] });
  });

  it('refuses a total beside lines, since the lines decide it', async () => {
    expectError(await create({ total: '10.00', lines: [{ quantity: 1, unitPrice: '10.00' }] }), { status: 400, code: 'bad_request', field: 'total' });
  });

  it('recomputes the total when the lines change, and refuses a typed total on an order with lines', async () => {
    const order = (await create({ lines: [{ productId, quantity: 1, unitPrice: '19.99' }] })).json();
    const changed = await t.call('PATCH', `/api/v1/orders/${order.id}`, {
      body: { lines: [{ productId, quantity: 2, unitPrice: '19.99' }, { description: 'Shipping', quantity: 1, unitPrice: '4.50' }] },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ total: '44.48', itemCount: 3 });
    expect(changed.json().lines.map((l: { lineNo: number; total: string }) => [l.lineNo, l.total])).toEqual([[1, '39.98'], [2, '4.50']]);
    expectError(await t.call('PATCH', `/api/v1/orders/${order.id}`, { body: { total: '1.00' } }), { status: 400, code: 'bad_request', field: 'total' });
    expectError(await t.call('PATCH', `/api/v1/orders/${order.id}`, { body: { itemCount: 9 } }), { status: 400, code: 'bad_request', field: 'itemCount' });

    const status = await t.call('PATCH', `/api/v1/orders/${order.id}`, { body: { status: 'shipped' } });
    expect(status.json()).toMatchObject({ status: 'shipped', total: '44.48', itemCount: 3 });
    expect(status.json().lines).toHaveLength(2);

    const cleared = await t.call('PATCH', `/api/v1/orders/${order.id}`, { body: { lines: [], total: '40.00', itemCount: 2 } });
    expect(cleared.json()).toMatchObject({ total: '40.00', itemCount: 2, lines: [] });
  });

  it('changes the total of an order without lines and keeps the item count, or the other way round', async () => {
    const order = (await create({ total: '100.00', itemCount: 5 })).json();
    expect((await t.call('PATCH', `/api/v1/orders/${order.id}`, { body: { total: '120.50' } })).json()).toMatchObject({ total: '120.50', itemCount: 5 });
    expect((await t.call('PATCH', `/api/v1/orders/${order.id}`, { body: { itemCount: 6 } })).json()).toMatchObject({ total: '120.50', itemCount: 6 });
  });

  it('answers 422 naming the line of an unknown product', async () => {
    expectError(await create({ lines: [{ productId: 987654, quantity: 1, unitPrice: '1.00' }] }),
      { status: 422, code: 'invalid', field: 'lines.0.productId' });
    expectError(await create({ lines: [{ productId, quantity: 1, unitPrice: '1.00' }, { productId: 987654, quantity: 1, unitPrice: '1.00' }] }),
      { status: 422, code: 'invalid', field: 'lines.1.productId' });
    const order = (await create({ lines: [{ productId, quantity: 1, unitPrice: '1.00' }] })).json();
    expectError(await t.call('PATCH', `/api/v1/orders/${order.id}`, { body: { lines: [{ productId: 987654, quantity: 1, unitPrice: '1.00' }] } }),
      { status: 422, code: 'invalid', field: 'lines.0.productId' });
    expect((await t.call('GET', `/api/v1/orders/${order.id}`)).json().lines).toHaveLength(1);
  });

  it('answers 409 naming number for a duplicate order number', async () => {
    const first = (await create({})).json();
    expectError(await t.call('POST', '/api/v1/orders', { body: { accountId, number: first.number, orderedAt: '2026-01-01' } }),
      { status: 409, code: 'conflict', field: 'number' });
    const second = (await create({})).json();
    expectError(await t.call('PATCH', `/api/v1/orders/${second.id}`, { body: { number: first.number } }), { status: 409, code: 'conflict', field: 'number' });
  });

  it('answers 404 naming accountId for an order on a missing account', async () => {
    expectError(await t.call('POST', '/api/v1/orders', { body: { accountId: 987654, number: nextNumber(), orderedAt: '2026-01-01' } }),
      { status: 404, code: 'not_found', field: 'accountId' });
  });

  it('lets reps cancel but not delete orders, and keeps an account with orders', async () => {
    const order = (await create({ total: '5.00' })).json();
    expectError(await t.call('DELETE', `/api/v1/orders/${order.id}`, { as: t.rep }), { status: 403, code: 'forbidden' });
    expect((await t.call('PATCH', `/api/v1/orders/${order.id}`, { as: t.rep, body: { status: 'cancelled' } })).json().status).toBe('cancelled');
    expectError(await t.call('DELETE', `/api/v1/accounts/${accountId}`), { status: 409, code: 'conflict' });
    expect((await t.call('DELETE', `/api/v1/orders/${order.id}`, { as: t.manager })).statusCode).toBe(204);
    expectError(await t.call('GET', `/api/v1/orders/${order.id}`), { status: 404, code: 'not_found' });
  });

  it('lists an account\'s orders by date range and status, sorted by total and paged', async () => {
    const other = (await t.call('POST', '/api/v1/accounts', { body: { name: 'List Orders' } })).json().id;
    const add = (number: string, orderedAt: string, total: string, status = 'invoiced') =>
      t.call('POST', '/api/v1/orders', { body: { accountId: other, number, orderedAt, total, status } });
    await add('L-1', '2026-01-05', '10.00');
    await add('L-2', '2026-01-15', '300.00');
    await add('L-3', '2026-02-01', '25.50');
    await add('L-4', '2026-02-10', '25.50', 'cancelled');
    await add('L-5', '2026-03-01', '-7.25');
    const numbers = async (query: string) =>
      (await t.call('GET', `/api/v1/orders?accountId=${other}&${query}`)).json().items.map((o: { number: string }) => o.number);
    expect(await numbers('')).toEqual(['L-5', 'L-4', 'L-3', 'L-2', 'L-1']);
    expect(await numbers('orderedFrom=2026-01-15&orderedTo=2026-02-10')).toEqual(['L-3', 'L-2']);
    expect(await numbers('status=cancelled')).toEqual(['L-4']);
    expect(await numbers('q=l-2')).toEqual(['L-2']);

    const pages = await allPages<{ number: string; total: string }>(t, `/api/v1/orders?accountId=${other}&sort=-total&limit=2`);
    expect(pages.map((p) => p.map((o) => `${o.number}=${o.total}`))).toEqual([['L-2=300.00', 'L-4=25.50'], ['L-3=25.50', 'L-1=10.00'], ['L-5=-7.25']]);
  });

  it('stores SQL and HTML metacharacters in numbers and descriptions verbatim', async () => {
    const number = `N'1"; DROP TABLE orders;--<i>`;
    const description = '<script>alert(1)</script> 100% & _done_';
    const order = (await t.call('POST', '/api/v1/orders', { body: { accountId, number, orderedAt: '2026-01-01', lines: [{ description, quantity: 1, unitPrice: '1.00' }] } })).json();
    const read = (await t.call('GET', `/api/v1/orders/${order.id}`)).json();
    expect(read.number).toBe(number);
    expect(read.lines[0].description).toBe(description);
  });
});
