// Mistakes on the command line, run for real: they name the flag typed, exit with the usage
// code, and a file argument that is not there fails before the store is opened, so no data
// directory is created for a command that could not run.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBuildState } from '../../scripts/cli-build.js';
import { cliEnv, runCli } from '../support/cli.js';

describe('the clientele CLI given a mistake', { timeout: 120_000 }, () => {
  let folder: string;
  let dataDir: string;
  const cli = (...args: string[]) => runCli(args, cliEnv(dataDir));

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'clientele-usage-'));
    dataDir = join(folder, 'data');
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('prints its version from the compiled build, which is then up to date with the sources', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(cliBuildState()).toMatchObject({ stale: false });
  });

  it('names --as-of, not the field behind it, and exits with 2 before opening the store', async () => {
    for (const command of ['analyze', 'snapshot']) {
      const result = await cli(command, '--as-of', '2020-13-45');
      expect(result).toEqual({ code: 2, stdout: '', stderr: 'clientele: --as-of must be a day written YYYY-MM-DD, from 1900-01-01 to 2999-12-31, not "2020-13-45".\n' });
    }
    expect(existsSync(dataDir)).toBe(false);
  });

  it('exits with 2 on an unknown option or a missing argument', async () => {
    expect(await cli('account', 'list', '--colour', 'red')).toEqual({ code: 2, stdout: '', stderr: 'clientele: unknown option \'--colour\'\n' });
    expect(await cli('import', 'orders')).toEqual({ code: 2, stdout: '', stderr: 'clientele: missing required argument \'file\'\n' });
  });

  it('refuses a file argument that is not there before the store is opened', async () => {
    const missing = join(folder, 'orders.csv');
    expect(await cli('import', 'orders', missing)).toEqual({ code: 5, stdout: '', stderr: `clientele: There is no file ${missing}.\n` });
    expect(await cli('import', 'orders', folder)).toEqual({ code: 2, stdout: '', stderr: `clientele: ${folder} is a folder, not a file.\n` });
    expect(await cli('restore', join(folder, 'old.backup.gz'))).toMatchObject({ code: 5, stderr: `clientele: There is no file ${join(folder, 'old.backup.gz')}.\n` });
    const nowhere = join(folder, 'no-such-folder', 'accounts.csv');
    expect(await cli('export', 'accounts', nowhere)).toMatchObject({ code: 5, stderr: `clientele: There is no folder ${join(folder, 'no-such-folder')} to write ${nowhere} into.\n` });
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a mapping file that is not there before the store is opened', async () => {
    const mapping = join(folder, 'mapping.json');
    const result = await cli('import', 'orders', new URL('../../package.json', import.meta.url).pathname, '--mapping', mapping);
    expect(result).toEqual({ code: 5, stdout: '', stderr: `clientele: There is no mapping file ${mapping}.\n` });
    expect(existsSync(dataDir)).toBe(false);
  });
});
