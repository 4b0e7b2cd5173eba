import { defineConfig } from 'vitest/config';

// `npm test` runs everything that needs no server and no browser; `npm run test:all` sets
// CLIENTELE_TEST_ALL so the browser suites and the CLI suites join (the CLI ones start real
// processes, two minutes that would push `npm test` past five), and TEST_DATABASE_URL adds PostgreSQL.
const all = process.env.CLIENTELE_TEST_ALL === '1';
// Suites that start and kill processes or load a whole data set (CDNOW, thousands of accounts):
// test:all and CI run them; they would take `npm test` past five minutes on two cores.
const ALL_ONLY = [
  'test/cli/**', 'test/import/interrupted-runs.test.ts', 'test/store/data-dir-lock.test.ts',
  'test/store/hot-query-plans.test.ts', 'test/analysis/recovery-list.test.ts', 'test/import/cdnow-import.test.ts',
];

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts', ...(all ? ['test/**/*.browser.ts'] : [])],
    exclude: ['**/node_modules/**', ...(all ? [] : ALL_ONLY)],
    // Browser runs build the web app first when its build is missing or stale.
    globalSetup: ['test/support/global-setup.ts', ...(all ? ['test/support/web-build-setup.ts', 'test/support/cli-build-setup.ts'] : [])],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Cheaper password hashing keeps the suites quick; production uses the stronger default.
    // One locale whatever the machine's: English conventions with the euro as default currency
    // (docs/currency-and-rates.md), so amounts and dates read the same on every machine.
    env: { CLIENTELE_SCRYPT_LOG_N: '10', CLIENTELE_LOCALE: 'en-IE' },
  },
});
