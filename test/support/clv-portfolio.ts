// A small portfolio with purchase histories worth fitting: accounts acquired through the first
// half of 2024, buying at their own pace, some of them stopping. Seeded, so every run and both
// engines hold the same orders.
import { seededRandom } from '../../src/analytics/clv/random.js';
import { dayFromNumber, dayNumber } from '../../src/analytics/portfolio/calendar.js';
import type { Store } from '../../src/store/store.js';

export interface SeedOptions {
  accounts?: number;
  seed?: number;
  /** Owners given in turn to the accounts; none by default. */
  owners?: readonly number[];
  /** No order after this day. */
  until?: string;
}

/** Inserts the accounts and their orders; returns the accounts' ids in order. */
export async function seedPurchases(store: Store, options: SeedOptions = {}): Promise<number[]> {
  const { accounts = 40, seed = 7, owners = [], until = '2024-12-31' } = options;
  const random = seededRandom(seed);
  const start = dayNumber('2024-01-01');
  const end = dayNumber(until);
  const ids: number[] = [];
  for (let i = 0; i < accounts; i++) {
    const ownerId = owners.length ? owners[i % owners.length] : undefined;
    const { id } = await store.accounts.insert({ name: `Customer ${String(i + 1).padStart(3, '0')}`, status: 'customer', ...(ownerId && { ownerId }) });
    ids.push(id);
    const rate = random.gamma(1.5, 40);
    const dropout = random.beta(1, 3);
    let day = start + Math.floor(random.uniform() * 180);
    for (let n = 1; day <= end; n++) {
      const totalCents = 2000 + Math.floor(random.uniform() * 18_000);
      await store.orders.insert({
        accountId: id, number: `C${id}-${n}`, orderedAt: new Date(`${dayFromNumber(day)}T10:00:00Z`), channel: 'web', status: 'invoiced', totalCents, itemCount: 1,
      });
      if (n > 1 && random.uniform() < dropout) break;
      day += 1 + Math.floor(random.exponential(rate));
    }
  }
  return ids;
}
