// A worker thread's whole life: run the one job it was started with and post the answer.
// Errors travel as their name and message, so a RangeError (bad setting, too little history)
// stays a RangeError on the other side.
import { parentPort, workerData } from 'node:worker_threads';
import { type ClvJob, runClvJob } from './clv-jobs.js';

try {
  parentPort!.postMessage({ ok: true, output: runClvJob(workerData as ClvJob) });
} catch (error) {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  parentPort!.postMessage({ ok: false, name, message, stack });
}
