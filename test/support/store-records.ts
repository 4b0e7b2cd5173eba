// The few records the store suites hang their cases on: users to own things, accounts to hold
// contacts, orders, interactions and tasks. Written through the repositories under test.
import type { Role } from '../../src/domain/customer-file.js';
import type { AccountCreate } from '../../src/domain/schemas/account.js';
import type { Store } from '../../src/store/store.js';

let counter = 0;
const next = () => `${process.pid}-${++counter}`;

export async function addUser(store: Store, role: Role = 'rep', email = `user-${next()}@example.com`) {
  // The store keeps whatever hash it is given; hashing is the auth service's concern.
  return store.users.insert({ email, name: email.split('@')[0]!, role, passwordHash: 'scrypt$test$hash' });
}

export async function addAccount(store: Store, input: Partial<AccountCreate> = {}) {
  return store.accounts.insert({ name: `Account ${next()}`, ...input });
}

export const uniqueNumber = (prefix = 'SO') => `${prefix}-${next()}`;

/** A confirmed web order of one item, stored as it is (no service around it). */
export const addOrder = (store: Store, accountId: number, orderedAt: string, totalCents: number) =>
  store.orders.insert({ accountId, number: uniqueNumber(), orderedAt: new Date(orderedAt), channel: 'web', status: 'confirmed', totalCents, itemCount: 1 });
