// Imports started from the API run in the background, one at a time (the embedded store has a
// single session), with their progress readable while they run and their reports afterwards.
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor } from '../../domain/access.js';
import type { ImportTarget } from '../../import/targets.js';
import type { Store } from '../../store/store.js';
import type { ImportJob } from '../../domain/schemas/import-job.js';
import { type ImportProgress, type ImportRequest, runImport } from './run-import.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A job as the API answers it (domain/schemas/import-job.ts). */
export type { ImportJob };

interface JobFiles {
  dir: string;
  upload: string;
  problems: string;
  rejected: string;
}

export type JobRequest = Omit<ImportRequest, 'path' | 'reportPath' | 'rejectedPath' | 'onProgress' | 'actor' | 'resume' | 'batchSize'>;

const KEEP_JOBS = 50;

export class ImportJobs {
  private readonly jobs = new Map<string, { job: ImportJob; files: JobFiles }>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly store: Store, private readonly root: string) {}

  /** A fresh folder for a job's upload; the caller writes the file there before `start`. */
  async prepare(fileName: string): Promise<JobFiles & { id: string }> {
    const id = randomUUID();
    const dir = join(this.root, id);
    await mkdir(dir, { recursive: true });
    const safe = fileName.replace(/[^\w.-]+/g, '_').slice(-100) || 'upload';
    return { id, dir, upload: join(dir, safe), problems: join(dir, 'problems.csv'), rejected: join(dir, 'rejected.csv') };
  }

  start(prepared: JobFiles & { id: string }, fileName: string, request: JobRequest, actor: Actor): ImportJob {
    const job: ImportJob = {
      id: prepared.id, target: request.target, fileName, status: 'queued', createdAt: new Date().toISOString(), startedBy: actor.userId,
      progress: { rowsRead: 0, bytesRead: 0, totalBytes: 0, percent: 0 },
    };
    this.jobs.set(job.id, { job, files: prepared });
    this.queue = this.queue.then(() => this.run(job, prepared, request, actor));
    void this.forgetOldJobs();
    return job;
  }

  get(id: string): { job: ImportJob; files: JobFiles } | undefined {
    return this.jobs.get(id);
  }

  list(): ImportJob[] {
    return [...this.jobs.values()].map((j) => j.job).reverse();
  }

  /** Waits for every queued job; for shutdown and tests. */
  idle(): Promise<void> {
    return this.queue;
  }

  private async run(job: ImportJob, files: JobFiles, request: JobRequest, actor: Actor) {
    job.status = 'running';
    try {
      const report = await runImport(this.store, {
        ...request, actor, path: files.upload, reportPath: files.problems, rejectedPath: files.rejected,
        onProgress: (p) => { job.progress = { ...p, percent: p.totalBytes ? Math.min(100, Math.round((100 * p.bytesRead) / p.totalBytes)) : 0 }; },
      });
      const { reportPath, rejectedPath, ...rest } = report;
      // The preview's records hold what would be stored (days as Date among them): kept as the JSON the API sends.
      const preview = JSON.parse(JSON.stringify(rest.preview)) as NonNullable<ImportJob['report']>['preview'];
      job.report = { ...rest, preview, file: job.fileName, hasProblemFile: !!reportPath, hasRejectedFile: !!rejectedPath };
      job.progress = { ...job.progress, percent: 100 };
      job.status = 'done';
    } catch (error) {
      job.status = 'failed';
      job.error = error instanceof Error ? error.message : String(error);
    } finally {
      await rm(files.upload, { force: true });
    }
  }

  private async forgetOldJobs() {
    const finished = [...this.jobs.values()].filter((j) => j.job.status === 'done' || j.job.status === 'failed');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_JOBS))) {
      this.jobs.delete(old.job.id);
      await rm(old.files.dir, { recursive: true, force: true });
    }
  }
}
