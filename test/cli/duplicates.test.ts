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
  const ids = { kept: 0, merged: 0, other: 0, gmbh: 0, ag: 0 };
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
      ids.gmbh = (await store.accounts.insert({ name: 'Orbit Logistik GmbH', city: 'Kiel', country: 'DE' })).id;
      ids.ag = (await store.accounts.insert({ name: 'Orbit Logistik AG', city: 'Kiel', country: 'DE' })).id;
      await store.orders.insert({ accountId: ids.merged, number: 'SO-1', orderedAt: new Date('2024-01-05T00:00:00Z'), channel: 'web', status: 'invoiced', totalCents: 4200, itemCount: 1 });
    });
  });
  afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

  it('lists the pair as JSON with its score and reasons, then merges it and says what moved', async () => {
    const env = cliEnv(dataDir);
    const listed = await runCli(['duplicates', '--kind', 'account', '--format', 'json'], env);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(listed.stdout)).toMatchObject({
      pairs: { account: 2 },
      items: [{
        kind: 'account', a: { id: ids.kept, name: 'Acme' }, b: { id: ids.merged, name: 'ACME SARL' }, score: 80,
        reasons: ["names alike: 'Acme' ≈ 'ACME SARL' after removing 'SARL'", 'same city Lyon'],
      }, { a: { id: ids.gmbh }, b: { id: ids.ag } }],
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

  it('marks a pair as not a duplicate for good, lists the decision, and takes it back', { timeout: 480_000 }, async () => {
    const env = cliEnv(dataDir);
    const pairLine = new RegExp(`account\\s+${ids.gmbh} Orbit Logistik GmbH\\s+${ids.ag} Orbit Logistik AG`);
    const dismissed = await runCli(['dismiss', String(ids.ag), String(ids.gmbh)], env);
    expect(dismissed).toMatchObject({ code: 0, stderr: '' });
    expect(dismissed.stdout).toContain(`Accounts ${ids.gmbh} and ${ids.ag} are marked as not a duplicate`);
    const after = await runCli(['duplicates', '--kind', 'account'], env);
    expect(after.stdout).not.toMatch(pairLine);
    expect(after.stdout).toContain('1 pair marked as not duplicates left out');
    const decisions = await runCli(['duplicates', '--dismissed'], env);
    expect(decisions.stdout).toMatch(new RegExp(`account\\s+${ids.gmbh}\\s+${ids.ag}\\s+\\d{4}-\\d{2}-\\d{2}`));

    const undone = await runCli(['dismiss', String(ids.gmbh), String(ids.ag), '--undo'], env);
    expect(undone).toMatchObject({ code: 0, stderr: '' });
    expect((await runCli(['duplicates', '--kind', 'account'], env)).stdout).toMatch(pairLine);
    const self = await runCli(['dismiss', String(ids.gmbh), String(ids.gmbh)], env);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('same record twice');
  });
});
