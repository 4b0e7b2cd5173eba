// Loads the generated demo portfolio into the store in one transaction. It refuses to mix the
// demo with a real portfolio: the store must hold no accounts or products, unless `reset`
// empties them first.
import { canManageUsers } from '../../domain/access.js';
import { ClienteleError } from '../../domain/errors.js';
import type { LoadCounts, LoadProgress } from '../../store/bulk-load.js';
import { type Context, requireRole } from '../context.js';
import { hashPassword } from '../passwords.js';
import { DEMO_DEFAULTS, generatePortfolio, type PortfolioOptions } from './generate-portfolio.js';

/** A hash no password matches: demo users exist as owners but cannot sign in until given a password. */
export const LOCKED_PASSWORD_HASH = '!locked';

export interface DemoLoadOptions extends PortfolioOptions {
  reset?: boolean;
  /** Password for the demo's users (at least 10 characters); without it they cannot sign in. */
  userPassword?: string;
  onStart?: (totalAccounts: number) => void;
  onProgress?: (progress: LoadProgress) => void;
}

export interface DemoLoadSummary extends LoadCounts {
  window: { start: string; end: string };
  userEmails: { manager: string; reps: string[] };
}

export async function loadDemoPortfolio(ctx: Context, options: DemoLoadOptions = {}): Promise<DemoLoadSummary> {
  requireRole(ctx, canManageUsers, 'load the demo portfolio');
  const portfolio = generatePortfolio(options);
  if (!options.reset) {
    const existing = await ctx.store.bulkPortfolio.count();
    if (existing.accounts > 0 || existing.products > 0) {
      throw new ClienteleError('conflict',
        `The store already holds ${existing.accounts} accounts and ${existing.products} products; the demo portfolio is only loaded into an empty one. ` +
        'Reset replaces them (it deletes every account, contact, order, interaction, task and product): `clientele demo --reset`.', 'reset');
    }
  }
  const passwordHash = options.userPassword ? await hashPassword(options.userPassword) : LOCKED_PASSWORD_HASH;
  options.onStart?.(portfolio.accountCount);
  const counts = await ctx.store.bulkPortfolio.load({
    users: portfolio.users,
    passwordHash,
    products: portfolio.products,
    records: portfolio.records(),
    reset: options.reset,
    // About twenty progress steps, in rounds big enough to keep COPY efficient.
    chunkSize: Math.min(Math.max(Math.ceil(portfolio.accountCount / 20), 100), 1000),
    onProgress: options.onProgress,
  });
  if (options.userPassword) {
    // The team may remain from an earlier load; the password given is for all of it.
    for (const user of portfolio.users) {
      const existing = await ctx.store.users.getByEmail(user.email);
      if (existing) await ctx.store.users.update(existing.id, { passwordHash });
    }
  }
  await ctx.store.audit.record({
    userId: ctx.actor.userId,
    action: options.reset ? 'reset_and_load_demo' : 'load_demo',
    entity: 'portfolio',
    entityId: `seed ${options.seed ?? DEMO_DEFAULTS.seed}`,
    changes: { accounts: [null, counts.accounts], orders: [null, counts.orders], window: [null, `${portfolio.window.start} – ${portfolio.window.end}`] },
  });
  return {
    ...counts,
    window: portfolio.window,
    userEmails: {
      manager: portfolio.users.find((u) => u.role === 'manager')!.email,
      reps: portfolio.users.filter((u) => u.role === 'rep').map((u) => u.email),
    },
  };
}
