// The project's root folder (where package.json is), whether this module runs from src/ under
// tsx or from the compiled CLI in dist/cli/<build>/, which sit at different depths.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function rootAbove(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${start}.`);
  }
}

export const PROJECT_ROOT = rootAbove(dirname(fileURLToPath(import.meta.url)));
