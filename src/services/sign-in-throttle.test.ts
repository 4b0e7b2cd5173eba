import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle.js';

describe('sign-in throttle', () => {
  it('lets five failures through, then makes each further attempt wait longer', () => {
    let now = 0;
    const throttle = new SignInThrottle(() => now);
    for (let i = 0; i < 5; i++) {
      expect(throttle.check('a@x.io', '1.2.3.4').allowed).toBe(true);
      throttle.fail('a@x.io', '1.2.3.4');
    }
    expect(throttle.check('a@x.io', '1.2.3.4')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1000;
    expect(throttle.check('a@x.io', '1.2.3.4').allowed).toBe(true);
    throttle.fail('a@x.io', '1.2.3.4');
    expect(throttle.check('a@x.io', '1.2.3.4').retryAfterSeconds).toBe(2);
  });

  it('keeps addresses and emails apart, ignoring the case of the email', () => {
    const throttle = new SignInThrottle(() => 0);
    for (let i = 0; i < 6; i++) throttle.fail('A@x.io', '1.2.3.4');
    expect(throttle.check('a@X.io', '1.2.3.4').allowed).toBe(false);
    expect(throttle.check('a@x.io', '5.6.7.8').allowed).toBe(true);
    expect(throttle.check('b@x.io', '1.2.3.4').allowed).toBe(true);
  });

  it('forgets the failures after a successful sign-in', () => {
    const throttle = new SignInThrottle(() => 0);
    for (let i = 0; i < 6; i++) throttle.fail('a@x.io', 'h');
    throttle.succeed('a@x.io', 'h');
    expect(throttle.check('a@x.io', 'h').allowed).toBe(true);
  });

  it('holds back one address guessing at many emails, while other addresses still sign in', () => {
    let now = 0;
    const throttle = new SignInThrottle(() => now, { perEmail: 5, perAddress: 20 });
    for (let i = 0; i < 20; i++) {
      expect(throttle.check(`user${i}@x.io`, '6.6.6.6').allowed).toBe(true);
      throttle.fail(`user${i}@x.io`, '6.6.6.6');
    }
    expect(throttle.check('fresh@x.io', '6.6.6.6')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(throttle.check('fresh@x.io', '1.2.3.4').allowed).toBe(true);
    // A success for one email does not wipe the address's record of guesses at the others.
    now += 1000;
    throttle.succeed('user0@x.io', '6.6.6.6');
    throttle.fail('user1@x.io', '6.6.6.6');
    expect(throttle.check('fresh@x.io', '6.6.6.6').retryAfterSeconds).toBe(2);
  });
});
