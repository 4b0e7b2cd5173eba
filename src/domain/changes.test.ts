import { describe, expect, it } from 'vitest';
import { changedFields } from './changes.js';

describe('changed fields', () => {
  it('lists only the fields whose value differs, with before and after', () => {
    expect(changedFields({ a: 1, b: 'x', c: [1] }, { a: 1, b: 'y', c: [1, 2] })).toEqual({ b: ['x', 'y'], c: [[1], [1, 2]] });
  });

  it('treats a creation as every field going from null to its value', () => {
    expect(changedFields(undefined, { name: 'ACME' })).toEqual({ name: [null, 'ACME'] });
  });

  it('leaves out ignored fields such as timestamps', () => {
    expect(changedFields({ updatedAt: '1' }, { updatedAt: '2' }, ['updatedAt'])).toEqual({});
  });
});
