import { describe, expect, it } from 'vitest';
import type { ImportRecord, RecordReader } from '../../import/to-record.js';
import { DEFAULT_CREATED_ACCOUNT, orderMergeOptions, OrderSummary, previewValues, WALK_IN } from './order-summary.js';

describe('orders import choices', () => {
  it('creates accounts and keeps guests by default', () => {
    expect(orderMergeOptions(undefined, {})).toEqual({ createAccounts: DEFAULT_CREATED_ACCOUNT, walkIn: WALK_IN, guests: 'walk-in' });
  });

  it('takes the mapping file\'s choices, and a request\'s over them', () => {
    const mapping = { createAccounts: false as const, guests: 'leave-out' as const };
    expect(orderMergeOptions(mapping, {})).toEqual({ createAccounts: undefined, walkIn: undefined, guests: 'leave-out' });
    expect(orderMergeOptions({ createAccounts: { name: 'Shop {accountExternalId}' } }, { createAccounts: false, guests: 'walk-in' }))
      .toEqual({ createAccounts: undefined, walkIn: WALK_IN, guests: 'walk-in' });
    expect(orderMergeOptions({ createAccounts: { name: 'Shop {accountExternalId}' } }, {}).createAccounts).toEqual({ name: 'Shop {accountExternalId}' });
  });
});

describe('the orders import summary', () => {
  const line = (row: number, values: ImportRecord['values']): RecordReader => () => ({ record: { row, values }, errors: [] });
  const row = (n: number) => ({ row: n, cells: {} }) as unknown as Parameters<RecordReader>[0];

  it('gives guest lines the walk-in account and counts them with their line totals', () => {
    const summary = new OrderSummary('order-lines', 'walk-in', true);
    const guest = { orderNumber: '1', quantity: 3, unitPrice: '0.005', country: { country: 'GB' } };
    const read = summary.reader(line(2, guest), 0);
    expect(read(row(2)).record?.values.accountExternalId).toBe(WALK_IN.externalId);
    expect(summary.result('EUR')).toMatchObject({ currency: 'EUR', guests: { handling: 'walk-in', lines: 1, amount: '0.02', account: WALK_IN.name } });
  });

  it('leaves guest lines out when asked, and counts the places of every line', () => {
    const summary = new OrderSummary('order-lines', 'leave-out', true);
    expect(summary.reader(line(2, { quantity: 1, unitPrice: '2', country: { region: 'Channel Islands' } }), 0)(row(2))).toEqual({ errors: [] });
    summary.reader(line(3, { accountExternalId: 'C1', quantity: 1, unitPrice: '2', country: {} }), 0)(row(3));
    summary.reader(line(4, { accountExternalId: 'C2', quantity: 1, unitPrice: '2', country: { country: 'CZ' } }), 0)(row(4));
    // A resumed run's rows before the resume point are read past, not counted.
    summary.reader(line(5, { accountExternalId: 'C3', quantity: 1, unitPrice: '2', country: { country: 'CZ' } }), 9)(row(5));
    expect(summary.result('EUR')).toMatchObject({
      guests: { handling: 'leave-out', lines: 1, amount: '2.00', account: null },
      countries: { recognised: [{ code: 'CZ', lines: 1 }], unknown: [{ text: 'Channel Islands', lines: 1 }], notStated: 1 },
      orders: null, netRevenue: null,
    });
  });

  it('shows a line\'s place in a preview as its country or its region', () => {
    expect(previewValues({ orderNumber: '1', country: { region: 'Channel Islands' } })).toEqual({ orderNumber: '1', region: 'Channel Islands' });
    expect(previewValues({ orderNumber: '1', country: 'FR' })).toEqual({ orderNumber: '1', country: 'FR' });
  });
});
