// Test-only: the CDNOW cohort's classes worked out plainly from the raw transaction file, with
// none of the product's code: whole days from Date.UTC, money in integer cents, shares compared
// by cross-multiplying. Suites compare what the product computes with what this says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CDNOW_DIR } from '../../clv/testing/cdnow.js';

export const CDNOW_MASTER = join(CDNOW_DIR, 'CDNOW_master.txt');

export interface CdnowRow { customer: number; id: string; date: string; dollars: string }

/** Every transaction of CDNOW_master.txt; `id` is the zero-padded customer id the file shows. */
export function readCdnowRows(): CdnowRow[] {
  const lines = readFileSync(CDNOW_MASTER, 'utf8').split('\r\n').filter((line) => line.trim() !== '');
  return lines.slice(1).map((line, i) => {
    const [id, date, , dollars] = line.trim().split(/\s+/);
    if (!id || !date || !dollars || !/^\d{8}$/.test(date)) throw new Error(`CDNOW_master.txt line ${i + 2} is malformed: "${line}"`);
    return { customer: Number(id), id, date, dollars };
  });
}

const DAY_MS = 86_400_000;
export const cdnowDay = (yyyymmdd: string) => Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6))) / DAY_MS;

export interface PlainCustomer {
  customer: number;
  id: string;
  revenue: number;
  orders: number;
  /** Cents bought per day number. */
  days: Map<number, number>;
}

/** Each customer's rows up to and including day `end`, gathered plainly. */
export function plainCustomers(rows: readonly CdnowRow[], end: number): PlainCustomer[] {
  const byId = new Map<number, PlainCustomer>();
  for (const row of rows) {
    const day = cdnowDay(row.date);
    if (day > end) continue;
    let c = byId.get(row.customer);
    if (!c) byId.set(row.customer, c = { customer: row.customer, id: row.id, revenue: 0, orders: 0, days: new Map() });
    const cents = Math.round(Number(row.dollars) * 100);
    c.revenue += cents;
    c.orders += 1;
    c.days.set(day, (c.days.get(day) ?? 0) + cents);
  }
  return [...byId.values()];
}

export function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** RFM as documented: 1 + ⌊5 × share of buyers with a strictly worse value⌋, at most 5. */
export function plainScores(values: number[], better: 'higher' | 'lower'): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const below = (v: number) => { let lo = 0; let hi = sorted.length; while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m]! < v) lo = m + 1; else hi = m; } return lo; };
  const above = (v: number) => sorted.length - (() => { let lo = 0; let hi = sorted.length; while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m]! <= v) lo = m + 1; else hi = m; } return lo; })();
  return values.map((v) => Math.min(5, 1 + Math.floor((5 * (better === 'higher' ? below(v) : above(v))) / values.length)));
}

export interface PlainClasses {
  status: 'current' | 'active' | 'inactive';
  frequency: 'frequent' | 'regular' | 'occasional' | 'one_time';
  volumeTier: 'very_high' | 'high' | 'average' | 'low' | 'none';
  recency: number;
  frequencyScore: number;
  monetary: number;
  /** Revenue of the 365 days ending on `end`. */
  periodRevenue: number;
}

/**
 * The default rules, stated plainly: active window 365 days (current when the year before
 * also has a purchase); frequency by the median gap (30 and 90 days); volume tiers on the last
 * 12 months' revenue at 3, 1.5 and 0.5 times the mean of those with some; RFM quintiles on days
 * since the last purchase, orders and lifetime revenue.
 */
export function plainClasses(customers: readonly PlainCustomer[], end: number): Map<number, PlainClasses> {
  const period = (c: PlainCustomer) => [...c.days].reduce((sum, [d, cents]) => sum + (d > end - 365 ? cents : 0), 0);
  const periods = customers.map(period);
  const withRevenue = periods.filter((r) => r > 0);
  const n = withRevenue.length;
  const total = withRevenue.reduce((a, b) => a + b, 0);
  const tier = (r: number): PlainClasses['volumeTier'] => (r <= 0 ? 'none' : r * n >= 3 * total ? 'very_high' : 2 * r * n >= 3 * total ? 'high' : 2 * r * n >= total ? 'average' : 'low');
  const r = plainScores(customers.map((c) => end - Math.max(...c.days.keys())), 'lower');
  const f = plainScores(customers.map((c) => c.orders), 'higher');
  const m = plainScores(customers.map((c) => c.revenue), 'higher');
  return new Map(customers.map((c, i) => {
    const days = [...c.days.keys()].sort((a, b) => a - b);
    const now = days.some((d) => d > end - 365);
    const before = days.some((d) => d <= end - 365 && d > end - 730);
    const gap = medianOf(days.slice(1).map((d, k) => d - days[k]!));
    return [c.customer, {
      status: now ? (before ? 'current' : 'active') : 'inactive',
      frequency: gap === null ? 'one_time' : gap <= 30 ? 'frequent' : gap <= 90 ? 'regular' : 'occasional',
      volumeTier: tier(periods[i]!),
      recency: r[i]!, frequencyScore: f[i]!, monetary: m[i]!,
      periodRevenue: periods[i]!,
    }];
  }));
}
