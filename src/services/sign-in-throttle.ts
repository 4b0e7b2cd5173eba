// Slows down password guessing: after a few failures for the same email from the same address,
// each further attempt must wait, twice as long every time, up to fifteen minutes.
export interface ThrottleDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

const FREE_ATTEMPTS = 5;
const MAX_WAIT_MS = 15 * 60 * 1000;
const FORGET_AFTER_MS = 60 * 60 * 1000;

interface Entry {
  failures: number;
  lastFailure: number;
}

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  private key(email: string, address: string) {
    return `${email.toLowerCase()}|${address}`;
  }

  check(email: string, address: string): ThrottleDecision {
    const entry = this.entries.get(this.key(email, address));
    if (!entry || entry.failures < FREE_ATTEMPTS) return { allowed: true, retryAfterSeconds: 0 };
    const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** (entry.failures - FREE_ATTEMPTS));
    const remaining = entry.lastFailure + wait - this.now();
    return remaining > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(remaining / 1000) } : { allowed: true, retryAfterSeconds: 0 };
  }

  fail(email: string, address: string): void {
    const key = this.key(email, address);
    const now = this.now();
    const entry = this.entries.get(key);
    const fresh = !entry || now - entry.lastFailure > FORGET_AFTER_MS;
    this.entries.set(key, { failures: fresh ? 1 : entry.failures + 1, lastFailure: now });
    if (this.entries.size > 100_000) this.entries.delete(this.entries.keys().next().value as string);
  }

  succeed(email: string, address: string): void {
    this.entries.delete(this.key(email, address));
  }
}
