import { describe, expect, it } from 'vitest';
import { matchHeaders, normalizeHeader } from './header-match.js';
import { IMPORT_TARGETS, parseCell, TARGET_FIELDS } from './targets.js';

const options = { dateFormat: 'iso' as const, decimalComma: false };

describe('import targets', () => {
  it.each(IMPORT_TARGETS)('gives every column name of %s one field only', (target) => {
    const owner = new Map<string, string>();
    for (const { field, names } of TARGET_FIELDS[target]) {
      for (const name of [field, ...names]) {
        const key = normalizeHeader(name);
        expect(owner.get(key) ?? field, `"${name}" is claimed by ${owner.get(key)} and ${field}`).toBe(field);
        owner.set(key, field);
      }
    }
  });

  it('maps the retail invoice-line layout completely', () => {
    const headers = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
    const { columns, unmatched } = matchHeaders(headers, TARGET_FIELDS['order-lines']);
    expect(unmatched).toEqual([]);
    expect(columns).toEqual({
      InvoiceNo: 'orderNumber', StockCode: 'sku', Description: 'description', Quantity: 'quantity',
      InvoiceDate: 'orderedAt', UnitPrice: 'unitPrice', CustomerID: 'accountExternalId', Country: 'country',
    });
    expect(matchHeaders([...headers, 'OriginalInvoiceNo'], TARGET_FIELDS['order-lines']).columns.OriginalInvoiceNo).toBe('cancelsOrderNumber');
  });

  it('keeps an order line\'s place that is no country as text, and takes unit prices to four decimals', () => {
    const [country] = TARGET_FIELDS['order-lines'].filter((f) => f.field === 'country');
    expect(parseCell(country!, 'Czech Republic', options)).toEqual({ ok: true, value: { country: 'CZ' } });
    expect(parseCell(country!, 'Channel Islands', options)).toEqual({ ok: true, value: { region: 'Channel Islands' } });
    expect(parseCell(country!, 'Unspecified', options)).toEqual({ ok: true, value: {} });
    const [price] = TARGET_FIELDS['order-lines'].filter((f) => f.field === 'unitPrice');
    expect(parseCell(price!, '0.001', options)).toEqual({ ok: true, value: '0.001' });
    expect(parseCell(price!, '0.00015', options)).toEqual({ ok: false, reason: 'has more than four decimals' });
  });

  it('reads "Nom" as the company for accounts and the surname for contacts', () => {
    expect(matchHeaders(['Nom'], TARGET_FIELDS.accounts).columns).toEqual({ Nom: 'name' });
    expect(matchHeaders(['Nom', 'Prénom', 'Courriel', 'Téléphone'], TARGET_FIELDS.contacts).columns)
      .toEqual({ Nom: 'lastName', Prénom: 'firstName', Courriel: 'email', Téléphone: 'phone' });
  });

  it('maps a Spanish account export', () => {
    const { columns } = matchHeaders(['Código cliente', 'Razón social', 'País', 'Ciudad', 'Correo electrónico', 'Teléfono'], TARGET_FIELDS.accounts);
    expect(Object.values(columns)).toEqual(['externalId', 'name', 'country', 'city', 'email', 'phone']);
  });

  it('parses cells by kind and explains failures', () => {
    const [status] = TARGET_FIELDS.accounts.filter((f) => f.field === 'status');
    expect(parseCell(status!, 'Ancien client', options)).toEqual({ ok: true, value: 'ex_customer' });
    const [email] = TARGET_FIELDS.accounts.filter((f) => f.field === 'email');
    expect(parseCell(email!, 'Ann@Example.COM', options)).toEqual({ ok: true, value: 'ann@example.com' });
    expect(parseCell(email!, 'not-an-email', options)).toEqual({ ok: false, reason: 'is not an email address' });
    expect(parseCell(email!, '   ', options)).toBeUndefined();
    const [name] = TARGET_FIELDS.accounts.filter((f) => f.field === 'name');
    expect(parseCell(name!, 'x'.repeat(201), options)).toEqual({ ok: false, reason: 'is longer than 200 characters' });
  });

  it('drops the apostrophe an export puts before a formula character, and only that one', () => {
    const [name] = TARGET_FIELDS.accounts.filter((f) => f.field === 'name');
    expect(parseCell(name!, '\'=HYPERLINK("http://x")', options)).toEqual({ ok: true, value: '=HYPERLINK("http://x")' });
    expect(parseCell(name!, "''=quoted", options)).toEqual({ ok: true, value: "'=quoted" });
    expect(parseCell(name!, "'Tis the season", options)).toEqual({ ok: true, value: "'Tis the season" });
    const [phone] = TARGET_FIELDS.accounts.filter((f) => f.field === 'phone');
    expect(parseCell(phone!, "'+33 1 23 45 67 89", options)).toEqual({ ok: true, value: '+33 1 23 45 67 89' });
  });

  it('reads the custom fields column of an account export as JSON', () => {
    const [custom] = TARGET_FIELDS.accounts.filter((f) => f.field === 'customFields');
    expect(parseCell(custom!, '{"employees":12}', options)).toEqual({ ok: true, value: { employees: 12 } });
    expect(parseCell(custom!, 'twelve', options)).toEqual({ ok: false, reason: 'is not JSON, like {"source": "fair"}' });
  });
});
