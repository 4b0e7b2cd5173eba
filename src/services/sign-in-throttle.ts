// Slows down password guessing on two counters: failures for the same email from the same
// address, and failures from the same address whatever the email (someone trying one password
// on many accounts). Past the free attempts of a counter, each further attempt must wait, twice
// as long every time, up to fifteen minutes. A successful sign-in clears the email's counter
// only: the address keeps its record of guesses at other emails.
export interface ThrottleDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

export interface ThrottleLimits {
  /** Failures for one email from one address before waits begin. */
  perEmail: number;
  /** Failures from one address, over all emails, before waits begin. */
  perAddress: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = { perEmail: 5, perAddress: 20 };
const MAX_WAIT_MS = 15 * 60 * 1000;
const FORGET_AFTER_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 100_000;

interface Entry {
  failures: number;
  lastFailure: number;
}

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now, private readonly limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS) {}

  private emailKey(email: string, address: string) {
    return `${email.toLowerCase()}|${address}`;
  }

  private addressKey(address: string) {
    return `|${address}`;
  }

  private remaining(key: string, free: number): number {
    const entry = this.entries.get(key);
    if (!entry || entry.failures < free) return 0;
    const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** (entry.failures - free));
    return entry.lastFailure + wait - this.now();
  }

  check(email: string, address: string): ThrottleDecision {
    const remaining = Math.max(
      this.remaining(this.emailKey(email, address), this.limits.perEmail),
      this.remaining(this.addressKey(address), this.limits.perAddress),
    );
    return remaining > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(remaining / 1000) } : { allowed: true, retryAfterSeconds: 0 };
  }

  fail(email: string, address: string): void {
    this.count(this.emailKey(email, address));
    this.count(this.addressKey(address));
  }

  private count(key: string): void {
    const now = this.now();
    const entry = this.entries.get(key);
    const fresh = !entry || now - entry.lastFailure > FORGET_AFTER_MS;
    this.entries.delete(key);
    this.entries.set(key, { failures: fresh ? 1 : entry.failures + 1, lastFailure: now });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }

  succeed(email: string, address: string): void {
    this.entries.delete(this.emailKey(email, address));
  }
}
