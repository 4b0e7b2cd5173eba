// `clientele recommend` runs for real on an embedded store holding a small demo portfolio.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { loadDemoPortfolio } from '../../src/services/demo/load-demo-portfolio.js';
import { openStore } from '../../src/store/open-store.js';
import { cliEnv, runCli } from '../support/cli.js';

describe('clientele recommend on the embedded store', { timeout: 240_000 }, () => {
  let dataDir: string;
  let accountId: number;
  let held: Set<number>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'clientele-recommend-'));
    const store = await openStore({ dataDir }, 'clientele recommend CLI test');
    try {
      await loadDemoPortfolio({ store, actor: SYSTEM_ACTOR }, { accounts: 200, seed: 3, endDate: '2026-01-01T00:00:00.000Z' });
      const { rows } = await sql<{ account_id: number; product_id: number }>`
        select o.account_id, l.product_id from order_lines l join orders o on o.id = l.order_id
         where o.status in ('confirmed', 'shipped', 'invoiced') and l.product_id is not null
           and o.account_id = (select min(account_id) from orders)
         group by o.account_id, l.product_id having sum(l.quantity) > 0`.execute(store.connection.db);
      accountId = Number(rows[0]!.account_id);
      held = new Set(rows.map((r) => Number(r.product_id)));
    } finally {
      await store.connection.close();
    }
  });
  afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

  it('suggests products the account has not bought, as JSON and as a table with the reasons', async () => {
    const json = await runCli(['recommend', 'account', String(accountId), '--limit', '4', '--format', 'json'], cliEnv(dataDir));
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const answer = JSON.parse(json.stdout);
    expect(answer.accountId).toBe(accountId);
    expect(answer.items).toHaveLength(4);
    for (const item of answer.items) {
      expect(held.has(item.productId)).toBe(false);
      expect(item.reason).toMatch(/accounts/);
    }

    const table = await runCli(['recommend', 'account', String(accountId), '--limit', '4'], cliEnv(dataDir));
    expect(table).toMatchObject({ code: 0, stderr: '' });
    expect(table.stdout).toMatch(new RegExp(`^Suggestions for account ${accountId} \\(.+\\), learned from \\d+ buying accounts:\\nPRODUCT +SKU +NAME +CATEGORY\\n`));
    for (const item of answer.items) expect(table.stdout).toContain(`      ${item.reason}\n`);
  });

  it('evaluates the suggestions against the most popular products on a time split', async () => {
    const json = await runCli(['recommend', 'evaluate', '--cutoff', '2025-01-01', '--k', '3', '--format', 'json'], cliEnv(dataDir));
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({ cutoff: '2025-01-01', k: 3 });
    expect(result.accounts).toBeGreaterThan(20);
    expect(result.trainAccounts).toBeGreaterThanOrEqual(result.accounts);
    for (const score of [result.recommender, result.baseline]) {
      // Precision is the hits over k suggestions for each account evaluated, averaged.
      expect(score.precisionAtK).toBeCloseTo(score.hits / (3 * result.accounts), 12);
      expect(score.recallAtK).toBeGreaterThan(0);
      expect(score.recallAtK).toBeLessThanOrEqual(1);
    }

    const table = await runCli(['recommend', 'evaluate', '--cutoff', '2025-01-01', '--k', '3'], cliEnv(dataDir));
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/PRECISION@3 +RECALL@3 +HITS/);
    expect(table.stdout).toContain(`suggestions   ${result.recommender.precisionAtK.toFixed(3)}`);
    expect(table.stdout).toContain(`most popular  ${result.baseline.precisionAtK.toFixed(3)}`);
  });

  it('lists up-sell for a past year and refuses bad options naming them', async () => {
    const upsell = await runCli(['recommend', 'upsell', '--as-of', '2025-12-31', '--limit', '3'], cliEnv(dataDir));
    expect(upsell).toMatchObject({ code: 0, stderr: '' });
    expect(upsell.stdout).toMatch(/^Up-sell from 2025-01-01 to 2025-12-31: \d+ categories well below alike accounts\.\nACCOUNT +NAME +CATEGORY +SPENT +PEER MEDIAN +SHORTFALL\n/);

    const support = await runCli(['recommend', 'rules', '--min-support', '2'], cliEnv(dataDir));
    expect(support).toMatchObject({ code: 2, stdout: '' });
    expect(support.stderr).toBe('clientele: --min-support must be a share from 0 to 1.\n');
    const cutoff = await runCli(['recommend', 'evaluate', '--cutoff', '2025-02-30'], cliEnv(dataDir));
    expect(cutoff).toMatchObject({ code: 2, stderr: 'clientele: --cutoff must be a day written YYYY-MM-DD, from 1900-01-01 to 2999-12-31, not "2025-02-30".\n' });
  });
});
