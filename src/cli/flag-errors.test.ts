import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ClienteleError } from '../domain/errors.js';
import { resolveAsOf } from '../services/analysis/run-analysis.js';
import { inFlagTerms, knowFlags } from './flag-errors.js';

const thrownBy = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

describe('errors in the terms of the flags typed', () => {
  knowFlags(new Command('analyze').option('--as-of <date>', 'the day').option('--owner-email <email>', 'the owner'));

  it('names the flag instead of the service field, as a usage error', () => {
    const error = inFlagTerms(thrownBy(() => resolveAsOf('2020-13-45', new Date())));
    expect(error).toBeInstanceOf(ClienteleError);
    expect(error).toMatchObject({ code: 'bad_request', field: 'asOf', message: '--as-of must be a day written YYYY-MM-DD, from 1900-01-01 to 2999-12-31, not "2020-13-45".' });
  });

  it('leaves an error alone when its field is set by no flag of the command', () => {
    const error = new ClienteleError('invalid', 'cutoff must be a date as YYYY-MM-DD, not "x".', 'cutoff');
    expect(inFlagTerms(error)).toBe(error);
  });

  it('leaves an error alone when its message already speaks of something else than the field', () => {
    const error = new ClienteleError('conflict', 'An account already has the owner email a@example.com.', 'ownerEmail');
    expect(inFlagTerms(error)).toBe(error);
  });

  it('leaves errors that are not the product\'s own untouched', () => {
    const error = new Error('asOf exploded');
    expect(inFlagTerms(error)).toBe(error);
  });
});
