import { describe, expect, it } from 'vitest';
import { passwordProblem, requireStrongPassword } from './password-policy.js';

const person = { email: 'rita.rep@example.com', name: 'Rita Rep' };

describe('password policy', () => {
  it('refuses ten spaces, a leaked password and the user\'s own email', () => {
    expect(passwordProblem(' '.repeat(10), person)).toMatch(/spaces/);
    expect(passwordProblem('password12', person)).toMatch(/leaked/);
    expect(passwordProblem('rita.rep@example.com', person)).toMatch(/email/);
    expect(passwordProblem('RITA.REP@example.com!', person)).toMatch(/email/);
  });

  it('refuses short passwords and weak ones built on the user\'s own name', () => {
    expect(passwordProblem('Xy7#kq9', person)).toMatch(/at least 10/);
    expect(passwordProblem('ritarep2024', person)).toMatch(/too easy to guess/);
    expect(passwordProblem('aaaaaaaaaaaa', person)).toMatch(/too easy to guess/);
  });

  it('accepts a passphrase of unrelated words', () => {
    expect(passwordProblem('kettle marble orbit', person)).toBeUndefined();
    expect(passwordProblem('a long enough password', person)).toBeUndefined();
  });

  it('throws an invalid error naming the field', () => {
    expect(() => requireStrongPassword('password12', person, 'newPassword')).toThrow(expect.objectContaining({ code: 'invalid', field: 'newPassword' }));
  });
});
