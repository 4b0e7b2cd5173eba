// Imports through the API: upload the file with its options, follow the background job.
import { api, downloadUrl } from '../../shared/api/http';

export const IMPORT_TARGETS = ['accounts', 'contacts', 'products', 'orders', 'order-lines', 'interactions'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

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
  guests: 'walk-in' | 'leave-out';
}

export interface RowProblem {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportReport {
  status: 'committed' | 'rejected' | 'dry_run' | 'partial';
  mapping: {
    columns: Record<string, string>;
    unmatched: string[];
    clashes: { field: string; headers: string[] }[];
    dateFormat: string;
    dateFormatSource: 'stated' | 'detected' | 'none';
  };
  fatal: string[];
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejectedRows: number;
  problems: RowProblem[];
  preview: Record<string, unknown>[];
  /** Orders and order lines: what the import as a whole does (see OrderImportSummary in the server). */
  summary?: OrderImportSummary;
  hasProblemFile: boolean;
  hasRejectedFile: boolean;
}

export interface OrderImportSummary {
  currency: string;
  createAccounts: boolean;
  accountsCreated: number | null;
  guests: { handling: 'walk-in' | 'leave-out'; lines: number; amount: string; account: string | null };
  countries: { recognised: { code: string; lines: number }[]; unknown: { text: string; lines: number }[]; notStated: number } | null;
  orders: { count: number; amount: string } | null;
  creditNotes: { count: number; amount: string; linked: number; namedNotFound: number } | null;
  netRevenue: string | null;
  walkIn: { orders: number; amount: string } | null;
}

export interface ImportJob {
  id: string;
  target: string;
  fileName: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: { rowsRead: number; bytesRead: number; totalBytes: number; percent: number };
  report?: ImportReport;
  error?: string;
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
