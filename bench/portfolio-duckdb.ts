// The reference beside the portfolio-analysis benchmark: the same RFM scores and ABC classes
// computed by DuckDB in SQL over the same orders, read from the same CSV file. Run in a process
// of its own, so its memory is its own:
//   node --import tsx bench/portfolio-duckdb.ts DATASET.json RESULT.json
// The SQL follows our rules exactly (score 1 + floor(5 × share of buyers with a strictly worse
// value), ABC by the share of revenue held by the accounts ranked above, ties by account id),
// so the class counts must agree; NTILE(5), the usual SQL shortcut, is computed beside it to
// show how ties move accounts between quintiles.
import { readFile, writeFile } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEFAULT_PORTFOLIO_SETTINGS } from '../src/domain/portfolio/settings.js';
import { YEAR_DAYS } from '../src/analytics/portfolio/calendar.js';
import { peakRssMiB, resetPeakRss } from './peak-memory.js';
import { classCodes } from './portfolio-class-codes.js';
import type { PortfolioDataset } from './portfolio-data.js';

export interface DuckdbResult {
  threads: number;
  loadSeconds: number;
  /** RFM scores and ABC classes of every account, into a table inside DuckDB. */
  computeSeconds: number;
  /** The per-account table read into JavaScript objects. */
  readSeconds: number;
  peakRssMiB: number;
  buyers: number;
  abc: { A: number; B: number; C: number; none: number };
  rfmScoreCounts: { r: number[]; f: number[]; m: number[] };
  ntileScoreCounts: { r: number[]; f: number[]; m: number[] };
}

const seconds = (since: bigint) => Math.round(Number(process.hrtime.bigint() - since) / 1e6) / 1000;
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

function classesSql(asOf: string): string {
  const { aMaxShare, bMaxShare } = DEFAULT_PORTFOLIO_SETTINGS.abc;
  const day = `DATE ${quote(asOf)}`;
  const score = (order: string) => `least(5, 1 + floor(5 * (rank() over (order by ${order}) - 1) / count(*) over ()))::integer`;
  return `
    create or replace table account_scores as
    with purchases as (
      select account_id, ordered_at::date as day, total_cents
        from orders
       where status in ('confirmed', 'shipped', 'invoiced') and ordered_at::date <= ${day}
    ), buyers as (
      select account_id, ${day} - max(day) as recency, count(*) as frequency, sum(total_cents) as monetary,
             coalesce(sum(total_cents) filter (where day > ${day} - ${YEAR_DAYS}), 0) as period_revenue
        from purchases group by account_id
    ), scored as (
      select *,
             ${score('recency desc')} as r, ${score('frequency')} as f, ${score('monetary')} as m,
             ntile(5) over (order by recency desc) as r_ntile, ntile(5) over (order by frequency) as f_ntile,
             ntile(5) over (order by monetary) as m_ntile,
             coalesce(sum(period_revenue) over (order by period_revenue desc, account_id rows between unbounded preceding and 1 preceding), 0)
               / sum(period_revenue) over () as share_above
        from buyers
    )
    select account_id, recency, frequency, monetary, period_revenue, r, f, m, r_ntile, f_ntile, m_ntile,
           case when period_revenue <= 0 then 'none' when share_above < ${aMaxShare} then 'A' when share_above < ${bMaxShare} then 'B' else 'C' end as abc
      from scored`;
}

/** `codesPath` receives every account's ABC class and RFM scores, to compare with ours account by account. */
export async function benchDuckdb(data: PortfolioDataset, codesPath: string): Promise<DuckdbResult> {
  await resetPeakRss();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const threads = Number((await connection.runAndReadAll(`select current_setting('threads') as t`)).getRowObjectsJS()[0]!.t);
    let started = process.hrtime.bigint();
    await connection.run(`
      create table orders as select * from read_csv(${quote(data.ordersCsv)}, header = false, columns = {
        'account_id': 'BIGINT', 'number': 'VARCHAR', 'ordered_at': 'TIMESTAMP', 'channel': 'VARCHAR',
        'status': 'VARCHAR', 'total_cents': 'BIGINT', 'item_count': 'INTEGER'})`);
    const loadSeconds = seconds(started);

    started = process.hrtime.bigint();
    await connection.run(classesSql(data.asOf));
    const computeSeconds = seconds(started);

    started = process.hrtime.bigint();
    const rows = (await connection.runAndReadAll('select * from account_scores order by account_id')).getRowObjectsJS();
    const readSeconds = seconds(started);

    const counts = (column: string) => {
      const out = [0, 0, 0, 0, 0];
      for (const row of rows) out[Number(row[column]) - 1]! += 1;
      return out;
    };
    await writeFile(codesPath, classCodes(data.accounts, rows.map((row) => ({
      accountId: Number(row.account_id), abc: String(row.abc), r: Number(row.r), f: Number(row.f), m: Number(row.m),
    }))));
    const abc = { A: 0, B: 0, C: 0, none: data.accounts - rows.length };
    for (const row of rows) abc[row.abc as keyof typeof abc] += 1;
    return {
      threads, loadSeconds, computeSeconds, readSeconds, peakRssMiB: await peakRssMiB(), buyers: rows.length, abc,
      rfmScoreCounts: { r: counts('r'), f: counts('f'), m: counts('m') },
      ntileScoreCounts: { r: counts('r_ntile'), f: counts('f_ntile'), m: counts('m_ntile') },
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [datasetPath, resultPath] = process.argv.slice(2) as [string, string];
  const data = JSON.parse(await readFile(datasetPath, 'utf8')) as PortfolioDataset;
  await writeFile(resultPath, JSON.stringify(await benchDuckdb(data, `${resultPath}.codes`)));
}
