// `clientele demo`: loads the deterministic demo portfolio, with a progress bar.
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { ClienteleError } from '../../domain/errors.js';
import { createUser, ensureFirstAdmin } from '../../services/auth.js';
import type { Context } from '../../services/context.js';
import { DEMO_DEFAULTS } from '../../services/demo/generate-portfolio.js';
import { type DemoLoadOptions, type DemoLoadSummary, loadDemoPortfolio } from '../../services/demo/load-demo-portfolio.js';
import type { Config } from '../../config.js';
import { print } from '../format-output.js';
import { type Progress, startProgress } from '../progress.js';
import { runCommand, useStore } from '../run-command.js';

const thousands = (n: number) => n.toLocaleString('en-US');

/** Loads the demo with a progress bar on stderr; shared with `serve --demo`. */
export async function loadDemoWithProgress(ctx: Context, options: DemoLoadOptions): Promise<DemoLoadSummary> {
  let progress: Progress | undefined;
  const started = Date.now();
  try {
    const summary = await loadDemoPortfolio(ctx, {
      ...options,
      onStart: (total) => { progress = startProgress('Loading the demo portfolio', total, 'accounts'); },
      onProgress: ({ accounts, rows }) => progress?.update(accounts, rows),
    });
    progress?.stop();
    process.stderr.write(
      `Loaded ${thousands(summary.accounts)} accounts, ${thousands(summary.contacts)} contacts, ${thousands(summary.orders)} orders ` +
      `(${thousands(summary.orderLines)} lines), ${thousands(summary.interactions)} interactions and ${thousands(summary.tasks)} tasks ` +
      `from ${summary.window.start.slice(0, 10)} to ${summary.window.end.slice(0, 10)} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
    return summary;
  } catch (error) {
    progress?.stop();
    throw error;
  }
}

const wholeNumber = (option: string, min: number, max: number) => (text: string): number => {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ClienteleError('bad_request', `${option} must be a whole number from ${thousands(min)} to ${thousands(max)}, not "${text}".`, option.slice(2));
  }
  return value;
};

/** Today at midnight UTC: the demo's history ends now, and reruns on the same day give the same data. */
export function todayUtc(): string {
  const today = new Date();
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())).toISOString();
}

function endDateOf(text: string | undefined): string {
  if (text === undefined) return todayUtc();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw new ClienteleError('bad_request', `--end-date must be a date like 2026-01-31, not "${text}".`, 'end-date');
  }
  return `${text}T00:00:00.000Z`;
}

/** Without a configured admin nobody could sign in to a store that only holds demo users: make one, as the server would. */
async function ensureSomeoneCanSignIn(ctx: Context, config: Config): Promise<{ email: string; password: string } | undefined> {
  if ((await ensureFirstAdmin(ctx.store, config.adminEmail, config.adminPassword)) !== 'missing') return undefined;
  // Only this rare path pays for loading the HTTP stack along with the server's constant.
  const { FIRST_RUN_EMAIL } = await import('../../server.js');
  const password = randomBytes(12).toString('base64url');
  await createUser(ctx.store, { email: FIRST_RUN_EMAIL, name: 'Administrator', role: 'admin', password });
  return { email: FIRST_RUN_EMAIL, password };
}

interface DemoOptions {
  seed: string; accounts: string; years: string; orders?: string; endDate?: string; reset?: boolean; password?: string;
}

export function demoCommand(): Command {
  return new Command('demo')
    .option('--seed <n>', 'random seed: the same seed and end date give the same portfolio', String(DEMO_DEFAULTS.seed))
    .option('--accounts <n>', 'how many accounts', String(DEMO_DEFAULTS.accounts))
    .option('--years <n>', 'years of order history', String(DEMO_DEFAULTS.years))
    .option('--orders <n>', 'total orders to aim for (default: about 10 per account)')
    .option('--end-date <date>', 'the history ends the day before this date (default: today)')
    .option('--reset', 'first delete every account, contact, order, interaction, task and product')
    .option('--password <password>', 'password for the demo users (at least 10 characters); without it they cannot sign in')
    .action((options: DemoOptions) => runCommand(async () => {
      const load: DemoLoadOptions = {
        seed: wholeNumber('--seed', 0, Number.MAX_SAFE_INTEGER)(options.seed),
        accounts: wholeNumber('--accounts', 1, 1_000_000)(options.accounts),
        years: wholeNumber('--years', 1, 30)(options.years),
        orders: options.orders === undefined ? undefined : wholeNumber('--orders', 0, 50_000_000)(options.orders),
        endDate: endDateOf(options.endDate),
        reset: options.reset,
        userPassword: options.password,
      };
      if (options.password !== undefined && options.password.length < 10) {
        throw new ClienteleError('bad_request', '--password must have at least 10 characters.', 'password');
      }
      await useStore('clientele demo', async ({ ctx, config }) => {
        const admin = await ensureSomeoneCanSignIn(ctx, config);
        const summary = await loadDemoWithProgress(ctx, load);
        print(`Demo portfolio loaded (seed ${load.seed}): ${thousands(summary.accounts)} accounts, ${thousands(summary.orders)} orders.`);
        print(`Demo team: manager ${summary.userEmails.manager}; reps ${summary.userEmails.reps.join(', ')}.`);
        print(options.password
          ? 'They sign in with the password you gave.'
          : 'They own accounts but cannot sign in; give one a password from the admin account, or load again with --reset --password.');
        if (admin) print(`Sign in as ${admin.email} with password ${admin.password} (shown once).`);
        print('Start the server with `npm start`.');
      });
    }));
}
