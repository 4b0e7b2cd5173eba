// Takes the README's screenshots (docs/screenshots/) from the demo portfolio, analysed, in
// headless Chromium: `npx tsx web/scripts/readme-screenshots.ts`. Builds the app when stale.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildApp } from '../../src/api/app.js';
import { WEB_DIST } from '../../src/api/web-app.js';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { runAnalysis } from '../../src/services/analysis/run-analysis.js';
import { loadDemoPortfolio } from '../../src/services/demo/load-demo-portfolio.js';
import { openPglite } from '../../src/store/connection.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createStore } from '../../src/store/store.js';
import { launchBrowser, signIn } from '../../test/support/browser.js';
import { ensureWebBuilt, WEB_ROOT } from './web-build.js';

const OUT = join(WEB_ROOT, '..', 'docs', 'screenshots');
const PASSWORD = 'screenshots password';

await ensureWebBuilt((line) => process.stdout.write(`${line}\n`));
const connection = await openPglite();
await migrateToLatest(connection.db);
const store = createStore(connection);
const demo = await loadDemoPortfolio({ store, actor: SYSTEM_ACTOR }, { seed: 42, endDate: '2026-01-01T00:00:00.000Z', userPassword: PASSWORD });
await runAnalysis({ store, actor: SYSTEM_ACTOR }, { asOf: '2025-07-01', kind: 'snapshot' });
await runAnalysis({ store, actor: SYSTEM_ACTOR }, { asOf: '2026-01-01', kind: 'run' });
const app = await buildApp({ store, logger: false, webRoot: WEB_DIST });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await launchBrowser();
try {
  await mkdir(OUT, { recursive: true });
  const { page } = await browser.open({ width: 1200, height: 820 });
  await signIn(page, base, demo.userEmails.manager, PASSWORD, '/');
  await page.waitForFunction(() => document.querySelector('.headline') && [...document.querySelectorAll<HTMLElement>('.chart')].every((c) => c.dataset.drawn === 'true'));
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(OUT, 'dashboard.png') });

  await page.goto(`${base}/accounts?status=current&sort=-revenue`);
  await page.locator('[role="row"][data-account-id]').first().waitFor();
  await page.screenshot({ path: join(OUT, 'accounts.png') });

  const first = page.locator('[role="row"][data-account-id] .cell-name a').first();
  await first.click();
  await page.locator('.class-list').waitFor();
  await page.locator('.timeline-entry').first().waitFor();
  await page.screenshot({ path: join(OUT, 'profile.png') });
  process.stdout.write(`Screenshots written to ${OUT}\n`);
} finally {
  await browser.close();
  await app.close();
  await connection.close();
}
