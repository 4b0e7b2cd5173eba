// Runs a lifetime-value job in a worker thread, so fitting a large portfolio (seconds of pure
// computation) never stalls the server's event loop.
//
// Clientele runs its TypeScript through tsx, and a worker does not inherit the hooks tsx
// registered in the main thread (bin/clientele.js calls register(); tsx's own --import loader
// registers only on the main thread on Node 20). So the worker starts from a few lines of
// plain JavaScript that register tsx the same way, then import the TypeScript worker. That
// works under `npm start` (tsx) and vitest alike. The compiled CLI (dist/cli) has the worker
// compiled beside this module and imports it as it is.
import { Worker } from 'node:worker_threads';
import type { ClvJob, ClvJobKind, ClvJobs } from './clv-jobs.js';

const COMPILED = import.meta.url.endsWith('.js');
const BOOT = COMPILED
  ? `import(${JSON.stringify(new URL('./clv-worker.js', import.meta.url).href)})`
  : `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./clv-worker.ts', import.meta.url).href)}); })`;

type Answer<K extends ClvJobKind> =
  | { ok: true; output: ClvJobs[K]['output'] }
  | { ok: false; name: string; message: string; stack?: string };

function revive(answer: Extract<Answer<ClvJobKind>, { ok: false }>): Error {
  const error = answer.name === 'RangeError' ? new RangeError(answer.message) : new Error(answer.message);
  if (answer.stack) error.stack = answer.stack;
  return error;
}

/** The job's output, computed in a fresh worker thread; rejects with the job's own error. */
export function runInWorker<K extends ClvJobKind>(kind: K, input: ClvJobs[K]['input']): Promise<ClvJobs[K]['output']> {
  return new Promise((resolve, reject) => {
    const job: ClvJob<K> = { kind, input };
    // A clean execArgv: the parent's flags may be tsx's main-thread loader, which does nothing here.
    const worker = new Worker(BOOT, { eval: true, workerData: job, execArgv: [] });
    let settled = false;
    worker.once('message', (answer: Answer<K>) => {
      settled = true;
      if (answer.ok) resolve(answer.output);
      else reject(revive(answer));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the lifetime-value worker stopped (exit code ${code}) before answering`));
    });
  });
}
