import { describe, expect, it } from 'vitest';
import { parseBoolean, parseChoice, parseCountry, parseDateText, parseInteger, parseJsonObject, parseList, parseMoneyText } from './values.js';

describe('import values', () => {
  it('understands yes and no in English, French and Spanish', () => {
    for (const yes of ['Yes', 'oui', 'Sí', '1', 'TRUE']) expect(parseBoolean(yes)).toEqual({ ok: true, value: true });
    for (const no of ['no', 'Non', '0', 'false']) expect(parseBoolean(no)).toEqual({ ok: true, value: false });
    expect(parseBoolean('maybe').ok).toBe(false);
  });

  it('reads amounts exactly, with either decimal convention', () => {
    expect(parseMoneyText('1,234.50')).toEqual({ ok: true, value: '1234.50' });
    expect(parseMoneyText('1 234,50', true)).toEqual({ ok: true, value: '1234.50' });
    expect(parseMoneyText('1.234,5', true)).toEqual({ ok: true, value: '1234.5' });
    expect(parseMoneyText('€ 12')).toEqual({ ok: true, value: '12' });
    expect(parseMoneyText('(3.10)')).toEqual({ ok: true, value: '-3.10' });
    expect(parseMoneyText('12.345')).toEqual({ ok: false, reason: 'has more than two decimals' });
    expect(parseMoneyText('twelve').ok).toBe(false);
  });

  it('reads unit prices to four decimals, and no further', () => {
    expect(parseMoneyText('0.001', false, 4)).toEqual({ ok: true, value: '0.001' });
    expect(parseMoneyText('0,4150', true, 4)).toEqual({ ok: true, value: '0.4150' });
    expect(parseMoneyText('0.00001', false, 4)).toEqual({ ok: false, reason: 'has more than four decimals' });
  });

  it('reads country codes and names in several languages', () => {
    expect(parseCountry('fr')).toEqual({ ok: true, value: 'FR' });
    expect(parseCountry('Allemagne')).toEqual({ ok: true, value: 'DE' });
    expect(parseCountry('España')).toEqual({ ok: true, value: 'ES' });
    expect(parseCountry('United Kingdom')).toEqual({ ok: true, value: 'GB' });
    expect(parseCountry('Czech Republic')).toEqual({ ok: true, value: 'CZ' });
    expect(parseCountry('EIRE')).toEqual({ ok: true, value: 'IE' });
    expect(parseCountry('Atlantis').ok).toBe(false);
  });

  it('matches choices by value or synonym, ignoring case and accents', () => {
    const statuses = ['customer', 'prospect', 'ex_customer'] as const;
    expect(parseChoice('Ex-Customer', statuses)).toEqual({ ok: true, value: 'ex_customer' });
    expect(parseChoice('Client', statuses, { client: 'customer' })).toEqual({ ok: true, value: 'customer' });
    expect(parseChoice('vip', statuses)).toEqual({ ok: false, reason: 'is not one of customer, prospect, ex_customer' });
  });

  it('says a date is outside the stored range when its year is', () => {
    expect(parseDateText('0001-01-01', 'iso')).toEqual({ ok: false, reason: 'is not a date in the iso format: dates run from 1900-01-01 to 2999-12-31' });
    expect(parseDateText('31/12/3000', 'dmy')).toEqual({ ok: false, reason: 'is not a date in the dmy format: dates run from 1900-01-01 to 2999-12-31' });
    expect(parseDateText('2024-13-01', 'iso')).toEqual({ ok: false, reason: 'is not a date in the iso format' });
  });

  it('reads whole numbers and lists', () => {
    expect(parseInteger(' 1 200 ')).toEqual({ ok: true, value: 1200 });
    expect(parseInteger('1.5').ok).toBe(false);
    expect(parseList('vip; export,vip')).toEqual({ ok: true, value: ['vip', 'export'] });
  });

  it('reads a JSON object of custom fields with its values typed, and explains anything else', () => {
    expect(parseJsonObject('{"employees": 12, "source": "fair", "nested": {"a": [1]}}')).toEqual({ ok: true, value: { employees: 12, source: 'fair', nested: { a: [1] } } });
    expect(parseJsonObject('[1, 2]')).toEqual({ ok: false, reason: 'is not a JSON object, like {"source": "fair"}' });
    expect(parseJsonObject('{source: fair}')).toEqual({ ok: false, reason: 'is not JSON, like {"source": "fair"}' });
    expect(parseJsonObject(JSON.stringify(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i]))))).toEqual({ ok: false, reason: 'has more than 100 keys' });
  });
});
