// The API's files import one another one way: app.ts registers the route plugins, the routes take
// their dependencies from route-deps.ts, which imports no route.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles } from '../../scripts/import-cycles.js';

describe('import cycles', () => {
  it('finds none among the API server and its routes', () => {
    expect(importCycles('src/api')).toEqual([]);
  });

  it('finds a cycle, type-only imports included, and leaves tests out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clientele-cycles-'));
    mkdirSync(join(dir, 'routes'));
    writeFileSync(join(dir, 'app.ts'), "import { a } from './routes/a.js';\nexport const app = a;\n");
    writeFileSync(join(dir, 'routes', 'a.ts'), "import type { Deps } from '../deps.js';\nexport const a = (d: Deps) => d;\n");
    writeFileSync(join(dir, 'deps.ts'), "import type { app } from './app.js';\nexport type Deps = typeof app;\n");
    writeFileSync(join(dir, 'app.test.ts'), "import { app } from './app.js';\nimport './app.test.js';\n");
    expect(importCycles(dir, dir)).toEqual([['app.ts', 'deps.ts', 'routes/a.ts']]);
  });
});
