// `clientele analyze`: classifies the portfolio as of a day and prints the report; the run is
// stored, so the API, the web app and the account list read the same classes.
// `clientele snapshot` does the same and keeps the run as history, for movements over time.
import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { type PortfolioReport, portfolioReport } from '../../services/analysis/portfolio-report.js';
import { resolveAsOf, runAnalysis } from '../../services/analysis/run-analysis.js';
import type { Context } from '../../services/context.js';
import { cents, formatMoney } from '../../domain/money.js';
import { freshnessOf } from '../../domain/data-freshness.js';
import type { AnalysisRun } from '../../store/repositories/analysis-runs.js';
import { confirm } from '../confirm.js';
import { formatFields, formatTable, print, printJson } from '../format-output.js';
import { count, day, days, money, percent } from '../locale-format.js';
import { label, t } from '../language.js';
import { withStore } from '../run-command.js';

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const pct = percent;

/** `group` names the classes' labels (src/domain/i18n): the table shows "Very high", never very_high. */
function classTable(title: string, group: string, counts: Record<string, { accounts: number; revenue: string }>, order: readonly string[] | undefined, currency: string) {
  const keys = order ? order.filter((k) => k in counts) : Object.keys(counts).sort((a, b) => counts[b]!.accounts - counts[a]!.accounts);
  const total = keys.reduce((n, k) => n + counts[k]!.accounts, 0);
  print(`\n${title}`);
  print(formatTable(keys, [[t('cli.report.columns.class'), (k) => label(group, k)], [t('cli.report.columns.accounts'), (k) => count(counts[k]!.accounts)], [t('cli.report.columns.share'), (k) => pct(counts[k]!.accounts / total)], [t('cli.report.columns.revenue'), (k) => money(counts[k]!.revenue, currency)]]));
}

function printReport(report: PortfolioReport) {
  const m = (amount: string | null | undefined) => money(amount, report.currency);
  print(t('cli.report.heading', { asOf: day(report.run.asOf), run: report.run.id, kind: t(`cli.report.runKind.${report.run.kind}`), currency: report.currency }));
  print(formatFields([
    [t('cli.report.accounts'), count(report.accounts)], [t('cli.report.revenue'), m(report.revenue)],
    [t('figures.buyingNow'), count(report.buyingNow.accounts)], [t('cli.report.averageTicket'), m(report.buyingNow.averageTicket)],
    [t('cli.report.typicalGap'), report.buyingNow.medianDaysBetweenPurchases === null ? null : days(report.buyingNow.medianDaysBetweenPurchases)],
    [t('cli.report.churnAccounts'), count(report.churn.accounts)],
    [t('figures.bigAccountsGoneQuiet'), count(report.inactiveValue.A?.accounts ?? 0)],
    [t('cli.report.topShare', { share: pct(report.abc.topShare.accountShare) }), pct(report.abc.topShare.revenueShare)],
    [t('cli.report.gini'), report.abc.gini === null ? null : report.abc.gini.toFixed(3)],
  ]));
  const lifetime = report.lifetime as { portfolio?: { expectedPurchases: number; totalClv: string }; settings?: { horizonMonths: number; discountRatePerYear: number }; problem?: string } | null;
  if (lifetime?.portfolio && lifetime.settings) {
    print(formatFields([
      [t('cli.report.expectedPurchases', { months: lifetime.settings.horizonMonths }), count(Math.round(lifetime.portfolio.expectedPurchases))],
      [t('cli.report.lifetimeValue', { months: lifetime.settings.horizonMonths, rate: pct(lifetime.settings.discountRatePerYear) }), m(lifetime.portfolio.totalClv)],
    ]));
  } else if (lifetime?.problem) {
    print(`  ${t('cli.report.noLifetimeModel', { problem: lifetime.problem })}`);
  }
  classTable(t('cli.report.status'), 'activity', report.classes.status ?? {}, ['current', 'active', 'inactive', 'potential', 'probable', 'unqualified', 'ex_customer'], report.currency);
  // The Pareto ranks the revenue of the period; inactive accounts without any are ranked apart (docs/inactive-value-class.md).
  classTable(t('cli.report.abc'), 'abc', report.abc.classes, ['A', 'B', 'C'], report.currency);
  classTable(t('cli.report.inactiveAbc', { quiet: t('figures.bigAccountsGoneQuiet').toLowerCase() }), 'abc',
    report.inactiveValue, ['A', 'B', 'C', 'none'], report.currency);
  classTable(t('cli.report.volumeTier'), 'volumeTier', report.classes.volumeTier ?? {}, ['very_high', 'high', 'average', 'low', 'none'], report.currency);
  classTable(t('cli.report.frequency'), 'frequency', report.classes.frequency ?? {}, ['frequent', 'regular', 'occasional', 'one_time', 'none'], report.currency);
  classTable(t('cli.report.rfm'), 'rfm', report.classes.rfm ?? {}, undefined, report.currency);
  if (report.inactive.length) {
    print(`\n${t('cli.report.recover')}`);
    print(formatTable(report.inactive, [[t('cli.report.columns.id'), (i) => i.accountId], [t('cli.report.columns.name'), (i) => i.name], [t('cli.report.columns.since'), (i) => day(i.detail?.inactiveSince)],
      [t('cli.report.columns.lastBought'), (i) => (i.detail?.lastPurchaseItems ?? []).join(', ')], [t('cli.report.columns.yearlyAtStake'), (i) => m(i.detail?.yearlyRevenueAtStake ?? '0.00')],
      [t('cli.report.columns.score'), (i) => i.detail?.score?.toFixed(2)]]));
  }
  if (report.churnAccounts.length) {
    print(`\n${t('cli.report.churn')}`);
    // The reasons are sentences: each goes on its own line under its account.
    const [heading, ...rows] = formatTable(report.churnAccounts, [[t('cli.report.columns.id'), (i) => i.accountId], [t('cli.report.columns.name'), (i) => i.name], [t('cli.report.columns.revenue'), (i) => m(i.revenue)]]).split('\n');
    print(heading!);
    rows.forEach((row, i) => print([row, ...report.churnAccounts[i]!.signals.map((s) => `      ${s.reason}`)].join('\n')));
  }
  if (report.growth.length) {
    print(`\n${t('cli.report.growth')}`);
    print(formatTable(report.growth, [[t('cli.report.columns.id'), (i) => i.accountId], [t('cli.report.columns.name'), (i) => i.name], [t('cli.report.columns.revenue'), (i) => m(i.revenue)],
      [t('cli.report.columns.peerBenchmark'), (i) => m(i.detail?.peerBenchmark)], [t('cli.report.columns.potential'), (i) => m(i.detail?.potential)]]));
  }
  print(`\n${t('cli.report.bySegment')}`);
  print(formatTable(report.sections.segment, [[t('cli.report.columns.segment'), (r) => r.key.segment ?? t('cli.none')], [t('cli.report.columns.accounts'), (r) => count(r.accounts)], [t('cli.report.columns.revenue'), (r) => m(r.revenue)],
    ['A/B/C', (r) => `${r.abc.A}/${r.abc.B}/${r.abc.C}`], [t('cli.report.columns.active'), (r) => pct(r.activeRate)], [t('cli.report.columns.churnSignals'), (r) => r.accountsWithChurnSignals]]));
  if (report.goals.length) {
    print(`\n${t('cli.report.goals')}`);
    print(formatTable(report.goals, [[t('cli.report.columns.for'), (g) => g.rep ?? t('cli.report.portfolio')], [t('cli.report.columns.goal'), (g) => g.description], [t('cli.report.columns.met'), (g) => (g.met === null ? '–' : g.met ? t('cli.report.met') : t('cli.report.notYet'))]]));
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

function command(name: 'analyze' | 'snapshot') {
  return new Command(name)
    .option('--as-of <date>', 'classify as of this day (YYYY-MM-DD), reading nothing after it; today by default')
    .addOption(new Option('--format <format>', 'table (the report), json (the report) or csv (one row per account)').choices(FORMATS).default('table'))
    // A mistyped day fails before the store is opened.
    .hook('preAction', (self) => { if (self.opts().asOf !== undefined) resolveAsOf(self.opts().asOf, new Date()); })
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
      if (name === 'snapshot') print(`\n${t('cli.report.snapshotKept', { id: run.id })}`);
    }));
}

export const analyzeCommand = () => command('analyze');
export const snapshotCommand = () => command('snapshot');
