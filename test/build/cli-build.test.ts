// The compiled CLI is never stale: a build is stale as soon as a source is newer than it or a
// source is added or removed, and ensureCliBuilt compiles again so what runs is what the sources say.
// Run on a small project of its own in a temporary folder, so the real build is not touched.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliBuildState, ensureCliBuilt } from '../../scripts/cli-build.js';

const root = mkdtempSync(join(tmpdir(), 'clientele-cli-build-'));
const source = (path: string, text: string) => writeFile(join(root, 'src', path), text);
const answerOf = async (entry: string) => ((await import(entry)) as { answer: string }).answer;

describe('the compiled CLI', () => {
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('is stale before the first build, then runs the compiled sources', async () => {
    await mkdir(join(root, 'src', 'cli'), { recursive: true });
    await source('words.ts', 'export const word: string = "first";\n');
    await source('cli/main.ts', 'import { word } from "../words.js";\nexport const answer: string = `${word} build`;\n');
    await source('cli/main.test.ts', 'this is not compiled: tests stay out of the build\n');
    expect(cliBuildState({ root })).toMatchObject({ stale: true, reason: 'the CLI has not been compiled yet' });

    const entry = await ensureCliBuilt({ root });
    expect(await answerOf(entry)).toBe('first build');
    expect(cliBuildState({ root })).toEqual({ stale: false, reason: 'the compiled CLI is up to date', entry });
    expect(await ensureCliBuilt({ root })).toBe(entry);
  });

  it('is stale once a source changes, and the next run compiles the change', async () => {
    const before = cliBuildState({ root }).entry!;
    await source('words.ts', 'export const word: string = "second";\n');
    expect(cliBuildState({ root })).toMatchObject({ stale: true, reason: 'the sources changed since the CLI was compiled' });

    const entry = await ensureCliBuilt({ root });
    expect(entry).not.toBe(before);
    expect(await answerOf(entry)).toBe('second build');
  });

  it('is stale once a source is removed, which only its folder\'s time tells', async () => {
    await source('extra.ts', 'export const extra = 1;\n');
    await ensureCliBuilt({ root });
    expect(cliBuildState({ root }).stale).toBe(false);
    await rm(join(root, 'src', 'extra.ts'));
    expect(cliBuildState({ root })).toMatchObject({ stale: true, reason: 'the sources changed since the CLI was compiled' });
  });
});
