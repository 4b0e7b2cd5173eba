// Imports through the API: upload the file with its options, follow the background job.
import { api, downloadUrl } from '../../shared/api/http';
import type { GuestHandling, ImportTarget } from '../../../../src/domain/import-vocabulary';
import type { ImportJob } from '../../../../src/domain/schemas/import-job';

export { IMPORT_TARGETS } from '../../../../src/domain/import-vocabulary';
export type { ImportTarget };
// The job and its report as the API answers them (src/domain/schemas/import-job.ts).
export type { ImportJob, ImportReport, OrderImportSummary, RowProblem } from '../../../../src/domain/schemas/import-job';

export interface ImportOptions {
  target: ImportTarget;
  dryRun: boolean;
  skipInvalid: boolean;
  delimiter: string;
  encoding: string;
  dateFormat: string;
  decimalComma: boolean;
  sheet: string;
  /** Orders and order lines: refuse those of accounts that do not exist, instead of creating them. */
  existingAccountsOnly: boolean;
  /** Orders and order lines naming no customer: kept on one walk-in account, or left out. */
  guests: GuestHandling;
}

/** The multipart body: the options first, then the file, as the API reads them in order. */
export function importForm(file: File, options: ImportOptions): FormData {
  const form = new FormData();
  form.append('target', options.target);
  if (options.dryRun) form.append('dryRun', 'true');
  if (options.skipInvalid) form.append('skipInvalid', 'true');
  if (options.delimiter) form.append('delimiter', options.delimiter);
  if (options.encoding) form.append('encoding', options.encoding);
  if (options.dateFormat) form.append('dateFormat', options.dateFormat);
  if (options.decimalComma) form.append('decimalComma', 'true');
  if (options.sheet.trim()) form.append('sheet', options.sheet.trim());
  if (options.target === 'orders' || options.target === 'order-lines') {
    if (options.existingAccountsOnly) form.append('existingAccountsOnly', 'true');
    form.append('guests', options.guests);
  }
  form.append('file', file, file.name);
  return form;
}

export const importApi = {
  start: (file: File, options: ImportOptions) => api.post<ImportJob>('/imports', importForm(file, options)),
  job: (id: string) => api.get<ImportJob>(`/imports/${id}`),
  problemsUrl: (id: string) => downloadUrl(`/imports/${id}/problems`),
  rejectedUrl: (id: string) => downloadUrl(`/imports/${id}/rejected`),
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Follows a job until it ends, reporting each step; stops early when `signal` aborts. */
export async function followJob(id: string, onStep: (job: ImportJob) => void, signal: AbortSignal, everyMs = 400): Promise<ImportJob> {
  for (;;) {
    const job = await importApi.job(id);
    if (signal.aborted) return job;
    onStep(job);
    if (job.status === 'done' || job.status === 'failed') return job;
    await sleep(everyMs);
  }
}
