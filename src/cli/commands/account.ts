// `clientele account add|list|show|timeline`: the customer file from the command line, through the
// same services and checks as the API.
import { Command } from 'commander';
import {
  ACCOUNT_KINDS, ACCOUNT_SIZES, ACCOUNT_STATUSES, RELATIONSHIP_TYPES, TIMELINE_KINDS,
} from '../../domain/customer-file.js';
import { ClienteleError } from '../../domain/errors.js';
import { type Account, AccountCreateSchema, AccountListQuerySchema } from '../../domain/schemas/account.js';
import { type TimelineEntry, TimelineQuerySchema } from '../../domain/schemas/timeline.js';
import { accountTimeline, createAccount, getAccount, listAccounts } from '../../services/accounts.js';
import { accountClasses } from '../../services/analysis/analysis-views.js';
import { BUYING_NOW_FILTER } from '../../domain/figures.js';
import { contacts } from '../../services/contacts.js';
import { baseCurrency } from '../../services/currency.js';
import type { Context } from '../../services/context.js';
import { users } from '../../services/users.js';
import { formatFields, formatOption, formatTable, type OutputFormat, print, printJson, shortTime } from '../format-output.js';
import { label, t } from '../language.js';
import { count, day, days, money, orderAmountWords } from '../locale-format.js';
import { runCommand, useStore } from '../run-command.js';
import { timelineWords } from '../../domain/i18n/timeline-words.js';
import { validateOptions } from '../validate-options.js';

/** API fields set by an option of another name. */
const OPTION_OF = { ownerId: '--owner-email', hasInterest: '--interest', hasFinancialCapacity: '--financial-capacity' };

const dropUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const tagList = (text: string | undefined) => text?.split(',').map((t) => t.trim()).filter(Boolean);

async function ownerIdOf(ctx: Context, email: string | undefined): Promise<number | undefined> {
  if (email === undefined) return undefined;
  const owner = await ctx.store.users.getByEmail(email);
  if (!owner) throw new ClienteleError('invalid', `--owner-email: no user has the email ${email}; see \`clientele user list\`.`, 'ownerId');
  return owner.id;
}

async function ownerEmails(ctx: Context): Promise<Map<number, string>> {
  return new Map((await users.listFull(ctx)).map((u) => [u.id, u.email]));
}

interface AddOptions {
  name: string; kind?: string; status?: string; sector?: string; segment?: string; size?: string; relationshipType?: string;
  country?: string; region?: string; city?: string; postalCode?: string; website?: string; email?: string; phone?: string;
  ownerEmail?: string; tags?: string; externalId?: string; interest?: boolean; financialCapacity?: boolean; format: OutputFormat;
}

interface ListOptions {
  status?: string; ownerEmail?: string; q?: string; country?: string; segment?: string; sector?: string; tags?: string;
  sort?: string; limit?: string; cursor?: string; format: OutputFormat;
}

function addCommand(): Command {
  return new Command('add')
    .description('Add an account')
    .requiredOption('--name <name>', 'company or person name')
    .option('--kind <kind>', ACCOUNT_KINDS.join(' or '))
    .option('--status <status>', `${ACCOUNT_STATUSES.join(', ')} (default prospect)`)
    .option('--country <code>', 'ISO 3166-1 alpha-2 code, e.g. FR')
    .option('--region <region>', 'region or state')
    .option('--city <city>', 'city')
    .option('--postal-code <code>', 'postal code')
    .option('--sector <sector>', 'business sector, e.g. retail')
    .option('--segment <segment>', 'market segment')
    .option('--size <size>', ACCOUNT_SIZES.join(', '))
    .option('--relationship-type <type>', RELATIONSHIP_TYPES.join(', '))
    .option('--website <url>', 'web site')
    .option('--email <email>', 'general email address')
    .option('--phone <phone>', 'main phone number')
    .option('--owner-email <email>', 'email of the user who owns the account')
    .option('--tags <list>', 'comma-separated tags, e.g. vip,export')
    .option('--external-id <id>', 'identifier in another system')
    .option('--interest', 'has shown interest')
    .option('--financial-capacity', 'has the means to buy')
    .addOption(formatOption())
    .action((options: AddOptions) => runCommand(async () => {
      const fields = dropUndefined({
        name: options.name, kind: options.kind, status: options.status, sector: options.sector, segment: options.segment,
        size: options.size, relationshipType: options.relationshipType, country: options.country?.toUpperCase(),
        region: options.region, city: options.city, postalCode: options.postalCode, website: options.website,
        email: options.email, phone: options.phone, tags: tagList(options.tags), externalId: options.externalId,
        hasInterest: options.interest, hasFinancialCapacity: options.financialCapacity,
      });
      validateOptions(AccountCreateSchema, fields, OPTION_OF);
      await useStore('clientele account add', async ({ ctx }) => {
        const input = validateOptions(AccountCreateSchema, dropUndefined({ ...fields, ownerId: await ownerIdOf(ctx, options.ownerEmail) }), OPTION_OF);
        const account = await createAccount(ctx, input);
        if (options.format === 'json') printJson(account);
        else print(t('cli.account.added', { id: account.id, name: account.name, status: label('accountStatus', account.status) }));
      });
    }));
}

function listCommand(): Command {
  return new Command('list')
    .description('List accounts, filtered and searched like the API does')
    .option('--status <status>', `${ACCOUNT_STATUSES.join(', ')}; or a class of the latest analysis (current, active, inactive…); or ${BUYING_NOW_FILTER}, the accounts buying now`)
    .option('--owner-email <email>', 'accounts owned by this user')
    .option('--q <text>', 'free-text search over names, emails and phones, contacts included')
    .option('--country <code>', 'ISO 3166-1 alpha-2 code')
    .option('--segment <segment>', 'market segment')
    .option('--sector <sector>', 'business sector')
    .option('--tags <list>', 'comma-separated; accounts carrying all of them')
    .option('--sort <key>', 'name, -name, createdAt, -createdAt, updatedAt or -updatedAt')
    .option('--limit <n>', 'accounts per page, 1 to 500', '50')
    .option('--cursor <cursor>', 'the next page, as given at the end of the previous one')
    .addOption(formatOption())
    .action((options: ListOptions) => runCommand(async () => {
      const limit = /^\d+$/.test(options.limit ?? '') ? Number(options.limit) : options.limit;
      const fields = dropUndefined({
        status: options.status, q: options.q, country: options.country?.toUpperCase(), segment: options.segment,
        sector: options.sector, tags: options.tags, sort: options.sort, limit, cursor: options.cursor,
      });
      validateOptions(AccountListQuerySchema, fields, OPTION_OF);
      await useStore('clientele account list', async ({ ctx }) => {
        const query = validateOptions(AccountListQuerySchema, dropUndefined({ ...fields, ownerId: await ownerIdOf(ctx, options.ownerEmail) }), OPTION_OF);
        const page = await listAccounts(ctx, query);
        if (options.format === 'json') return printJson(page);
        const owners = await ownerEmails(ctx);
        print(formatTable(page.items, [
          [t('cli.account.columns.id'), (a: Account) => a.id], [t('cli.account.columns.name'), (a) => a.name],
          [t('cli.account.columns.status'), (a) => label('accountStatus', a.status)], [t('cli.account.columns.country'), (a) => a.country],
          [t('cli.account.columns.city'), (a) => a.city], [t('cli.account.columns.segment'), (a) => a.segment],
          [t('cli.account.columns.owner'), (a) => (a.ownerId ? owners.get(a.ownerId) : '')],
        ]));
        if (page.nextCursor) print(`\n${t('cli.account.more', { cursor: page.nextCursor })}`);
      });
    }));
}

type AccountClasses = Awaited<ReturnType<typeof accountClasses>>;

/** The account's classes in the latest analysis, or why there are none (never analysed, or created since). */
async function analysedFigures(ctx: Context, id: number): Promise<{ classes: AccountClasses | null; missing?: string }> {
  try {
    return { classes: await accountClasses(ctx, id) };
  } catch (error) {
    if (error instanceof ClienteleError && error.code === 'not_found') return { classes: null, missing: error.message };
    throw error;
  }
}

/** A class in words with the rule that placed the account in it, as the profile shows them. */
function ruled(group: string, reason: { class?: string; rule?: string } | null | undefined): string {
  const name = label(group, reason?.class);
  return reason?.rule ? `${name}: ${reason.rule}` : name;
}

/** The figures the profile page shows beside the classes, under the same labels. */
function printAnalysedFigures({ classes, missing }: { classes: AccountClasses | null; missing?: string }) {
  if (!classes) {
    print(`\n${t('cli.account.noFigures', { why: missing })}`);
    return;
  }
  const summary = classes.summary as { revenueLast12Months: string; lastPurchase: string | null; medianGapDays: number | null; orderCount: number };
  print(`\n${t('cli.account.figuresAsOf', { asOf: day(classes.run.asOf), currency: classes.currency })}`);
  print(formatFields([
    [t('cli.account.revenue12'), money(summary.revenueLast12Months, classes.currency)],
    [t('cli.account.lastPurchase'), summary.lastPurchase ? day(summary.lastPurchase) : t('cli.never')],
    [t('figures.timeBetweenPurchases'), summary.medianGapDays === null ? null : days(summary.medianGapDays)],
    [t('cli.account.orders'), count(summary.orderCount)],
    [t('cli.account.activity'), ruled('activity', classes.status)], [t('cli.account.abc'), ruled('abc', classes.abc)],
    [t('cli.account.frequency'), ruled('frequency', classes.frequency)],
  ]));
}

function showCommand(): Command {
  return new Command('show')
    .description('Show an account with its contacts and latest activity')
    .argument('<id>', 'account id')
    .option('--activity <n>', 'how many timeline entries to show', '10')
    .addOption(formatOption())
    .action((idText: string, options: { activity: string; format: OutputFormat }) => runCommand(async () => {
      if (!/^[1-9]\d*$/.test(idText)) throw new ClienteleError('bad_request', `The account id must be a whole number, not "${idText}".`, 'id');
      const activity = Number(options.activity);
      if (!Number.isInteger(activity) || activity < 1 || activity > 200) {
        throw new ClienteleError('bad_request', `--activity must be a whole number from 1 to 200, not "${options.activity}".`, 'activity');
      }
      const id = Number(idText);
      await useStore('clientele account show', async ({ ctx }) => {
        const account = await getAccount(ctx, id);
        const people = await contacts.list(ctx, { accountId: id, limit: 100 });
        const timeline = await accountTimeline(ctx, id, { limit: activity });
        const analysed = await analysedFigures(ctx, id);
        if (options.format === 'json') return printJson({ account, contacts: people.items, timeline: timeline.items, classes: analysed.classes });
        const owner = account.ownerId ? (await ctx.store.users.get(account.ownerId))?.email : null;
        print(t('cli.account.heading', { id: account.id, name: account.name }));
        print(formatFields([
          [t('labels.field.status'), t('cli.account.statusSince', { status: label('accountStatus', account.status), day: account.statusChangedAt.slice(0, 10) })],
          [t('labels.field.kind'), label('accountKind', account.kind)], [t('labels.field.sector'), account.sector], [t('labels.field.segment'), account.segment],
          [t('labels.field.size'), label('accountSize', account.size)], [t('cli.account.relationship'), label('relationshipType', account.relationshipType)],
          [t('cli.account.address'), [account.postalCode, account.city, account.region, account.country].filter(Boolean).join(', ')],
          [t('labels.field.email'), account.email], [t('labels.field.phone'), account.phone], [t('labels.field.website'), account.website],
          [t('labels.field.ownerId'), owner], [t('labels.field.tags'), account.tags.join(', ')], [t('labels.field.externalId'), account.externalId],
          [t('cli.account.created'), shortTime(account.createdAt)],
        ]));
        printAnalysedFigures(analysed);
        print(`\n${t('cli.account.contacts', { count: `${people.items.length}${people.nextCursor ? '+' : ''}` })}`);
        if (people.items.length) {
          print(formatTable(people.items, [
            [t('cli.account.columns.id'), (c) => c.id], [t('cli.account.columns.name'), (c) => [c.firstName, c.lastName].filter(Boolean).join(' ')],
            [t('cli.account.columns.jobTitle'), (c) => c.jobTitle], [t('cli.account.columns.email'), (c) => c.email],
            [t('cli.account.columns.phone'), (c) => c.phone], [t('cli.account.columns.prefers'), (c) => label('channel', c.preferredChannel)],
          ]));
        }
        print(`\n${t('cli.account.latestActivity', { count: timeline.items.length })}`);
        if (timeline.items.length) print(await timelineTable(ctx, timeline.items));
      });
    }));
}

/** Timeline entries as a table, worded in the reader's language. */
async function timelineTable(ctx: Context, items: TimelineEntry[]): Promise<string> {
  const currency = await baseCurrency(ctx.store);
  const entries = items.map((e) => ({ ...e, ...timelineWords(e, t, (total) => `${total} ${currency}`) }));
  return formatTable(entries, [
    [t('cli.account.columns.when'), (e) => shortTime(e.at)], [t('cli.account.columns.kind'), (e) => label('timelineKind', e.kind)],
    [t('cli.account.columns.what'), (e) => e.title], [t('cli.account.columns.detail'), (e) => (e.amount ? orderAmountWords(e.amount) : e.detail)],
  ]);
}

function timelineCommand(): Command {
  return new Command('timeline')
    .description("An account's history, newest first, a page at a time")
    .argument('<id>', 'account id')
    .option('--limit <n>', 'entries per page, 1 to 200', '50')
    .option('--cursor <cursor>', 'the next (older) page, as given at the end of the previous one')
    .option('--kinds <list>', `comma-separated subset of ${TIMELINE_KINDS.join(', ')}`)
    .addOption(formatOption())
    .action((idText: string, options: { limit: string; cursor?: string; kinds?: string; format: OutputFormat }) => runCommand(async () => {
      if (!/^[1-9]\d*$/.test(idText)) throw new ClienteleError('bad_request', `The account id must be a whole number, not "${idText}".`, 'id');
      const limit = /^\d+$/.test(options.limit) ? Number(options.limit) : options.limit;
      const query = validateOptions(TimelineQuerySchema, dropUndefined({ limit, cursor: options.cursor, kinds: options.kinds }), {});
      await useStore('clientele account timeline', async ({ ctx }) => {
        const page = await accountTimeline(ctx, Number(idText), query);
        if (options.format === 'json') return printJson(page);
        if (page.items.length) print(await timelineTable(ctx, page.items));
        else print(t('cli.account.noActivity'));
        if (page.nextCursor) print(`\n${t('cli.account.olderActivity', { cursor: page.nextCursor })}`);
      });
    }));
}

export function accountCommand(): Command {
  return new Command('account')
    .addCommand(addCommand())
    .addCommand(listCommand())
    .addCommand(showCommand())
    .addCommand(timelineCommand());
}
