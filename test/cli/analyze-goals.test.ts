// `clientele analyze` reports a rep's goal measured on that rep's accounts, with money as amounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { setPortfolioGoals } from '../../src/services/analysis/portfolio-rules.js';
import { loadDemoPortfolio } from '../../src/services/demo/load-demo-portfolio.js';
import { openStore } from '../../src/store/open-store.js';
import { cliEnv, runCli } from '../support/cli.js';

const AS_OF = '2025-06-01';
const lifetime = { start: '2000-01-01', end: AS_OF };

describe('goals in the report of clientele analyze', { timeout: 240_000 }, () => {
  let dataDir: string;
  let rep: { id: number; name: string };
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'clientele-goals-'));
    const store = await openStore({ dataDir }, 'clientele analyze goals test');
    try {
      const demo = await loadDemoPortfolio({ store, actor: SYSTEM_ACTOR }, { accounts: 60, seed: 4, endDate: `${AS_OF}T00:00:00.000Z` });
      const user = (await store.users.getByEmail(demo.userEmails.reps[0]!))!;
      rep = { id: user.id, name: user.name };
      await setPortfolioGoals({ store, actor: SYSTEM_ACTOR }, [
        { metric: 'revenue', target: '2500', comparator: 'atLeast', period: lifetime, ownerId: rep.id },
        { metric: 'revenue', target: '2500', comparator: 'atLeast', period: lifetime },
      ]);
    } finally {
      await store.connection.close();
    }
  });
  afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

  it('measures a rep\'s revenue goal on the accounts the CSV export gives that rep, and names the rep and the currency', async () => {
    const env = cliEnv(dataDir);
    const csv = await runCli(['analyze', '--as-of', AS_OF, '--format', 'csv'], env);
    expect(csv.code, csv.stderr).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    // Amounts in the CSV are decimal strings; summed in cents so no float rounding enters.
    const cents = (text: string) => Math.round(Number(text) * 100);
    const sumOf = (list: Record<string, string>[]) => list.reduce((n, r) => n + cents(r.revenue!), 0);
    const repRevenue = sumOf(rows.filter((r) => r.owner_id === String(rep.id)));
    const allRevenue = sumOf(rows);
    expect(repRevenue).toBeGreaterThan(0);
    expect(repRevenue).toBeLessThan(allRevenue);

    const report = JSON.parse((await runCli(['analyze', '--as-of', AS_OF, '--format', 'json'], env)).stdout);
    expect(report.currency).toBe('EUR');
    const [mine, whole] = report.goals;
    expect(mine).toMatchObject({ rep: rep.name, goal: { target: '2500.00', ownerId: rep.id }, actual: (repRevenue / 100).toFixed(2) });
    expect(whole).toMatchObject({ rep: null, goal: { ownerId: null }, actual: (allRevenue / 100).toFixed(2) });

    const table = await runCli(['analyze', '--as-of', AS_OF], env);
    expect(table.stdout).toMatch(/amounts in EUR/);
    // The table cuts long sentences; the JSON report above carries the whole description.
    expect(mine.description).toMatch(/against a target of at least 2500\.00/);
    expect(table.stdout).toMatch(new RegExp(`\\nFOR\\s+GOAL\\s+MET\\n${rep.name}\\s+Revenue: ${(repRevenue / 100).toFixed(2)} against\\b`));
  });
});
