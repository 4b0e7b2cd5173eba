// The `clientele` command run for real, as child processes sharing one embedded store. Each
// start costs a couple of seconds, so the cases build on each other in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actorFromToken } from '../../src/services/auth.js';
import { openStore } from '../../src/store/open-store.js';
import { cliEnv, runCli, startCli, waitForOutput } from '../support/cli.js';

const PASSWORD = 'a long enough password';

describe('the clientele CLI on the embedded store', { timeout: 240_000 }, () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  const cli = (...args: string[]) => runCli(args, env);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'clientele-cli-'));
    env = cliEnv(dataDir);
  });
  afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

  it('adds users on a fresh store, refuses to wait for a password nobody can type, and lists them', async () => {
    const added = await cli('user', 'add', '--email', 'ana@example.com', '--name', 'Ana Lima', '--role', 'rep', '--password', PASSWORD);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toMatch(/^Added rep ana@example.com \(user \d+\)\.\n$/);

    const noPassword = await cli('user', 'add', '--email', 'bo@example.com', '--name', 'Bo', '--role', 'manager');
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toBe('clientele: No --password given and no terminal to ask for one: pass --password (at least 10 characters).\n');

    const list = await cli('user', 'list');
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+EMAIL\s+NAME\s+ROLE\s+ACTIVE\s+CREATED$/);
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(/ana@example\.com\s+Ana Lima\s+rep\s+yes/);
  });

  it('reports the schema up to date, since every command migrates the store it opens', async () => {
    const migrated = await cli('migrate');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toBe(`The schema of embedded PGlite in ${dataDir} is already up to date.\n`);
  });

  it('prints a new API token alone on stdout, and the token signs in as the user', async () => {
    const created = await cli('token', 'create', '--email', 'ana@example.com', '--name', 'nightly export');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^clt_[\w-]+\n$/);
    expect(created.stderr).toMatch(/shown again/);
    const store = await openStore({ dataDir }, 'clientele CLI test');
    try {
      const ana = await store.users.getByEmail('ana@example.com');
      expect(await actorFromToken(store, created.stdout.trim())).toEqual({ userId: ana!.id, role: 'rep' });
    } finally {
      await store.connection.close();
    }
    const unknown = await cli('token', 'create', '--email', 'nobody@example.com', '--name', 'x');
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toMatch(/^clientele: No user has the email nobody@example.com/);
  });

  it('adds an account, and rejects a bad country with one line naming the option', async () => {
    const added = await cli('account', 'add', '--name', 'Acme SARL', '--country', 'fr', '--city', 'Lyon', '--status', 'customer',
      '--owner-email', 'ana@example.com', '--tags', 'vip,export', '--format', 'json');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ name: 'Acme SARL', country: 'FR', status: 'customer', tags: ['vip', 'export'] });

    const bad = await cli('account', 'add', '--name', 'Nowhere Ltd', '--country', 'XX');
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toBe('clientele: --country must be an ISO 3166-1 alpha-2 country code, not "XX".\n');
  });

  it('lists accounts as JSON and shows one with its contacts and history', async () => {
    const list = await cli('account', 'list', '--status', 'customer', '--format', 'json');
    expect(list.code).toBe(0);
    const page = JSON.parse(list.stdout);
    expect(page.items.map((a: { name: string }) => a.name)).toEqual(['Acme SARL']);
    expect(page.nextCursor).toBeNull();

    const shown = await cli('account', 'show', String(page.items[0].id));
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`Account ${page.items[0].id}: Acme SARL`);
    expect(shown.stdout).toMatch(/Owner\s+ana@example\.com/);
    expect(shown.stdout).toContain('Contacts (0)');
    expect(shown.stdout).toContain('Status set to Customer');
    expect(shown.stdout).not.toMatch(/\bnew\b|→ customer/);
  });

  it('speaks the language asked for with --lang, or the one of the locale', async () => {
    const { items: [acme] } = JSON.parse((await cli('account', 'list', '--status', 'customer', '--format', 'json')).stdout);
    const french = await cli('account', 'show', String(acme.id), '--lang', 'fr');
    expect(french.code).toBe(0);
    expect(french.stdout).toContain(`Compte ${acme.id} : Acme SARL`);
    expect(french.stdout).toMatch(/Statut\s+Client depuis le/);
    expect(french.stdout).toContain('Statut fixé à Client');

    const spanish = await runCli(['account', 'list'], { ...env, LANG: 'es_ES.UTF-8' });
    expect(spanish.stdout).toMatch(/^ID\s+NOMBRE\s+ESTADO\s+PAÍS/);
    expect(spanish.stdout).toMatch(/Acme SARL\s+Cliente\s+FR/);
  });

  it('loads the demo portfolio only into an empty store, or with --reset', async () => {
    const refused = await cli('demo', '--accounts', '200', '--seed', '7');
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(/already holds 1 accounts.*--reset/);

    const loaded = await cli('demo', '--accounts', '200', '--seed', '7', '--end-date', '2026-01-01', '--reset');
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toMatch(/Demo portfolio loaded \(seed 7\): 200 accounts, [\d,]+ orders\./);
    // Not a terminal: progress comes as plain lines on stderr.
    expect(loaded.stderr).toMatch(/Loading the demo portfolio: 200\/200 accounts, [\d,]+ rows/);

    const list = JSON.parse((await cli('account', 'list', '--limit', '500', '--format', 'json')).stdout);
    expect(list.items).toHaveLength(200);
    expect(list.items.every((a: { externalId: string }) => /^DEMO-\d{6}$/.test(a.externalId))).toBe(true);
    expect(new Set(list.items.map((a: { country: string }) => a.country)).size).toBe(8);
  });

  it('pages an account\'s timeline with --limit and --cursor: the pages join into the whole history', async () => {
    const { items: [account] } = JSON.parse((await cli('account', 'list', '--status', 'customer', '--limit', '1', '--format', 'json')).stdout);
    const whole = JSON.parse((await cli('account', 'timeline', String(account.id), '--limit', '200', '--format', 'json')).stdout);
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.length).toBeGreaterThan(3);
    const limit = Math.ceil(whole.items.length / 3);
    const pages: { kind: string; id: number }[][] = [];
    let cursor: string | null = null;
    do {
      const result = await cli('account', 'timeline', String(account.id), '--limit', String(limit), '--format', 'json', ...(cursor ? ['--cursor', cursor] : []));
      expect(result.code).toBe(0);
      const page = JSON.parse(result.stdout);
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
    expect(pages.flat()).toEqual(whole.items);

    const text = await cli('account', 'timeline', String(account.id), '--limit', '2');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^WHEN\s+KIND\s+WHAT\s+DETAIL\n/);
    expect(text.stdout.trim().split('\n').filter((l) => /^\d{4}-\d\d-\d\d/.test(l))).toHaveLength(2);
    expect(text.stdout).toMatch(/\nOlder entries: run again with --cursor [\w-]+\n$/);

    const bad = await cli('account', 'timeline', String(account.id), '--limit', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--limit/);
  });

  it('says who holds the data directory while a server runs on it, and exits non-zero', async () => {
    const server = startCli(['serve'], { ...env, PORT: '0' });
    try {
      await waitForOutput(server, /Clientele is running at http:\/\/127\.0\.0\.1:\d+/);
      const blocked = await cli('account', 'list');
      expect(blocked.code).toBe(9);
      expect(blocked.stderr).toMatch(/^clientele: The data directory .* is in use by "clientele serve" \(pid \d+, since .*\)\. Stop that process first/);
    } finally {
      server.kill('SIGTERM');
      const [code] = (await once(server, 'exit')) as [number | null];
      expect(code).toBe(0);
    }
  });
});
