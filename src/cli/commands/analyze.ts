// `clientele analyze`: classifies the portfolio as of a day and prints the report; the run is
// stored, so the API, the web app and the account list read the same classes.
// `clientele snapshot` does the same and keeps the run as history, for movements over time.
import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { type PortfolioReport, portfolioReport } from '../../services/analysis/portfolio-report.js';
import { runAnalysis } from '../../services/analysis/run-analysis.js';
import type { Context } from '../../services/context.js';
import { cents, formatMoney } from '../../domain/money.js';
import { daysWords, FIGURE_LABELS } from '../../domain/figures.js';
import { freshnessOf } from '../../domain/data-freshness.js';
import type { AnalysisRun } from '../../store/repositories/analysis-runs.js';
import { confirm } from '../confirm.js';
import { formatFields, formatTable, print, printJson } from '../format-output.js';
import { count, day, money, percent } from '../locale-format.js';
import { withStore } from '../run-command.js';

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const pct = percent;

function classTable(title: string, counts: Record<string, { accounts: number; revenue: string }>, order: readonly string[] | undefined, currency: string) {
  const keys = order ? order.filter((k) => k in counts) : Object.keys(counts).sort((a, b) => counts[b]!.accounts - counts[a]!.accounts);
  const total = keys.reduce((n, k) => n + counts[k]!.accounts, 0);
  print(`\n${title}`);
  print(formatTable(keys, [['CLASS', (k) => k], ['ACCOUNTS', (k) => count(counts[k]!.accounts)], ['SHARE', (k) => pct(counts[k]!.accounts / total)], ['REVENUE', (k) => money(counts[k]!.revenue, currency)]]));
}

function printReport(report: PortfolioReport) {
  const m = (amount: string | null | undefined) => money(amount, report.currency);
  print(`Portfolio as of ${day(report.run.asOf)} (run ${report.run.id}, ${report.run.kind}), amounts in ${report.currency}`);
  print(formatFields([
    ['Accounts', count(report.accounts)], ['Revenue (ranking period)', m(report.revenue)],
    [FIGURE_LABELS.buyingNow, count(report.buyingNow.accounts)], ['Their average ticket', m(report.buyingNow.averageTicket)],
    ['Their typical time between purchases (median)', report.buyingNow.medianDaysBetweenPurchases === null ? null : daysWords(report.buyingNow.medianDaysBetweenPurchases)],
    ['Accounts with pre-churn signals', count(report.churn.accounts)],
    [FIGURE_LABELS.bigAccountsGoneQuiet, count(report.inactiveValue.A?.accounts ?? 0)],
    [`Revenue share of the top ${pct(report.abc.topShare.accountShare)}`, pct(report.abc.topShare.revenueShare)],
    ['Gini coefficient', report.abc.gini === null ? null : report.abc.gini.toFixed(3)],
  ]));
  const lifetime = report.lifetime as { portfolio?: { expectedPurchases: number; totalClv: string }; settings?: { horizonMonths: number; discountRatePerYear: number }; problem?: string } | null;
  if (lifetime?.portfolio && lifetime.settings) {
    print(formatFields([
      [`Purchases expected over ${lifetime.settings.horizonMonths} months`, count(Math.round(lifetime.portfolio.expectedPurchases))],
      [`Lifetime value over ${lifetime.settings.horizonMonths} months (${pct(lifetime.settings.discountRatePerYear)} a year)`, m(lifetime.portfolio.totalClv)],
    ]));
  } else if (lifetime?.problem) {
    print(`  No lifetime-value model: ${lifetime.problem}`);
  }
  classTable('Status', report.classes.status ?? {}, ['current', 'active', 'inactive', 'potential', 'probable', 'unqualified', 'ex_customer'], report.currency);
  // The Pareto ranks the revenue of the period; inactive accounts without any are ranked apart (docs/inactive-value-class.md).
  classTable('ABC (Pareto)', report.abc.classes, ['A', 'B', 'C'], report.currency);
  classTable(`Inactive accounts by ABC class (ranked among themselves on their last active year; A: ${FIGURE_LABELS.bigAccountsGoneQuiet.toLowerCase()})`,
    report.inactiveValue, ['A', 'B', 'C', 'none'], report.currency);
  classTable('Sales-volume tier', report.classes.volumeTier ?? {}, ['very_high', 'high', 'average', 'low', 'none'], report.currency);
  classTable('Purchase frequency', report.classes.frequency ?? {}, ['frequent', 'regular', 'occasional', 'one_time', 'none'], report.currency);
  classTable('RFM segment', report.classes.rfm ?? {}, undefined, report.currency);
  if (report.inactive.length) {
    print('\nInactive accounts most worth recovering');
    print(formatTable(report.inactive as { accountId: number; name: string; detail?: Record<string, any> }[], [['ID', (i) => i.accountId], ['NAME', (i) => i.name], ['SINCE', (i) => day(i.detail?.inactiveSince)],
      ['LAST BOUGHT', (i) => (i.detail?.lastPurchaseItems ?? []).join(', ')], ['YEARLY AT STAKE', (i) => m(i.detail?.yearlyRevenueAtStake ?? '0.00')],
      ['SCORE', (i) => i.detail?.score?.toFixed(2)]]));
  }
  if (report.churnAccounts.length) {
    print('\nPre-churn signals (largest accounts first)');
    // The reasons are sentences: each goes on its own line under its account.
    const [heading, ...rows] = formatTable(report.churnAccounts, [['ID', (i) => i.accountId], ['NAME', (i) => i.name], ['REVENUE', (i) => m(i.revenue)]]).split('\n');
    print(heading!);
    rows.forEach((row, i) => print([row, ...((report.churnAccounts[i]!.signals ?? []) as { reason: string }[]).map((s) => `      ${s.reason}`)].join('\n')));
  }
  if (report.growth.length) {
    print('\nActive accounts with most room to grow');
    print(formatTable(report.growth as { accountId: number; name: string; revenue: string; detail?: Record<string, any> }[], [['ID', (i) => i.accountId], ['NAME', (i) => i.name], ['REVENUE', (i) => m(i.revenue)],
      ['PEER BENCHMARK', (i) => m(i.detail?.peerBenchmark)], ['POTENTIAL', (i) => m(i.detail?.potential)]]));
  }
  print('\nBy segment');
  print(formatTable(report.sections.segment, [['SEGMENT', (r) => r.key.segment ?? '(none)'], ['ACCOUNTS', (r) => count(r.accounts)], ['REVENUE', (r) => m(r.revenue)],
    ['A/B/C', (r) => `${r.abc.A}/${r.abc.B}/${r.abc.C}`], ['ACTIVE', (r) => pct(r.activeRate)], ['CHURN SIGNALS', (r) => r.accountsWithChurnSignals]]));
  if (report.goals.length) {
    print('\nGoals');
    print(formatTable(report.goals, [['FOR', (g) => g.rep ?? 'Portfolio'], ['GOAL', (g) => g.description], ['MET', (g) => (g.met === null ? '–' : g.met ? 'yes' : 'not yet')]]));
  }
}

/** One row per account of the run, for spreadsheets. */
async function printCsv(ctx: Context, runId: number) {
  const rows = await ctx.store.analysisRuns.accountRows(runId);
  const money = (v: number | null) => (v === null ? '' : formatMoney(cents(Number(v))));
  process.stdout.write(stringify(rows.map((r) => [r.id, r.external_id, r.name, r.owner_id, r.status, r.abc, r.rfm_segment, r.recency_score, r.frequency_score,
    r.monetary_score, r.volume_tier, r.frequency, money(r.revenue_cents), money(r.period_revenue_cents), money(r.average_ticket_cents), r.order_count,
    r.last_purchase, r.churn_signals, r.recovery_score, r.p_alive, money(r.clv_cents)]), {
    header: true,
    columns: ['id', 'external_id', 'name', 'owner_id', 'status', 'abc', 'rfm_segment', 'recency_score', 'frequency_score', 'monetary_score',
      'volume_tier', 'frequency', 'revenue', 'period_revenue', 'average_ticket', 'orders', 'last_purchase', 'churn_signals', 'recovery_score', 'p_alive', 'clv'],
  }));
}

/** The file ends long before the as-of day: every account would look inactive for it. */
function warnStale(run: AnalysisRun, name: string) {
  const days = freshnessOf(run.newestPurchase, run.asOf).daysBehind!;
  process.stderr.write([
    `Note: the newest order on file is from ${run.newestPurchase}, ${days.toLocaleString('en-US')} days before the as-of day ${run.asOf}.`,
    'Accounts look inactive because the file stops there, not because customers did.',
    `To analyse the file as of its own last day: clientele ${name} --as-of ${run.newestPurchase}`,
    '',
  ].join('\n'));
}

function command(name: 'analyze' | 'snapshot', description: string) {
  return new Command(name)
    .description(description)
    .option('--as-of <date>', 'classify as of this day (YYYY-MM-DD), reading nothing after it; today by default')
    .addOption(new Option('--format <format>', 'table (the report), json (the report) or csv (one row per account)').choices(FORMATS).default('table'))
    .action((options: { asOf?: string; format: Format }) => withStore(`clientele ${name}`, async ({ ctx }) => {
      const analyse = (asOf: string | undefined) => runAnalysis(ctx, {
        asOf, kind: name === 'snapshot' ? 'snapshot' : 'run',
        onProgress: (step) => process.stderr.write(`${step}…\n`),
      });
      let run = await analyse(options.asOf);
      if (run.dataStale && run.newestPurchase) {
        warnStale(run, name);
        if (await confirm(`Analyse as of ${run.newestPurchase} instead?`)) run = await analyse(run.newestPurchase);
      }
      if (options.format === 'csv') return printCsv(ctx, run.id);
      const report = await portfolioReport(ctx);
      if (options.format === 'json') return printJson(report);
      printReport(report);
      if (name === 'snapshot') print(`\nSnapshot ${run.id} kept: compare later with GET /api/v1/analysis/movements.`);
    }));
}

export const analyzeCommand = () => command('analyze', 'Classify every account (status, volume tier, frequency, ABC, RFM, churn signals) and print the portfolio report');
export const snapshotCommand = () => command('snapshot', 'Like analyze, and keep the run as a snapshot so movements between classes can be seen later');
