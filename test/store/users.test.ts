import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';
import { addUser } from '../support/store-records.js';

describe.each(ENGINES)('users, sessions and API tokens store on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  it('inserts a user, finds them by email whatever its case, and counts users', async () => {
    const before = await store.users.count();
    const user = await store.users.insert({ email: 'Mixed.Case@Example.com', name: 'Mixed', role: 'manager', passwordHash: 'scrypt$x' });
    expect(user).toMatchObject({ email: 'Mixed.Case@Example.com', role: 'manager', active: true, passwordHash: 'scrypt$x' });
    expect((await store.users.getByEmail('mixed.case@example.COM'))?.id).toBe(user.id);
    expect(await store.users.get(user.id)).toEqual(user);
    expect(await store.users.count()).toBe(before + 1);
    expect((await store.users.list()).map((u) => u.id)).toContain(user.id);
  });

  it('refuses a second user whose email differs only in case', async () => {
    await store.users.insert({ email: 'unique@example.com', name: 'One', role: 'rep', passwordHash: 'h' });
    await expect(store.users.insert({ email: 'UNIQUE@example.com', name: 'Two', role: 'rep', passwordHash: 'h' })).rejects.toMatchObject({ code: '23505' });
  });

  it('changes name, role, state and password hash, leaving the rest alone', async () => {
    const user = await addUser(store, 'rep');
    const updated = await store.users.update(user.id, { role: 'manager', active: false });
    expect(updated).toMatchObject({ id: user.id, name: user.name, email: user.email, role: 'manager', active: false, passwordHash: user.passwordHash });
    expect((await store.users.update(user.id, { passwordHash: 'scrypt$new' }))?.passwordHash).toBe('scrypt$new');
    expect(await store.users.update(987_654_321, { name: 'Nobody' })).toBeUndefined();
  });

  it('answers a session until it expires or is deleted', async () => {
    const user = await addUser(store);
    const now = new Date('2030-01-01T00:00:00Z');
    await store.sessions.insert('live-session', user.id, new Date('2030-01-02T00:00:00Z'));
    await store.sessions.insert('old-session', user.id, new Date('2029-12-31T23:59:59Z'));
    expect(await store.sessions.userIdFor('live-session', now)).toBe(user.id);
    expect(await store.sessions.userIdFor('old-session', now)).toBeUndefined();
    expect(await store.sessions.userIdFor('never-made', now)).toBeUndefined();
    await store.sessions.deleteExpired(now);
    const left = await store.connection.db.selectFrom('sessions').select('token_hash').where('user_id', '=', user.id).execute();
    expect(left).toEqual([{ token_hash: 'live-session' }]);
    await store.sessions.delete('live-session');
    expect(await store.sessions.userIdFor('live-session', now)).toBeUndefined();
  });

  it('resolves an API token to its user, notes its last use, and stops after revocation', async () => {
    const user = await addUser(store);
    const other = await addUser(store);
    const token = await store.apiTokens.insert(user.id, 'script', 'token-hash-1', 'clt_abcdef');
    expect(token).toMatchObject({ userId: user.id, name: 'script', prefix: 'clt_abcdef', lastUsedAt: null });
    expect(token).not.toHaveProperty('tokenHash');
    const usedAt = new Date('2030-05-05T05:05:05.000Z');
    expect(await store.apiTokens.userIdFor('token-hash-1', usedAt)).toBe(user.id);
    expect(await store.apiTokens.listFor(user.id)).toEqual([{ ...token, lastUsedAt: usedAt.toISOString() }]);
    expect(await store.apiTokens.revoke(other.id, token.id)).toBe(false);
    expect(await store.apiTokens.revoke(user.id, token.id)).toBe(true);
    expect(await store.apiTokens.revoke(user.id, token.id)).toBe(false);
    expect(await store.apiTokens.userIdFor('token-hash-1', usedAt)).toBeUndefined();
    expect(await store.apiTokens.listFor(user.id)).toEqual([]);
  });
});
