import { describe, expect, it } from 'vitest';
import { dayFromNumber, dayNumber, daysBefore, daysBetween, utcDay } from './calendar.js';

describe('calendar', () => {
  it('takes the UTC day of a timestamp, whatever its offset', () => {
    expect(utcDay('2026-01-31')).toBe('2026-01-31');
    expect(utcDay('2026-01-31T23:30:00Z')).toBe('2026-01-31');
    expect(utcDay('2026-01-31T23:30:00-05:00')).toBe('2026-02-01');
  });

  it('rejects text that is not a date', () => {
    expect(() => utcDay('yesterday')).toThrow(/not a date/);
    expect(() => utcDay('2026-13-01')).toThrow(/not a date/);
  });

  it('counts days across a leap day and steps back by whole days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('1997-06-30', '1998-06-30')).toBe(365);
    expect(daysBefore('1998-06-30', 365)).toBe('1997-06-30');
  });
});

describe('day numbers', () => {
  it('agree with the JavaScript calendar on every day around the century and leap years', () => {
    let mismatches = 0;
    let checked = 0;
    // 1900 and 2100 are not leap years, 2000 is.
    for (const [from, to] of [[1899, 1901], [1969, 1971], [1995, 2005], [2023, 2029], [2099, 2101]] as const) {
      for (let n = Date.UTC(from, 0, 1) / 86_400_000; n <= Date.UTC(to, 11, 31) / 86_400_000; n++) {
        const day = new Date(n * 86_400_000).toISOString().slice(0, 10);
        if (dayNumber(day) !== n || dayFromNumber(n) !== day) mismatches++;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8_000);
    expect(mismatches).toBe(0);
  });

  it('rejects days that do not exist', () => {
    expect(() => dayNumber('2025-02-29')).toThrow(/not a day/);
    expect(dayNumber('2024-02-29') - dayNumber('2024-02-28')).toBe(1);
  });
});
