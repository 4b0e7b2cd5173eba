// Runs the real `clientele` command as a child process, the way a user runs it from a checkout.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export const CLI_BIN = fileURLToPath(new URL('../../bin/clientele.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a CLI run on the embedded store in `dataDir`, whatever the test runner's own. */
export function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // English whatever the runner's locale, unless a test asks for a language.
  const env: NodeJS.ProcessEnv = { ...process.env, CLIENTELE_DATA_DIR: dataDir, CLIENTELE_SCRYPT_LOG_N: '10', LOG_LEVEL: 'warn', LANG: 'C.UTF-8', ...extra };
  for (const name of ['DATABASE_URL', 'CLIENTELE_ADMIN_EMAIL', 'CLIENTELE_ADMIN_PASSWORD', 'LC_ALL', 'LC_MESSAGES']) if (!(name in extra)) delete env[name];
  return env;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI_BIN, ...args], { env, stdio: 'pipe' });
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const child = startCli(args, env);
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

/** Waits until the child prints a line matching `pattern` on stdout; fails if it exits first. */
export async function waitForOutput(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = stdout.match(pattern);
      if (match) {
        child.stdout.off('data', onData);
        child.off('exit', onExit);
        resolve(match[0]);
      }
    };
    const onExit = (code: number | null) => reject(new Error(`exited with ${code} before printing ${pattern}: ${stdout}${stderr}`));
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
}
