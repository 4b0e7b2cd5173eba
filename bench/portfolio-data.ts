// A synthetic portfolio for the portfolio-analysis benchmark, written once as CSV files that
// COPY loads into either engine and DuckDB reads for its reference: accounts acquired over five
// years, each buying for a while (some stop), order counts Pareto-distributed (a few accounts
// place most orders), tickets log-normal around a per-account mean that grows with size, and a
// few order statuses that are not purchases. Orders are written in date order, as a store
// that has been filling up for years holds them, so an account's orders are spread out.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { type Random, seededRandom } from '../src/analytics/clv/random.js';
import { dayFromNumber, dayNumber, utcDay } from '../src/analytics/portfolio/calendar.js';

const YEARS = 5;
const REPS = 25;

export const ACCOUNT_COLUMNS = [
  'kind', 'name', 'status', 'status_changed_at', 'sector', 'segment', 'size', 'relationship_type', 'country', 'owner_id',
  'has_interest', 'has_financial_capacity', 'created_at', 'updated_at',
];
export const ORDER_COLUMNS = ['account_id', 'number', 'ordered_at', 'channel', 'status', 'total_cents', 'item_count'];

export interface PortfolioDataset {
  accountsCsv: string;
  ordersCsv: string;
  asOf: string;
  accounts: number;
  orders: number;
  buyers: number;
  /** Owners referenced by the accounts: users 1 to `reps`, created before the accounts. */
  reps: number;
}

type Weighted<T> = readonly (readonly [T, number])[];

function pick<T>(random: Random, choices: Weighted<T>): T {
  let u = random.uniform();
  for (const [value, weight] of choices) {
    if (u < weight) return value;
    u -= weight;
  }
  return choices[choices.length - 1]![0];
}

const SIZES: Weighted<string> = [['small', 0.67], ['mid_market', 0.25], ['enterprise', 0.05], ['', 0.03]];
const SIZE_ORDERS: Record<string, number> = { small: 1, mid_market: 2, enterprise: 4, '': 1 };
const SIZE_TICKET: Record<string, number> = { small: 15_000, mid_market: 60_000, enterprise: 250_000, '': 15_000 };
const SEGMENTS: Weighted<string> = [['retail', 0.3], ['wholesale', 0.2], ['industry', 0.2], ['services', 0.15], ['public', 0.1], ['', 0.05]];
const SECTORS = ['food', 'textile', 'chemicals', 'machinery', 'electronics', 'construction', 'transport', 'health', 'education', 'software', 'energy', 'tourism'];
const RELATIONSHIPS: Weighted<string> = [['direct', 0.7], ['distributor', 0.1], ['reseller', 0.1], ['national_account', 0.04], ['partner', 0.03], ['other', 0.03]];
const COUNTRIES: Weighted<string> = [['FR', 0.35], ['ES', 0.2], ['DE', 0.15], ['IT', 0.1], ['BE', 0.06], ['PT', 0.05], ['GB', 0.05], ['NL', 0.04]];
const PROSPECTS: Weighted<string> = [['suspect', 0.4], ['lead', 0.3], ['prospect', 0.3]];
const ORDER_STATUSES: Weighted<number> = [[0, 0.82], [1, 0.06], [2, 0.04], [3, 0.03], [4, 0.04], [5, 0.01]];
const STATUS_NAMES = ['invoiced', 'shipped', 'confirmed', 'draft', 'cancelled', 'returned'];
const CHANNELS: Weighted<number> = [[0, 0.4], [1, 0.3], [2, 0.1], [3, 0.1], [4, 0.05], [5, 0.05]];
const CHANNEL_NAMES = ['direct', 'web', 'phone', 'email', 'store', 'partner'];

/** Writes text in large pieces, waiting when the file stream is full. */
function bufferedWriter(path: string) {
  const out = createWriteStream(path);
  let buffer = '';
  return {
    async write(text: string) {
      buffer += text;
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    },
    async close() {
      out.end(buffer);
      await once(out, 'finish');
    },
  };
}

/** Order counts proportional to the weights, at least one each and at most the cap, summing to `total`. */
function orderCounts(weights: Float64Array, caps: Int32Array, buyers: readonly number[], total: number): Int32Array {
  const counts = new Int32Array(weights.length);
  const sumAt = (scale: number) => {
    let sum = 0;
    for (const i of buyers) sum += Math.min(caps[i]!, Math.max(1, Math.round(weights[i]! * scale)));
    return sum;
  };
  let capacity = 0;
  for (const i of buyers) capacity += caps[i]!;
  if (total < buyers.length || total > capacity) throw new RangeError(`${total} orders cannot be spread over ${buyers.length} buyers`);
  let low = 0;
  let high = 1;
  while (sumAt(high) < total && high < 1e12) high *= 2;
  for (let step = 0; step < 60; step++) {
    const middle = (low + high) / 2;
    if (sumAt(middle) < total) low = middle;
    else high = middle;
  }
  let sum = 0;
  for (const i of buyers) sum += counts[i] = Math.min(caps[i]!, Math.max(1, Math.round(weights[i]! * high)));
  // Rounding leaves the sum a little off; settle the difference one order at a time.
  for (let k = 0; sum !== total; k = (k + 1) % buyers.length) {
    const i = buyers[k]!;
    if (sum < total && counts[i]! < caps[i]!) { counts[i]! += 1; sum += 1; }
    if (sum > total && counts[i]! > 1) { counts[i]! -= 1; sum -= 1; }
  }
  return counts;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const timeOfDay = (seconds: number) => `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;

/**
 * The orders run up to `asOf`, today by default: the incremental step after a run only
 * updates a run made as of the day it is in.
 */
export async function writePortfolioDataset(dir: string, accounts: number, orders: number, asOf = utcDay(new Date().toISOString()), seed = 7): Promise<PortfolioDataset> {
  const random = seededRandom(seed);
  const end = dayNumber(asOf);
  const start = end - YEARS * 365 + 1;
  // Every buyer places at least one order, so a small order total means fewer buyers.
  const buyerShare = Math.min(0.72, orders / accounts / 2);

  const acquired = new Int32Array(accounts);
  const lastActive = new Int32Array(accounts);
  const ticket = new Float64Array(accounts);
  const weights = new Float64Array(accounts);
  const caps = new Int32Array(accounts);
  const buyers: number[] = [];
  const accountsOut = bufferedWriter(join(dir, 'accounts.csv'));
  for (let i = 0; i < accounts; i++) {
    const size = pick(random, SIZES);
    const buyer = random.uniform() < buyerShare;
    let created: number;
    let status: string;
    if (buyer) {
      buyers.push(i);
      acquired[i] = start + Math.floor(random.uniform() * (end - start + 1));
      lastActive[i] = Math.min(end, acquired[i]! + Math.floor(random.exponential(1 / (4 * 365))));
      const span = lastActive[i]! - acquired[i]! + 1;
      // Pareto(1.2) propensity, times size and the time the account has been buying.
      weights[i] = random.uniform() ** (-1 / 1.2) * SIZE_ORDERS[size]! * (span + 30) / 365;
      caps[i] = Math.max(1, span * 3);
      ticket[i] = SIZE_TICKET[size]! * Math.exp(0.8 * random.normal() - 0.32);
      created = acquired[i]! - Math.floor(random.uniform() * 180);
      const lapsed = lastActive[i]! < end - 365;
      status = random.uniform() < 0.02 ? 'partner' : lapsed && random.uniform() < 0.5 ? 'ex_customer' : 'customer';
    } else {
      created = start + Math.floor(random.uniform() * (end - start + 1));
      status = pick(random, PROSPECTS);
    }
    const segment = pick(random, SEGMENTS);
    const sector = random.uniform() < 0.05 ? '' : SECTORS[Math.floor(random.uniform() * SECTORS.length)]!;
    const owner = random.uniform() < 0.1 ? '' : String(1 + Math.floor(random.uniform() * REPS));
    const createdAt = `${dayFromNumber(created)} 09:00:00`;
    await accountsOut.write(`${random.uniform() < 0.8 ? 'company' : 'person'},Account ${i + 1},${status},${createdAt},${sector},${segment},${size},`
      + `${pick(random, RELATIONSHIPS)},${pick(random, COUNTRIES)},${owner},${random.uniform() < 0.3 ? 't' : 'f'},`
      + `${random.uniform() < 0.4 ? 't' : 'f'},${createdAt},${createdAt}\n`);
  }
  await accountsOut.close();

  const counts = orderCounts(weights, caps, buyers, orders);
  const account = new Int32Array(orders);
  const day = new Int32Array(orders);
  const second = new Int32Array(orders);
  const total = new Int32Array(orders);
  const kind = new Uint8Array(orders);
  let n = 0;
  for (const i of buyers) {
    const span = lastActive[i]! - acquired[i]! + 1;
    for (let k = 0; k < counts[i]!; k++, n++) {
      account[n] = i + 1;
      day[n] = k === 0 ? acquired[i]! : acquired[i]! + Math.floor(random.uniform() * span);
      second[n] = 8 * 3600 + Math.floor(random.uniform() * 11 * 3600);
      total[n] = Math.min(2e9, Math.max(100, Math.round(ticket[i]! * Math.exp(0.5 * random.normal() - 0.125))));
      kind[n] = pick(random, ORDER_STATUSES) * 8 + pick(random, CHANNELS);
    }
  }

  // Counting sort by day: the file lists orders as they were placed.
  const perDay = new Int32Array(end - start + 2);
  for (let j = 0; j < orders; j++) perDay[day[j]! - start + 1]! += 1;
  for (let d = 1; d < perDay.length; d++) perDay[d]! += perDay[d - 1]!;
  const sorted = new Int32Array(orders);
  for (let j = 0; j < orders; j++) sorted[perDay[day[j]! - start]!++] = j;

  const ordersOut = bufferedWriter(join(dir, 'orders.csv'));
  for (let s = 0; s < orders; s++) {
    const j = sorted[s]!;
    const items = 1 + Math.floor(random.exponential(0.3));
    await ordersOut.write(`${account[j]},B${s + 1},${dayFromNumber(day[j]!)} ${timeOfDay(second[j]!)},`
      + `${CHANNEL_NAMES[kind[j]! % 8]},${STATUS_NAMES[kind[j]! >> 3]},${total[j]},${items}\n`);
  }
  await ordersOut.close();

  return {
    accountsCsv: join(dir, 'accounts.csv'), ordersCsv: join(dir, 'orders.csv'), asOf,
    accounts, orders, buyers: buyers.length, reps: REPS,
  };
}
