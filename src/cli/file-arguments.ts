// Files named on the command line are checked before the store is opened: a mistyped path
// fails at once, without opening the store (or creating a data directory) first. The wording
// is the one the readers use when they find no file.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ClienteleError } from '../domain/errors.js';

const statOf = (path: string) => statSync(path, { throwIfNoEntry: false });

/** A file to read: it exists and is a file. `what` names it as the message does ("mapping file"). */
export function requireInputFile(path: string, field: string, what = 'file'): void {
  const info = statOf(path);
  if (!info) throw new ClienteleError('not_found', `There is no ${what} ${path}.`, field);
  if (!info.isFile()) throw new ClienteleError('bad_request', `${path} is a folder, not a ${what}.`, field);
}

/** A file to write: its folder exists, and it is not itself a folder. */
export function requireOutputFile(path: string, field: string): void {
  const folder = dirname(resolve(path));
  if (!statOf(folder)?.isDirectory()) throw new ClienteleError('not_found', `There is no folder ${folder} to write ${path} into.`, field);
  if (statOf(path)?.isDirectory()) throw new ClienteleError('bad_request', `${path} is a folder, not a file.`, field);
}
