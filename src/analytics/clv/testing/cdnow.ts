// Test-only: readers for the CDNOW reference data (see shared/data/cdnow/README.md beside the
// project). The data is third-party and must not ship with the product, so it is read from the
// shared folder next to the project, or from CLIENTELE_CDNOW_DIR for a clone made elsewhere,
// and the suites that need it are skipped where it is absent.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const BESIDE_PROJECT = resolve(import.meta.dirname, '../../../../../shared/data/cdnow');
export const CDNOW_DIR = process.env.CLIENTELE_CDNOW_DIR ?? BESIDE_PROJECT;
export const hasCdnow = existsSync(join(CDNOW_DIR, 'CDNOW_sample.txt'));

/** The calibration period of Fader, Hardie & Lee (2005): 39 weeks ending on this day, then 39 weeks of hold-out. */
export const CDNOW_CALIBRATION_END = '1997-09-30';
export const CDNOW_HOLDOUT_END = '1998-06-30';

function rows(file: string, separator: RegExp): string[][] {
  return readFileSync(join(CDNOW_DIR, file), 'utf8').split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
    .map((line) => line.split(separator));
}

export interface CdnowSummaryRow {
  id: string;
  x: number;
  tx: number;
  T: number;
}

/** cdnow_customers_summary.csv: ID, frequency, recency, T (weeks). */
export function readCdnowSummary(): CdnowSummaryRow[] {
  return rows('cdnow_customers_summary.csv', /,/).slice(1).map(([id, x, tx, T]) => ({
    id: id!, x: Number(x), tx: Number(tx), T: Number(T),
  }));
}

export interface CdnowSpendRow {
  id: string;
  x: number;
  tx: number;
  T: number;
  /** Mean dollar value of the repeat purchases in the calibration period, printed to the cent. */
  zbar: number;
}

/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar. */
export function readCdnowSpend(): CdnowSpendRow[] {
  return rows('cdnow_customers_summary_with_transactions.csv', /,/).slice(1).map(([id, x, tx, T, zbar]) => ({
    id: id!, x: Number(x), tx: Number(tx), T: Number(T), zbar: Number(zbar),
  }));
}

export interface CdnowTransaction {
  customerId: string;
  /** YYYY-MM-DD */
  date: string;
  /** Whole cents. */
  amount: number;
}

/** CDNOW_sample.txt: master id, sample id, YYYYMMDD, CDs, dollars. Customers are keyed by sample id. */
export function readCdnowSampleTransactions(): CdnowTransaction[] {
  return rows('CDNOW_sample.txt', /\s+/).map(([, sampleId, date, , dollars]) => ({
    customerId: String(Number(sampleId)),
    date: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`,
    amount: Math.round(Number(dollars) * 100),
  }));
}
