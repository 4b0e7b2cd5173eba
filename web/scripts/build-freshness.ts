// Whether the built web app is older than its sources, so `npm start` rebuilds only when needed.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The newest modification time under the given files and folders (recursively), 0 for none. */
export async function newestChange(paths: string[], skip: (path: string) => boolean = () => false): Promise<number> {
  let newest = 0;
  for (const path of paths) {
    if (skip(path)) continue;
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    if (info.isDirectory()) {
      const children = await readdir(path);
      newest = Math.max(newest, await newestChange(children.map((c) => join(path, c)), skip));
    } else {
      newest = Math.max(newest, info.mtimeMs);
    }
  }
  return newest;
}

export interface BuildState {
  stale: boolean;
  reason: string;
}

/** Compares the build's marker file with the sources; a missing build is stale. */
export async function buildState(builtMarker: string, sources: string[], skip?: (path: string) => boolean): Promise<BuildState> {
  const built = await stat(builtMarker).catch(() => undefined);
  if (!built) return { stale: true, reason: 'the web app has not been built yet' };
  const newest = await newestChange(sources, skip);
  return newest > built.mtimeMs
    ? { stale: true, reason: 'the web app sources changed since the last build' }
    : { stale: false, reason: 'the web app build is up to date' };
}
