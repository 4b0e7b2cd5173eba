import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary folder for one test file's inputs and outputs. */
export async function tempFolder(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  return {
    dir,
    path: (name: string) => join(dir, name),
    async write(name: string, content: string | Buffer) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
