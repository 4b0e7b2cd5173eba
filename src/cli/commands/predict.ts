// `clientele predict`: fit the lifetime-value models on the portfolio as of a day, then print
// the fitted parameters, the portfolio's totals and the accounts worth most.
import { Command, Option } from 'commander';
import type { AccountPrediction } from '../../analytics/clv/predict-portfolio.js';
import { ClienteleError } from '../../domain/errors.js';
import { formatMoney } from '../../domain/money.js';
import { CLV_DEFAULTS, CLV_UNITS, ClvQuerySchema } from '../../domain/schemas/clv.js';
import { CLV_UNIT_OF, settingsView } from '../../services/clv/clv-settings.js';
import { requireDay } from '../../domain/date-range.js';
import { accountPredictionView, portfolioView } from '../../services/clv/clv-views.js';
import { predictLifetimeValues } from '../../services/clv/lifetime-value.js';
import { formatFields, formatOption, formatTable, type OutputFormat, print, printJson } from '../format-output.js';
import { correlationLine, estimateLines } from '../model-estimates.js';
import { baseCurrency } from '../../services/currency.js';
import { count, money } from '../locale-format.js';
import { runCommand, useStore } from '../run-command.js';
import { validateOptions } from '../validate-options.js';

interface Options {
  asOf?: string;
  unit: string;
  horizon: string;
  discountRate: string;
  limit: string;
  format: OutputFormat;
}

const OPTION_OF = { asOf: '--as-of', horizonMonths: '--horizon', discountRate: '--discount-rate' };

/** "12m", "2y" or a bare number of months. */
function parseHorizon(text: string): number {
  const match = /^\s*(\d+)\s*(m|mo|months?|y|years?)?\s*$/i.exec(text);
  if (!match) throw new ClienteleError('bad_request', `--horizon must be whole months like 12m, or years like 2y, not "${text}".`, 'horizonMonths');
  return Number(match[1]) * (/^y/i.test(match[2] ?? '') ? 12 : 1);
}

const numeric = (text: string) => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

export function predictCommand(): Command {
  return new Command('predict')
    .option('--as-of <date>', 'look from this day (YYYY-MM-DD); later orders are not read (default today)')
    .addOption(new Option('--unit <unit>', 'unit of time the model counts in').choices(CLV_UNITS).default(CLV_DEFAULTS.unit))
    .option('--horizon <months>', 'how far ahead: 12m, 18m, 2y…', `${CLV_DEFAULTS.horizonMonths}m`)
    .option('--discount-rate <rate>', 'annual discount rate of future purchases, 0.1 for 10 %', String(CLV_DEFAULTS.discountRate))
    .option('--limit <n>', 'accounts to list, highest CLV first', '20')
    .addOption(formatOption())
    .action((options: Options) => runCommand(async () => {
      if (options.asOf !== undefined) requireDay(options.asOf, '--as-of');
      const discountRate = numeric(options.discountRate);
      if (typeof discountRate === 'number' && discountRate <= -1) {
        throw new ClienteleError('bad_request', `--discount-rate must be above -1 (a rate of −100 % or less makes no sense), not "${options.discountRate}".`, 'discountRate');
      }
      const query = validateOptions(ClvQuerySchema, {
        ...(options.asOf !== undefined && { asOf: options.asOf }), unit: options.unit,
        horizonMonths: parseHorizon(options.horizon), discountRate,
      }, OPTION_OF);
      const limit = Number(options.limit);
      if (!/^\d+$/.test(options.limit) || limit > 100_000) throw new ClienteleError('bad_request', `--limit must be a whole number from 0 to 100000, not "${options.limit}".`, 'limit');
      await useStore('clientele predict', async ({ ctx }) => {
        const prediction = await predictLifetimeValues(ctx, query);
        const currency = await baseCurrency(ctx.store);
        const top = [...prediction.accounts].sort((p, q) => q.clv - p.clv || p.accountId - q.accountId).slice(0, limit);
        const names = new Map<number, string>();
        for (const { accountId } of top) names.set(accountId, (await ctx.store.accounts.get(accountId))?.name ?? '');
        const accounts = top.map((p: AccountPrediction) => ({ accountId: p.accountId, name: names.get(p.accountId)!, ...accountPredictionView(p) }));
        const { model } = prediction;
        const settings = settingsView(prediction.settings);
        if (options.format === 'json') {
          return printJson({ settings, model: { ...model, unit: CLV_UNIT_OF[model.unit] }, portfolio: portfolioView(prediction.portfolio), accounts });
        }
        const unit = CLV_UNIT_OF[model.unit];
        print(`Lifetime value as of ${settings.asOf}, over ${settings.horizonMonths} months, discounted at ${percent(settings.discountRate)} a year; time in ${unit}s.\n`);
        print(estimateLines(`BG/NBD: purchases and silent dropout, fitted on ${model.customers.toLocaleString('en-US')} customers (${model.repeatCustomers.toLocaleString('en-US')} bought again)`,
          model.bgnbd, { alpha: `(${unit}s)` }));
        print('');
        print(estimateLines(`Gamma-Gamma: value per purchase, fitted on ${model.gammaGamma.customers.toLocaleString('en-US')} repeat buyers`,
          model.gammaGamma, { gamma: '(cents)' }));
        print(correlationLine(model.frequencyMonetary));
        const totals = prediction.portfolio;
        print(`\nPortfolio over the next ${settings.horizonMonths} months`);
        print(formatFields([
          ['customers', count(totals.customers)],
          ['expected purchases', totals.expectedPurchases.toFixed(1)],
          ['expected still buying', totals.expectedAliveCustomers.toFixed(1)],
          ['total CLV', money(formatMoney(totals.totalClv), currency)],
        ]));
        if (!accounts.length) return;
        print(`\n${accounts.length === totals.customers ? 'Accounts' : `Top ${accounts.length} of ${totals.customers.toLocaleString('en-US')} accounts`} by CLV`);
        print(formatTable(accounts, [
          ['ID', (a) => a.accountId], ['NAME', (a) => a.name], ['P(ALIVE)', (a) => a.pAlive.toFixed(3)],
          ['EXP. PURCHASES', (a) => a.expectedPurchases.toFixed(2)], ['NEXT PURCHASE', (a) => a.expectedNextPurchaseOn ?? ''],
          ['CLV', (a) => money(a.clv, currency)],
        ]));
      });
    }));
}
