// PGlite's data directory may be opened by one process only: two writers would corrupt it.
// A lock file inside the directory names the holder so a second process can say who it is.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ClienteleError } from '../domain/errors.js';

export interface LockHolder {
  pid: number;
  command: string;
  since: string;
}

const LOCK_NAME = 'clientele.lock';

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
  const path = join(dataDir, LOCK_NAME);
  const holder: LockHolder = { pid: process.pid, command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readHolder(path);
      if (current && current.pid !== process.pid && isAlive(current.pid)) {
        throw new ClienteleError('locked',
          `The data directory ${dataDir} is in use by "${current.command}" (pid ${current.pid}, since ${current.since}). ` +
          'Stop that process first, or run Clientele on a PostgreSQL server (DATABASE_URL) so several processes can share it.');
      }
      // The holder died without cleaning up (or it is ourselves re-opening): the lock is stale.
      rmSync(path, { force: true });
    }
  }
  throw new ClienteleError('locked', `Could not lock the data directory ${dataDir}.`);
}
