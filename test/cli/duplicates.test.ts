// `clientele duplicates` and `clientele merge` run for real on an embedded store seeded here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { cliEnv, runCli } from '../support/cli.js';

describe('clientele duplicates and merge on the embedded store', { timeout: 240_000 }, () => {
  let dataDir: string;
  const ids = { kept: 0, merged: 0, other: 0 };
  const withStore = async <T>(work: (store: Store) => Promise<T>) => {
    const store = await openStore({ dataDir }, 'clientele duplicates CLI test');
    try {
      return await work(store);
    } finally {
      await store.connection.close();
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'clientele-duplicates-'));
    await withStore(async (store) => {
      ids.kept = (await store.accounts.insert({ name: 'Acme', city: 'Lyon', country: 'FR' })).id;
      ids.merged = (await store.accounts.insert({ name: 'ACME SARL', city: 'Lyon', country: 'FR', phone: '+33 4 72 00 00 01' })).id;
      ids.other = (await store.accounts.insert({ name: 'Zenith Bakery' })).id;
      await store.orders.insert({ accountId: ids.merged, number: 'SO-1', orderedAt: new Date('2024-01-05T00:00:00Z'), channel: 'web', status: 'invoiced', totalCents: 4200, itemCount: 1 });
    });
  });
  afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

  it('lists the pair as JSON with its score and reasons, then merges it and says what moved', async () => {
    const env = cliEnv(dataDir);
    const listed = await runCli(['duplicates', '--kind', 'account', '--format', 'json'], env);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(listed.stdout)).toMatchObject({
      pairs: { account: 1 },
      items: [{
        kind: 'account', a: { id: ids.kept, name: 'Acme' }, b: { id: ids.merged, name: 'ACME SARL' }, score: 80,
        reasons: ["names alike: 'Acme' ≈ 'ACME SARL' after removing 'SARL'", 'same city Lyon'],
      }],
    });

    const merged = await runCli(['merge', String(ids.kept), String(ids.merged)], env);
    expect(merged).toMatchObject({ code: 0, stderr: '' });
    expect(merged.stdout).toContain(`Merged account ${ids.merged} into account ${ids.kept} (Acme).`);
    expect(merged.stdout).toMatch(/moved\s+0 contacts, 1 order, 0 interactions, 0 tasks, 0 status changes/);
    expect(merged.stdout).toMatch(/filled\s+Phone/);

    await withStore(async (store) => {
      expect(await store.accounts.get(ids.merged)).toBeUndefined();
      expect((await store.accounts.get(ids.kept))?.phone).toBe('+33 4 72 00 00 01');
      expect(await store.merges.mergedInto('account', ids.merged)).toBe(ids.kept);
      expect(await store.accounts.countOrders(ids.kept)).toBe(1);
      expect(await store.accounts.get(ids.other)).toBeDefined();
    });
  });
});
