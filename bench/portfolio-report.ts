// The portfolio-analysis benchmark's results as Markdown (bench/results/portfolio-analysis.md).
import type { EngineRun, PortfolioBenchResults } from './portfolio-analysis.js';

const n = (value: number) => value.toLocaleString('en-US');
const s = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(value < 10 ? 2 : 1));
const ratio = (ours: number, theirs: number) => (theirs > 0 ? `${(ours / theirs).toFixed(1)}×` : '–');
const median = (values: readonly number[]) => values[Math.floor((values.length - 1) / 2)]!;

/** A step's figures; a step the engine did not finish before it failed shows why. */
function cell(run: EngineRun, show: (result: NonNullable<EngineRun['result']>) => string): string {
  if (!run.result) return `failed: ${run.error}`;
  try {
    return show(run.result);
  } catch {
    return `not reached (${run.error ?? 'no result'})`;
  }
}

export function portfolioReport(results: PortfolioBenchResults): string {
  const { runs } = results;
  const m = results.machine;
  const lines = [
    `# Portfolio analysis at scale (${results.date.slice(0, 10)})`, '',
    'Synthetic portfolios (accounts acquired over five years, Pareto-distributed order counts, log-normal tickets that grow with',
    'account size, 6 order statuses of which 3 are purchases, orders stored in date order) loaded with COPY; each engine and',
    `the DuckDB reference ran in a Node process of its own (heap limit ${n(results.heapMiB)} MiB), one after the other.`,
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}. Load average (1, 5, 15 min) ${results.loadAverage.before.join(', ')} before and`,
    `${results.loadAverage.after.join(', ')} after${Math.max(results.loadAverage.before[0]!, results.loadAverage.after[0]!) > 2
      ? ': the two cores were shared with other work, so wall times are noisy; CPU seconds count this process\'s own work.'
      : '.'}`, '',
    `| step | ${runs.map((r) => r.engine).join(' | ')} | target |`,
    `|---|${runs.map(() => '---|').join('')}---|`,
    `| server | ${runs.map((r) => cell(r, (x) => x.serverVersion)).join(' | ')} | |`,
    `| accounts / orders | ${runs.map((r) => `${n(r.accounts)} / ${n(r.orders)}`).join(' | ')} | |`,
    `| load with COPY (setup) | ${runs.map((r) => cell(r, (x) => `${s(x.loadSeconds)} s`)).join(' | ')} | |`,
    `| rebuild summaries from scratch (\`purchaseHistories.rebuild()\`) | ${runs.map((r) => cell(r, (x) => `${s(x.rebuild.seconds)} s (${n(x.rebuild.accounts)} accounts)`)).join(' | ')} | |`,
    `| read the portfolio as columns (\`portfolioColumns.read()\`) | ${runs.map((r) => cell(r, (x) => `${s(x.readColumns.seconds)} s (${n(x.readColumns.purchaseDays)} purchase days)`)).join(' | ')} | |`,
    `| classify from summaries (\`classifyColumns\`), median wall / CPU of ${runs[0]?.result?.classify?.seconds.length ?? '–'} | ${runs.map((r) => cell(r, (x) => `**${s(median(x.classify.seconds))} s** / ${s(median(x.classify.cpuSeconds))} s CPU (${x.classify.seconds.map(s).join(', ')})`)).join(' | ')} | < 2 s |`,
    `| read summaries into JS (\`purchaseHistories.list()\`) | ${runs.map((r) => cell(r, (x) => `${s(x.readSummaries.seconds)} s (${n(x.readSummaries.purchaseDays)} purchase days, heap ${n(x.readSummaries.heapMiB)} MiB)`)).join(' | ')} | |`,
    `| read account facts (\`analysisFacts.accounts()\`) | ${runs.map((r) => cell(r, (x) => `${s(x.readAccounts.seconds)} s`)).join(' | ')} | |`,
    `| explain every account (\`classifyPortfolio\`: classes with rule sentences and figures, and the portfolio analyses), once | ${runs.map((r) => cell(r, (x) => `${s(x.explain.seconds)} s / ${s(x.explain.cpuSeconds)} s CPU`)).join(' | ')} | |`,
    `| whole run (\`runAnalysis\`: read as columns, fit lifetime value, classify, team and goals, save codes and figures with COPY) | ${runs.map((r) => cell(r, (x) => `${s(x.runAnalysis.seconds)} s (${Object.entries(x.runAnalysis.steps).filter(([k]) => k !== 'preparing').map(([k, v]) => `${k} ${s(v)}`).join('; ')})`)).join(' | ')} | |`,
    `| one new order reflected, p50 / p95 / p99 of ${runs[0]?.result?.newOrder?.latencyMs.samples ?? '–'} | ${runs.map((r) => cell(r, (x) => `**${x.newOrder.latencyMs.p50} / ${x.newOrder.latencyMs.p95} / ${x.newOrder.latencyMs.p99} ms**${x.newOrder.reflected ? '' : ' (NOT reflected)'}`)).join(' | ')} | < 10 ms |`,
    `| one new order: the insert alone (its trigger included), p50 / p99 | ${runs.map((r) => cell(r, (x) => (x.newOrder.insertMs ? `${x.newOrder.insertMs.p50} / ${x.newOrder.insertMs.p99} ms` : '–'))).join(' | ')} | |`,
    `| one new order: the collector's pauses during the samples (count, total, longest) | ${runs.map((r) => cell(r, (x) => (x.newOrder.gcPauses ? `${x.newOrder.gcPauses.count}, ${x.newOrder.gcPauses.totalMs} ms, ${x.newOrder.gcPauses.maxMs} ms` : '–'))).join(' | ')} | |`,
    `| one new order: the five slowest (ms, account's purchase days, other work in the database) | ${runs.map((r) => cell(r, (x) => (x.newOrder.slowest ?? []).map((o) => `${o.ms} (${o.purchaseDays}${o.busy?.length ? `; ${o.busy.join(', ')}` : ''})`).join(', ') || '–')).join(' | ')} | |`,
    `| before the samples: autovacuum waited for; heap after the run; the first order, on cold connections, then ${runs.find((r) => r.result?.newOrder?.warmupOrders)?.result?.newOrder?.warmupOrders ?? '–'} untimed | ${runs.map((r) => cell(r, (x) => (x.newOrder.firstOrderMs === undefined ? '–' : `${x.newOrder.settledSeconds} s; ${x.newOrder.heapAfterRunMiB} MiB; ${x.newOrder.firstOrderMs} ms`))).join(' | ')} | |`,
    `| one account explained when read (\`storedExplanation\`, as GET /accounts/:id/classes), p50 / p99 of ${runs.find((r) => r.result?.explainOnRead)?.result?.explainOnRead.samples ?? 0} | ${runs.map((r) => cell(r, (x) => (x.explainOnRead ? `${s(x.explainOnRead.p50)} / ${s(x.explainOnRead.p99)} ms` : '–'))).join(' | ')} | |`,
    `| peak RSS MiB: rebuild / read columns / classify / run / read objects / explain | ${runs.map((r) => cell(r, (x) => [x.rebuild, x.readColumns, x.classify, x.runAnalysis, x.readSummaries, x.explain].map((y) => (y ? n(y.peakRssMiB) : '–')).join(' / '))).join(' | ')} | |`,
    `| engine process, start to end | ${runs.map((r) => `${r.totalMinutes} min`).join(' | ')} | |`,
    '',
    `"One new order" is ${runs.find((r) => r.result?.newOrder)?.result?.newOrder?.what ?? '–'}.`,
    '',
    ...runs.filter((r) => r.stderrTail).flatMap((r) => [`${r.engine} ${r.error}; the end of its stderr:`, '', '```', r.stderrTail!, '```', '']),
    '## DuckDB reference: the same RFM scores and ABC classes in SQL',
    '',
    `| | ${runs.map((r) => r.engine).join(' | ')} |`,
    `|---|${runs.map(() => '---|').join('')}`,
    `| DuckDB: load the orders CSV (read_csv) | ${runs.map((r) => (r.duckdb ? `${s(r.duckdb.loadSeconds)} s` : '–')).join(' | ')} |`,
    `| DuckDB: RFM + ABC of every account, into a table (${runs[0]?.duckdb?.threads ?? '–'} threads) | ${runs.map((r) => (r.duckdb ? `${s(r.duckdb.computeSeconds)} s` : '–')).join(' | ')} |`,
    `| DuckDB: that table into JS objects | ${runs.map((r) => (r.duckdb ? `${s(r.duckdb.readSeconds)} s` : '–')).join(' | ')} |`,
    `| DuckDB peak RSS | ${runs.map((r) => (r.duckdb ? `${n(r.duckdb.peakRssMiB)} MiB` : '–')).join(' | ')} |`,
    `| ratio: our whole stored run / DuckDB load + RFM + ABC + read | ${runs.map((r) => (r.result?.runAnalysis && r.duckdb ? ratio(r.result.runAnalysis.seconds, r.duckdb.loadSeconds + r.duckdb.computeSeconds + r.duckdb.readSeconds) : '–')).join(' | ')} |`,
    `| ratio: our classify (median) / DuckDB RFM + ABC | ${runs.map((r) => (r.result?.classify && r.duckdb ? ratio(median(r.result.classify.seconds), r.duckdb.computeSeconds) : '–')).join(' | ')} |`,
    `| ratio: our rebuild + read columns + classify / DuckDB RFM + ABC + read | ${runs.map((r) => (r.result?.classify && r.duckdb
      ? ratio(r.result.rebuild.seconds + r.result.readColumns.seconds + median(r.result.classify.seconds), r.duckdb.computeSeconds + r.duckdb.readSeconds)
      : '–')).join(' | ')} |`,
    `| ABC A / B / C / none: ours | ${runs.map((r) => cell(r, (x) => `${n(x.classify.abc.A!)} / ${n(x.classify.abc.B!)} / ${n(x.classify.abc.C!)} / ${n(x.classify.abc.none!)}`)).join(' | ')} |`,
    `| ABC A / B / C / none: DuckDB | ${runs.map((r) => (r.duckdb ? `${n(r.duckdb.abc.A)} / ${n(r.duckdb.abc.B)} / ${n(r.duckdb.abc.C)} / ${n(r.duckdb.abc.none)}` : '–')).join(' | ')} |`,
    `| RFM score counts 1–5 (R; F; M): ours | ${runs.map((r) => cell(r, (x) => ['r', 'f', 'm'].map((k) => x.classify.rfmScoreCounts[k as 'r'].map(n).join(' ')).join('; '))).join(' | ')} |`,
    `| RFM score counts, DuckDB with our rank rule | ${runs.map((r) => (r.duckdb ? ['r', 'f', 'm'].map((k) => r.duckdb!.rfmScoreCounts[k as 'r'].map(n).join(' ')).join('; ') : '–')).join(' | ')} |`,
    `| RFM score counts, DuckDB with NTILE(5) | ${runs.map((r) => (r.duckdb ? ['r', 'f', 'm'].map((k) => r.duckdb!.ntileScoreCounts[k as 'r'].map(n).join(' ')).join('; ') : '–')).join(' | ')} |`,
    `| accounts that differ (ABC; R; F; M), ours against DuckDB's rank rule | ${runs.map((r) => (r.differences ? `${n(r.differences.abc)}; ${n(r.differences.r)}; ${n(r.differences.f)}; ${n(r.differences.m)}` : '–')).join(' | ')} |`,
    '',
  ];
  return `${lines.join('\n')}\n`;
}
