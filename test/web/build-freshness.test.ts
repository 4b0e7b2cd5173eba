import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { buildState, newestChange } from '../../web/scripts/build-freshness.js';
import { tempFolder } from '../support/temp-files.js';

let remove: (() => Promise<void>) | undefined;
afterEach(async () => { await remove?.(); });

async function fixture() {
  const folder = await tempFolder('clientele-freshness');
  remove = folder.remove;
  await mkdir(folder.path('src/deep'), { recursive: true });
  await mkdir(folder.path('dist'), { recursive: true });
  const at = async (name: string, seconds: number) => {
    await writeFile(folder.path(name), name);
    await utimes(folder.path(name), seconds, seconds);
  };
  return { folder, at };
}

describe('whether the web app needs building', () => {
  it('builds when there is no build yet', async () => {
    const { folder, at } = await fixture();
    await at('src/app.tsx', 1000);
    expect(await buildState(folder.path('dist/index.html'), [folder.path('src')])).toEqual({ stale: true, reason: 'the web app has not been built yet' });
  });

  it('builds again when any source, however deep, is newer than the build, and not otherwise', async () => {
    const { folder, at } = await fixture();
    await at('src/app.tsx', 1000);
    await at('src/deep/page.tsx', 1500);
    await at('dist/index.html', 2000);
    expect((await buildState(folder.path('dist/index.html'), [folder.path('src')])).stale).toBe(false);
    await at('src/deep/page.tsx', 2500);
    expect(await buildState(folder.path('dist/index.html'), [folder.path('src')])).toEqual({ stale: true, reason: 'the web app sources changed since the last build' });
  });

  it('ignores the files it is told to skip, and sources that do not exist', async () => {
    const { folder, at } = await fixture();
    await at('src/app.tsx', 1000);
    await at('src/app.test.ts', 3000);
    expect(await newestChange([folder.path('src'), folder.path('missing')], (p) => p.endsWith('.test.ts'))).toBe(1_000_000);
  });
});
