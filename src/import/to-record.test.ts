import { describe, expect, it } from 'vitest';
import { TARGET_FIELDS } from './targets.js';
import { OrderNumberer, recordReader, type RecordRules, toRecord } from './to-record.js';

const rules: RecordRules = {
  fields: TARGET_FIELDS.orders,
  columns: { Invoice: 'number', Client: 'accountExternalId', Date: 'orderedAt', Amount: 'total' },
  defaults: { status: 'invoiced' },
  parse: { dateFormat: 'dmy', decimalComma: true },
  customFieldHeaders: [],
};

describe('rows to records', () => {
  it('converts every mapped cell and fills defaults', () => {
    const result = toRecord({ row: 2, cells: { Invoice: 'F-1', Client: 'C1', Date: '31/01/2024', Amount: '1 234,50' } }, rules);
    expect(result.errors).toEqual([]);
    expect(result.record).toEqual({
      row: 2,
      values: { number: 'F-1', accountExternalId: 'C1', orderedAt: '2024-01-31T00:00:00.000Z', total: '1234.50', status: 'invoiced' },
    });
  });

  it('names the row, column, value and reason of every problem', () => {
    const result = toRecord({ row: 7, cells: { Invoice: '', Client: 'C1', Date: '2024-13-01', Amount: '12.345,678' } }, rules);
    expect(result.record).toBeUndefined();
    expect(result.errors).toEqual([
      { row: 7, column: 'Invoice', value: '', reason: 'number is required' },
      { row: 7, column: 'Date', value: '2024-13-01', reason: 'orderedAt is not a date in the dmy format' },
      { row: 7, column: 'Amount', value: '12.345,678', reason: 'total has more than two decimals' },
    ]);
  });

  it('reads rows that repeat the cells of the row before exactly as it reads each row alone', () => {
    const lineRules: RecordRules = { ...rules, fields: TARGET_FIELDS.accounts, columns: { Name: 'name', Tags: 'tags', Country: 'country' }, defaults: {} };
    const rows = [
      { row: 2, cells: { Name: 'Acme', Tags: 'a;b', Country: 'France' } },
      { row: 3, cells: { Name: 'Acme', Tags: 'a;b', Country: 'France' } },
      { row: 4, cells: { Name: 'Acme', Tags: 'a;b', Country: 'Nowhere' } },
      { row: 5, cells: { Name: '', Tags: 'a;b', Country: 'Nowhere' } },
      { row: 6, cells: { Name: 'Beta', Tags: '', Country: 'FR' } },
    ];
    const read = recordReader(lineRules);
    const together = rows.map(read);
    expect(together).toEqual(rows.map((row) => toRecord(row, lineRules)));
    expect(together[1]!.record!.values).toEqual({ name: 'Acme', tags: ['a', 'b'], country: 'FR' });
    expect(together[3]!.errors.map((e) => e.reason)).toEqual(['name is required', 'country is not a country code or name']);
    // Lists are built anew for each row: changing one record's tags leaves the next one's alone.
    expect(together[0]!.record!.values.tags).not.toBe(together[1]!.record!.values.tags);
  });

  it('rejects a ragged row as a whole', () => {
    const result = toRecord({ row: 3, cells: {}, ragged: { expected: 4, actual: 6 } }, rules);
    expect(result.errors).toEqual([{ row: 3, column: '', value: '', reason: 'has 6 values where the header has 4' }]);
  });

  it('numbers orders from their parts, the same way every time', () => {
    const numberer = new OrderNumberer(['accountExternalId', 'orderedAt']);
    const day = { accountExternalId: '00001', orderedAt: '1997-01-01T00:00:00.000Z' };
    expect([numberer.next(day), numberer.next(day), numberer.next({ ...day, accountExternalId: '00002' })])
      .toEqual(['00001-19970101', '00001-19970101-2', '00002-19970101']);
  });
});
