// PGlite's data directory may be opened by one process only: two writers would corrupt it.
// A lock file inside the directory names the holder so a second process can say who it is.
import { linkSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClienteleError } from '../domain/errors.js';

export interface LockHolder {
  pid: number;
  command: string;
  since: string;
}

const LOCK_NAME = 'clientele.lock';

/**
 * Lock files this process holds. A lock naming our own pid is ours only if it is listed here;
 * otherwise a previous process had the same pid (a restarted container) and left it stale.
 */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/** Takes the data directory's lock or throws a `locked` error naming the process that holds it. */
export function lockDataDir(dataDir: string, command: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(realpathSync(dataDir), LOCK_NAME);
  const holder: LockHolder = { pid: process.pid, command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // Written aside and linked into place, so the lock never exists half-written: a second
      // process reading it in between would take an empty lock for a stale one.
      const draft = `${path}.${process.pid}`;
      writeFileSync(draft, JSON.stringify(holder));
      try {
        linkSync(draft, path);
      } finally {
        rmSync(draft, { force: true });
      }
      heldHere.add(path);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(path);
        if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readHolder(path);
      const ours = current?.pid === process.pid;
      if (current && ((ours && heldHere.has(path)) || (!ours && isAlive(current.pid)))) {
        throw new ClienteleError('locked',
          `The data directory ${dataDir} is in use by "${current.command}" (pid ${current.pid}, since ${current.since}). ` +
          'Stop that process first, or run Clientele on a PostgreSQL server (DATABASE_URL) so several processes can share it.');
      }
      // The holder died without cleaning up: the lock is stale.
      rmSync(path, { force: true });
    }
  }
  throw new ClienteleError('locked', `Could not lock the data directory ${dataDir}.`);
}
