import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';

describe.each(ENGINES)('settings store on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  it('answers nothing for a setting never set', async () => {
    expect(await store.settings.get('never.set')).toBeUndefined();
  });

  it('stores strings, numbers, booleans and objects as JSON and reads them back as they were', async () => {
    const values = { 'a.string': 'own', 'a.number': 12.5, 'a.boolean': false, 'an.object': { weights: [1, 2, 3], label: 'x' } };
    for (const [key, value] of Object.entries(values)) await store.settings.set(key, value);
    for (const [key, value] of Object.entries(values)) expect(await store.settings.get(key)).toEqual(value);
  });

  it('replaces the value of a setting set twice, keeping one row', async () => {
    await store.settings.set('access.test', 'all');
    await store.settings.set('access.test', 'own');
    expect(await store.settings.get('access.test')).toBe('own');
    const rows = await store.connection.db.selectFrom('settings').select('key').where('key', '=', 'access.test').execute();
    expect(rows).toHaveLength(1);
  });
});
