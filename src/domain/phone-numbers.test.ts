import { describe, expect, it } from 'vitest';
import { nationalDigits, phoneDigitsOfQuery } from './phone-numbers.js';

describe('phone numbers', () => {
  it.each([
    ['+33 6 12 34 56 78', '0612345678'],
    ['0033 6 12 34 56 78', '0612345678'],
    ['+49 (30) 1234567', '0301234567'],
    ['+1 212-555-0100', '02125550100'],
    ['+7 495 123 45 67', '04951234567'],
    ['+351 21 123 4567', '0211234567'],
    ['+352 12 34 56', '0123456'],
  ])('writes %s in national form as %s', (phone, national) => {
    expect(nationalDigits(phone)).toBe(national);
  });

  it('leaves numbers without an international prefix alone', () => {
    expect(nationalDigits('01 23 45 67 89')).toBeUndefined();
    expect(nationalDigits('+33')).toBeUndefined();
  });

  it('takes the digits of a search that looks like a phone number only', () => {
    expect(phoneDigitsOfQuery('06 12-34')).toBe('061234');
    expect(phoneDigitsOfQuery('+33 (6) 12.34')).toBe('3361234');
    expect(phoneDigitsOfQuery('12')).toBeUndefined();
    expect(phoneDigitsOfQuery('acme 123')).toBeUndefined();
  });
});
