// The dashboard on a team's own history: the CDNOW file imported as it is, analysed first as of
// today (the file ends in 1998, so everyone looks inactive), then, from the notice the
// dashboard shows, as of the file's last order day. The counts must be the raw file's.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCdnow } from '../../src/analytics/clv/testing/cdnow.js';
import { CDNOW_MASTER, cdnowDay, plainClasses, plainCustomers, readCdnowRows } from '../../src/analytics/portfolio/testing/cdnow-plain.js';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { loadMappingFile } from '../../src/import/mapping-file.js';
import { runAnalysis } from '../../src/services/analysis/run-analysis.js';
import { runImport } from '../../src/services/import/run-import.js';
import { launchBrowser, screenshot, signIn, type Browser } from '../support/browser.js';
import { openWebServer, PASSWORD, type WebServer } from '../support/web-server.js';

const MAPPING = join(import.meta.dirname, '../../mappings/cdnow-orders.json');

describe.runIf(hasCdnow)('the dashboard on the imported CDNOW history', () => {
  let server: WebServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([openWebServer({
      load: async (store) => {
        const report = await runImport(store, { target: 'orders', path: CDNOW_MASTER, mapping: await loadMappingFile(MAPPING), actor: SYSTEM_ACTOR });
        if (report.status !== 'committed') throw new Error(`CDNOW import ${report.status}`);
        // Analysed as of today, as a new user's first "Analyse" does.
        await runAnalysis({ store, actor: SYSTEM_ACTOR });
      },
    }), launchBrowser()]);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says the file ends in 1998 and, on one click, shows the counts of the raw file as of its last day', { timeout: 300_000 }, async () => {
    const end = cdnowDay('19980630');
    const expected = [...plainClasses(plainCustomers(readCdnowRows(), end), end).values()];
    const current = expected.filter((c) => c.status === 'current').length;
    const inactive = expected.filter((c) => c.status === 'inactive').length;

    const { page, errors } = await browser.open();
    await signIn(page, server.url, server.admin.email, PASSWORD, '/');
    const notice = page.getByRole('note');
    await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toMatch(/newest order on file is from .*1998/);
    const links = page.getByRole('navigation', { name: 'Open in the list' }).first();
    await expect.poll(() => links.textContent(), { timeout: 30_000 }).toContain(`Inactive (${(23_570).toLocaleString('en-US')})`);
    await screenshot(page, 'dashboard-file-ends');

    await notice.getByRole('button', { name: /Analyse as of/ }).click();
    await expect.poll(() => page.getByRole('note').count(), { timeout: 120_000 }).toBe(0);
    await expect.poll(() => links.textContent(), { timeout: 60_000 }).toContain(`(${current.toLocaleString('en-US')})`);
    const text = (await links.textContent())!;
    expect(text).toContain(`Inactive (${inactive.toLocaleString('en-US')})`);
    expect(text).toMatch(new RegExp(`Current[^(]*\\(${current.toLocaleString('en-US')}\\)`));
    expect(errors).toEqual([]);
    await page.close();
  });
});
