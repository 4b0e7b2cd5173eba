import { describe, expect, it } from 'vitest';
import { endOfLocalDay, fromLocalInput, toLocalInput } from './local-time';

describe('times typed in the browser', () => {
  it('round-trips a local time through the API\'s UTC timestamps', () => {
    const typed = '2026-03-04T09:30';
    const iso = fromLocalInput(typed)!;
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
    expect(toLocalInput(new Date(iso))).toBe(typed);
  });

  it('treats an empty or broken time as none', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('yesterday')).toBeNull();
    expect(endOfLocalDay('4/3/2026')).toBeNull();
  });

  it('puts a due date at the end of the working day', () => {
    expect(toLocalInput(new Date(endOfLocalDay('2026-03-04')!))).toBe('2026-03-04T18:00');
  });
});
