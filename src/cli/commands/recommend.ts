// `clientele recommend account|similar|rules|upsell|evaluate`: cross-sell and up-sell from the
// command line, through the same services and checks as the API.
import { Command } from 'commander';
import { share as percent } from '../../analytics/recommend/wording.js';
import { ClienteleError } from '../../domain/errors.js';
import {
  EvaluationOptionsSchema, RulesQuerySchema, SimilarQuerySchema, SuggestionsQuerySchema, UpsellListQuerySchema,
} from '../../domain/schemas/recommendations.js';
import { getAccount } from '../../services/accounts.js';
import { accountSuggestions, associationRuleList, productsBoughtWith } from '../../services/recommend/cross-sell-views.js';
import { evaluateRecommendations } from '../../services/recommend/evaluate-recommendations.js';
import { RecommendModels } from '../../services/recommend/recommend-models.js';
import { upsellList } from '../../services/recommend/upsell-views.js';
import { formatOption, formatTable, type OutputFormat, print, printJson } from '../format-output.js';
import { runCommand, useStore } from '../run-command.js';
import { validateOptions } from '../validate-options.js';

interface FormatOptions { format: OutputFormat }

/** Numbers as numbers, so the schema checks their range; anything else as typed, so the error quotes it. */
const numeric = (text: string | undefined) => (text !== undefined && /^-?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : text);
const given = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

const idOf = (text: string, what: string) => {
  if (!/^[1-9]\d*$/.test(text)) throw new ClienteleError('bad_request', `The ${what} id must be a whole number, not "${text}".`, 'id');
  return Number(text);
};

const thousands = (n: number) => n.toLocaleString('en-US');

/** The settings' own errors name the API field; on the command line, the option. */
async function namingOptions<T>(work: () => Promise<T>, options: Record<string, string>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const option = error instanceof ClienteleError && error.field ? options[error.field] : undefined;
    if (!option) throw error;
    const { message, field } = error as ClienteleError;
    // The value came from the command line: a usage error, like every other bad flag.
    throw new ClienteleError('bad_request', message.replace(field!, option), field, { cause: error });
  }
}

function accountCommand(): Command {
  return new Command('account')
    .description('What to offer an account next: products it has not bought that accounts buying the same products bought, with the reasons')
    .argument('<id>', 'account id')
    .option('--limit <n>', 'suggestions, 1 to 50', '5')
    .addOption(formatOption())
    .action((idText: string, options: FormatOptions & { limit: string }) => runCommand(async () => {
      const id = idOf(idText, 'account');
      const query = validateOptions(SuggestionsQuerySchema, { limit: numeric(options.limit) });
      await useStore('clientele recommend account', async ({ ctx, store }) => {
        const account = await getAccount(ctx, id);
        const answer = await accountSuggestions(ctx, new RecommendModels(store), id, query);
        if (options.format === 'json') return printJson(answer);
        print(`Suggestions for account ${id} (${account.name}), learned from ${thousands(answer.model.accounts)} buying accounts:`);
        if (!answer.items.length) return print('None: no product is sold that this account has not bought.');
        const [heading, ...rows] = formatTable(answer.items, [
          ['PRODUCT', (s) => s.productId], ['SKU', (s) => s.sku], ['NAME', (s) => s.name], ['CATEGORY', (s) => s.category],
        ]).split('\n');
        print(heading!);
        rows.forEach((row, i) => print(`${row}\n      ${answer.items[i]!.reason}`));
      });
    }));
}

function similarCommand(): Command {
  return new Command('similar')
    .description('Products bought by the same accounts as this one, most alike first')
    .argument('<id>', 'product id')
    .option('--limit <n>', 'products, 1 to 50', '10')
    .addOption(formatOption())
    .action((idText: string, options: FormatOptions & { limit: string }) => runCommand(async () => {
      const id = idOf(idText, 'product');
      const query = validateOptions(SimilarQuerySchema, { limit: numeric(options.limit) });
      await useStore('clientele recommend similar', async ({ ctx, store }) => {
        const answer = await productsBoughtWith(ctx, new RecommendModels(store), id, query);
        if (options.format === 'json') return printJson(answer);
        print(`Bought by the same accounts as product ${id} (${answer.product.name}):`);
        if (!answer.items.length) return print('None: too few accounts bought it along with another product.');
        print(formatTable(answer.items, [
          ['PRODUCT', (p) => p.productId], ['NAME', (p) => p.name], ['CATEGORY', (p) => p.category],
          ['TOGETHER', (p) => p.together], ['SIMILARITY', (p) => p.cosine.toFixed(3)], ['SOLD', (p) => (p.active ? 'yes' : 'no')],
        ]));
      });
    }));
}

function rulesCommand(): Command {
  return new Command('rules')
    .description('Association rules "accounts that bought X also bought Y", highest lift first')
    .option('--min-support <share>', 'fewest accounts that bought both, as a share of all accounts (default 0.001)')
    .option('--min-confidence <share>', 'fewest of the buyers of X that also bought Y, as a share (default 0.1)')
    .option('--limit <n>', 'rules, 1 to 500', '50')
    .addOption(formatOption())
    .action((options: FormatOptions & { minSupport?: string; minConfidence?: string; limit: string }) => runCommand(async () => {
      const query = validateOptions(RulesQuerySchema, given({
        minSupport: numeric(options.minSupport), minConfidence: numeric(options.minConfidence), limit: numeric(options.limit),
      }));
      await useStore('clientele recommend rules', async ({ ctx, store }) => {
        const answer = await namingOptions(() => associationRuleList(ctx, new RecommendModels(store), query),
          { minSupport: '--min-support', minConfidence: '--min-confidence' });
        if (options.format === 'json') return printJson(answer);
        print(`${thousands(answer.total)} rules with support from ${percent(answer.minSupport)} and confidence from ${percent(answer.minConfidence)}, `
          + `over ${thousands(answer.model.accounts)} buying accounts:`);
        if (!answer.items.length) return;
        print(formatTable(answer.items, [
          ['LIFT', (r) => r.lift.toFixed(2)], ['CONFIDENCE', (r) => percent(r.confidence)], ['SUPPORT', (r) => percent(r.support)],
          ['ACCOUNTS', (r) => r.accounts], ['BOUGHT', (r) => r.antecedent.name], ['ALSO BOUGHT', (r) => r.consequent.name],
        ]));
        if (answer.total > answer.items.length) print(`\nShowing ${answer.items.length} of ${thousands(answer.total)}; raise --limit or --min-confidence.`);
      });
    }));
}

function upsellCommand(): Command {
  return new Command('upsell')
    .description('Accounts spending well below alike accounts in a category over the last 12 months, largest shortfall first')
    .option('--as-of <day>', 'last day of the 12 months, YYYY-MM-DD (default today)')
    .option('--limit <n>', 'rows, 1 to 500', '50')
    .addOption(formatOption())
    .action((options: FormatOptions & { asOf?: string; limit: string }) => runCommand(async () => {
      const query = validateOptions(UpsellListQuerySchema, given({ asOf: options.asOf, limit: numeric(options.limit) }));
      await useStore('clientele recommend upsell', async ({ ctx, store }) => {
        const answer = await namingOptions(() => upsellList(ctx, new RecommendModels(store), query), { asOf: '--as-of' });
        if (options.format === 'json') return printJson(answer);
        print(`Up-sell from ${answer.period.from} to ${answer.period.to}: ${thousands(answer.total)} categories well below alike accounts.`);
        if (!answer.items.length) return;
        const [heading, ...rows] = formatTable(answer.items, [
          ['ACCOUNT', (o) => o.accountId], ['NAME', (o) => o.accountName], ['CATEGORY', (o) => o.category],
          ['SPENT', (o) => o.spent], ['PEER MEDIAN', (o) => o.peerMedian], ['SHORTFALL', (o) => o.shortfall],
        ]).split('\n');
        print(heading!);
        rows.forEach((row, i) => print(`${row}\n      ${answer.items[i]!.reason}`));
        if (answer.hasMore) print(`\nShowing ${answer.items.length} of ${thousands(answer.total)}; raise --limit.`);
      });
    }));
}

function evaluateCommand(): Command {
  return new Command('evaluate')
    .description('Check the suggestions against what accounts went on to buy: learn from the orders before the cut-off, test on the orders from it, against the most popular products')
    .requiredOption('--cutoff <day>', 'YYYY-MM-DD: orders before this day teach, orders from it test')
    .option('--k <n>', 'length of the lists compared, 1 to 50', '5')
    .addOption(formatOption())
    .action((options: FormatOptions & { cutoff: string; k: string }) => runCommand(async () => {
      const query = validateOptions(EvaluationOptionsSchema, { cutoff: options.cutoff, k: numeric(options.k) });
      await useStore('clientele recommend evaluate', async ({ ctx }) => {
        const result = await namingOptions(() => evaluateRecommendations(ctx, query), { cutoff: '--cutoff' });
        if (options.format === 'json') return printJson(result);
        const k = result.k;
        print(`Learned from the orders before ${result.cutoff} of ${thousands(result.trainAccounts)} buying accounts; `
          + `evaluated on the ${thousands(result.accounts)} of them that bought something new from then on (${thousands(result.sellableProducts)} products still sold).`);
        print(formatTable([['suggestions', result.recommender], ['most popular', result.baseline]] as const, [
          ['', ([name]) => name], [`PRECISION@${k}`, ([, s]) => s.precisionAtK.toFixed(3)], [`RECALL@${k}`, ([, s]) => s.recallAtK.toFixed(3)],
          ['HITS', ([, s]) => s.hits],
        ]));
        const gain = (ours: number, theirs: number) => (theirs > 0 ? `${Math.round((ours / theirs - 1) * 100)} %` : 'n/a');
        if (result.accounts > 0) {
          print(`Against the most popular products: precision ${gain(result.recommender.precisionAtK, result.baseline.precisionAtK)}, `
            + `recall ${gain(result.recommender.recallAtK, result.baseline.recallAtK)}.`);
        }
      });
    }));
}

export function recommendCommand(): Command {
  return new Command('recommend')
    .addCommand(accountCommand())
    .addCommand(similarCommand())
    .addCommand(rulesCommand())
    .addCommand(upsellCommand())
    .addCommand(evaluateCommand());
}
