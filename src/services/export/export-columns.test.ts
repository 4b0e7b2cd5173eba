import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../import/header-match.js';
import { TARGET_FIELDS } from '../../import/targets.js';
import { EXPORT_TARGETS, exportColumns, formatOfPath } from './export-columns.js';

describe('export columns', () => {
  it.each(EXPORT_TARGETS)('names the columns of %s so that import maps each to its own field', (target) => {
    const headers = exportColumns(target).map((c) => c.field);
    const { columns, unmatched, clashes } = matchHeaders(headers, TARGET_FIELDS[target]);
    expect(unmatched).toEqual([]);
    expect(clashes).toEqual([]);
    expect(columns).toEqual(Object.fromEntries(headers.map((h) => [h, h])));
  });

  it('lays order lines out as the order-lines import reads them', () => {
    expect(exportColumns('order-lines').map((c) => c.field)).toEqual(
      ['orderNumber', 'accountExternalId', 'accountName', 'orderedAt', 'sku', 'description', 'quantity', 'unitPrice', 'discountPercent', 'currency']);
  });

  it('takes the format from the file name', () => {
    expect(formatOfPath('out/Accounts.XLSX')).toBe('xlsx');
    expect(formatOfPath('accounts.csv')).toBe('csv');
    expect(formatOfPath('accounts.txt')).toBeUndefined();
  });
});
