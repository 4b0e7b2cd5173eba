import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { ClienteleError } from '../../src/domain/errors.js';
import { type Connection, openPglite } from '../../src/store/connection.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/hold-data-dir.ts', import.meta.url));
const LOCK_FILE = 'clientele.lock';

function runFixture(mode: 'hold' | 'try', dataDir: string): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', FIXTURE, mode, dataDir], { stdio: 'pipe' });
}

async function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const [line] = await Promise.race([
    once(lines, 'line') as Promise<[string]>,
    once(child, 'exit').then(([code]) => { throw new Error(`fixture exited with ${code} before printing: ${stderr.join('')}`); }),
  ]);
  return line;
}

async function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | string | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode ?? child.signalCode;
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  return code ?? signal;
}

async function marks(connection: Connection): Promise<string[]> {
  const { rows } = await sql<{ note: string }>`select note from marks order by note`.execute(connection.db);
  return rows.map((r) => r.note);
}

describe('the embedded data directory lock', () => {
  let root: string;
  // Creating a data directory runs initdb for seconds; each case starts from a copy of one.
  const freshDataDir = (name: string) => {
    const dataDir = join(root, name);
    cpSync(join(root, 'initialised'), dataDir, { recursive: true });
    return dataDir;
  };
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'clientele-lock-'));
    await (await openPglite({ dataDir: join(root, 'initialised') })).close();
  });
  afterAll(() => { rmSync(root, { recursive: true, force: true }); });

  it('refuses a second open in the same process, naming the holder, and opens with the data kept once the first closes', async () => {
    const dataDir = freshDataDir('same-process');
    const first = await openPglite({ dataDir, holder: 'clientele serve' });
    await sql`create table marks (note text not null)`.execute(first.db);
    await sql`insert into marks (note) values ('before the second open')`.execute(first.db);

    const second = openPglite({ dataDir, holder: 'clientele import' });
    await expect(second).rejects.toBeInstanceOf(ClienteleError);
    await expect(second).rejects.toMatchObject({ code: 'locked' });
    await expect(second).rejects.toThrow(`"clientele serve" (pid ${process.pid}`);
    // The refused open left the holder's lock and data alone.
    expect(await marks(first)).toEqual(['before the second open']);
    await first.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

    const reopened = await openPglite({ dataDir });
    try {
      expect(await marks(reopened)).toEqual(['before the second open']);
    } finally {
      await reopened.close();
    }
  });

  it('takes over a lock file left behind by a process that is no longer running', async () => {
    const dataDir = freshDataDir('stale');
    const dead = spawn(process.execPath, ['-e', '']);
    await once(dead, 'exit');
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: dead.pid, command: 'clientele serve', since: '2024-01-01T00:00:00.000Z' }));

    const connection = await openPglite({ dataDir, holder: 'the new holder' });
    try {
      expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, command: 'the new holder' });
    } finally {
      await connection.close();
    }
  });

  it('refuses a directory another process holds, naming that process, and opens it with its data once that process stops', async () => {
    const dataDir = freshDataDir('other-process');
    const holder = runFixture('hold', dataDir);
    try {
      expect(await firstLine(holder)).toBe('ready');
      const attempt = openPglite({ dataDir });
      await expect(attempt).rejects.toMatchObject({ code: 'locked' });
      await expect(attempt).rejects.toThrow(`"hold-data-dir fixture (hold)" (pid ${holder.pid}`);
      holder.stdin.write('done\n');
      expect(await exitCode(holder)).toBe(0);
    } finally {
      holder.kill('SIGKILL');
    }
    const connection = await openPglite({ dataDir });
    try {
      expect(await marks(connection)).toEqual([`written by pid ${holder.pid}`]);
    } finally {
      await connection.close();
    }
  });

  it('makes another process wait while this one holds the directory', async () => {
    const dataDir = freshDataDir('held-here');
    const connection = await openPglite({ dataDir, holder: 'the test runner' });
    try {
      const refused = runFixture('try', dataDir);
      const answer = JSON.parse(await firstLine(refused));
      expect(answer).toMatchObject({ opened: false, code: 'locked' });
      expect(answer.message).toContain(`"the test runner" (pid ${process.pid}`);
      expect(await exitCode(refused)).toBe(2);
    } finally {
      await connection.close();
    }
    const allowed = runFixture('try', dataDir);
    expect(JSON.parse(await firstLine(allowed))).toEqual({ opened: true });
    expect(await exitCode(allowed)).toBe(0);
  });

  it('takes over from a holder killed without closing and still finds what it committed', async () => {
    const dataDir = freshDataDir('killed');
    const holder = runFixture('hold', dataDir);
    expect(await firstLine(holder)).toBe('ready');
    holder.kill('SIGKILL');
    expect(await exitCode(holder)).toBe('SIGKILL');
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
    const connection = await openPglite({ dataDir });
    try {
      expect(await marks(connection)).toEqual([`written by pid ${holder.pid}`]);
    } finally {
      await connection.close();
    }
  });
});
