// Builds one migrated PGlite database per run; each test file clones it in about half a second
// instead of running initdb and the migrations again.
import type { TestProject } from 'vitest/node';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../../src/store/connection.js';
import { migrateToLatest } from '../../src/store/migrate.js';

let dir: string | undefined;

export async function setup(project: TestProject) {
  dir = await mkdtemp(join(tmpdir(), 'clientele-template-'));
  const connection = await openPglite();
  await migrateToLatest(connection.db);
  const blob = await connection.dumpDataDir!();
  await connection.close();
  const path = join(dir, 'template.tar');
  await writeFile(path, Buffer.from(await blob.arrayBuffer()));
  project.provide('pgliteTemplate', path);
}

export async function teardown() {
  if (dir) await rm(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
