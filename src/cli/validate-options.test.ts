import { describe, expect, it } from 'vitest';
import { ClienteleError } from '../domain/errors.js';
import { AccountCreateSchema, AccountListQuerySchema } from '../domain/schemas/account.js';
import { validateOptions } from './validate-options.js';

const failure = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof ClienteleError) return { code: error.code, message: error.message, field: error.field };
    throw error;
  }
  throw new Error('expected a failure');
};

describe('validateOptions', () => {
  it('returns the value when the schema accepts it', () => {
    expect(validateOptions(AccountCreateSchema, { name: 'Acme', country: 'FR', tags: ['vip'] })).toEqual({ name: 'Acme', country: 'FR', tags: ['vip'] });
  });

  it('names the option and the value, in the words of the schema, for a long list of allowed values', () => {
    expect(failure(() => validateOptions(AccountCreateSchema, { name: 'Acme', country: 'XX' }))).toEqual({
      code: 'bad_request', field: 'country', message: '--country must be an ISO 3166-1 alpha-2 country code, not "XX".',
    });
  });

  it('lists a short set of allowed values and spells camelCase fields as options', () => {
    expect(failure(() => validateOptions(AccountCreateSchema, { name: 'Acme', relationshipType: 'friend' })).message)
      .toBe('--relationship-type must be one of direct, national_account, distributor, reseller, partner, other, not "friend".');
  });

  it('uses the option that sets a field when its name differs', () => {
    expect(failure(() => validateOptions(AccountListQuerySchema, { ownerId: 0 }, { ownerId: '--owner-email' })).message)
      .toMatch(/^--owner-email /);
  });

  it('says which required option is missing and which given one is not known', () => {
    expect(failure(() => validateOptions(AccountCreateSchema, {})).message).toBe('--name is required.');
    expect(failure(() => validateOptions(AccountCreateSchema, { name: 'Acme', colour: 'red' })).message).toBe('--colour is not an option here.');
  });

  it('explains formats and lengths', () => {
    expect(failure(() => validateOptions(AccountCreateSchema, { name: 'Acme', email: 'nope' })).message).toBe('--email must be a valid email, not "nope".');
    expect(failure(() => validateOptions(AccountListQuerySchema, { limit: 'many' })).message).toBe('--limit must be a whole number, not "many".');
    expect(failure(() => validateOptions(AccountCreateSchema, { name: 'x'.repeat(201) })).message).toMatch(/^--name must be at most 200 characters/);
  });
});
