import { describe, expect, it } from 'vitest';
import { comparablePhone } from './comparable-phone.js';

describe('comparablePhone', () => {
  it('writes a number of the account\'s own country as it is dialled there', () => {
    expect(comparablePhone('+33 1 23 45 67 89', 'FR')).toBe('0123456789');
    expect(comparablePhone('0033 (0)1 23 45 67 89', 'FR')).toBe('0123456789');
    expect(comparablePhone('01.23.45.67.89', 'FR')).toBe('0123456789');
    expect(comparablePhone('+44 (0)20 7946 0000', 'GB')).toBe('02079460000');
    expect(comparablePhone('+49 30 1234567', 'DE')).toBe('0301234567');
  });

  it('keeps the leading zero Italian numbers dial from abroad and the trunk prefixes that are not 0', () => {
    expect(comparablePhone('+39 02 1234 5678', 'IT')).toBe('0212345678');
    expect(comparablePhone('02 1234 5678', 'IT')).toBe('0212345678');
    expect(comparablePhone('+34 912 345 678', 'ES')).toBe('912345678');
    expect(comparablePhone('+7 495 123 45 67', 'RU')).toBe('84951234567');
  });

  it('drops the North American trunk 1 written before ten digits', () => {
    expect(comparablePhone('+1 (212) 555-0100', 'US')).toBe('2125550100');
    expect(comparablePhone('1-212-555-0100', 'US')).toBe('2125550100');
    expect(comparablePhone('212.555.0100', 'US')).toBe('2125550100');
  });

  it('keeps the international form of a number from another country or of an account without one', () => {
    expect(comparablePhone('+49 30 1234567', 'FR')).toBe('+49301234567');
    expect(comparablePhone('+33 1 23 45 67 89', null)).toBe('+33123456789');
    expect(comparablePhone('01 23 45 67 89', null)).toBe('0123456789');
  });

  it('has nothing to compare for missing, short or placeholder numbers', () => {
    expect(comparablePhone(null, 'FR')).toBeUndefined();
    expect(comparablePhone('', 'FR')).toBeUndefined();
    expect(comparablePhone('123', 'FR')).toBeUndefined();
    expect(comparablePhone('00 00 00 00 00', 'FR')).toBeUndefined();
    expect(comparablePhone('01 11 11 11 11', 'FR')).toBeUndefined();
  });
});
