// What the sales team did with an account: calls, emails, meetings and notes spread over the
// relationship (win-back attempts after a churn), and tasks, done ones in the past and open ones
// around the end date, some overdue.
import type { Direction, InteractionType } from '../../domain/customer-file.js';
import type { PortfolioContact, PortfolioInteraction, PortfolioTask, PortfolioUser } from '../../domain/portfolio-records.js';
import type { AccountProfile, Window } from './account-profile.js';
import { INTERACTION_WORDING, TASK_TITLES, WIN_BACK_SUBJECTS } from './demo-wording.js';
import { DAY, HOUR, iso, workingTime, YEAR } from './demo-time.js';
import type { Random } from './seeded-random.js';

const MAX_INTERACTIONS = 40;

/** Interactions per year by status while the relationship is active. */
const INTERACTIONS_PER_YEAR = { customer: 3, partner: 4, ex_customer: 2.5, prospect: 5, lead: 3, suspect: 0.7 } as const;

const TYPE_WEIGHTS: readonly (readonly [InteractionType, number])[] = [
  ['email', 35], ['call', 30], ['meeting', 12], ['note', 10], ['visit', 8], ['chat', 5],
];

const REMARKS = [
  'wants a revised offer', 'happy with the last delivery', 'asked about volume discounts', 'will confirm next week',
  'budget approved for next quarter', 'comparing with a competitor', 'needs the invoice sent again', 'asked for a visit',
];

function direction(type: InteractionType, r: Random): Direction {
  if (type === 'note') return 'internal';
  if (type === 'chat') return 'inbound';
  if (type === 'meeting' || type === 'visit') return 'outbound';
  return r.chance(type === 'call' ? 0.7 : 0.6) ? 'outbound' : 'inbound';
}

function interaction(at: number, winBack: boolean, contacts: readonly PortfolioContact[], user: PortfolioUser | null, r: Random): PortfolioInteraction {
  const type = winBack ? r.pick(['call', 'email'] as const) : r.weighted(TYPE_WEIGHTS);
  const wording = INTERACTION_WORDING[type];
  const contact = type !== 'note' && contacts.length && r.chance(0.85) ? r.pick(contacts) : null;
  return {
    contactExternalId: contact?.externalId ?? null,
    type,
    direction: direction(type, r),
    subject: winBack ? r.pick(WIN_BACK_SUBJECTS) : r.pick(wording.subjects),
    body: contact && r.chance(0.5) ? `Spoke with ${contact.firstName ?? contact.lastName}; ${r.pick(REMARKS)}.` : null,
    occurredAt: iso(at),
    userEmail: user?.email ?? null,
    outcome: r.pick(wording.outcomes),
  };
}

export function generateInteractions(profile: AccountProfile, contacts: readonly PortfolioContact[], manager: PortfolioUser, window: Window, r: Random): PortfolioInteraction[] {
  const from = Math.max(profile.createdAt, window.start);
  const active = profile.churnedAt ?? window.end;
  const expected = INTERACTIONS_PER_YEAR[profile.status] * Math.max(active - from, 0) / YEAR
    + (profile.churnedAt ? 0.8 * (window.end - profile.churnedAt) / YEAR : 0);
  let count = Math.min(r.poisson(Math.min(expected, 30)), MAX_INTERACTIONS);
  if (count === 0 && (profile.status === 'prospect' || profile.status === 'lead')) count = 1;
  const out: PortfolioInteraction[] = [];
  for (let i = 0; i < count; i++) {
    const at = workingTime(from + r.next() * (window.end - from), r);
    if (at >= window.end) continue;
    const user = profile.owner && r.chance(0.9) ? profile.owner : manager;
    out.push(interaction(at, profile.churnedAt !== null && at > profile.churnedAt, contacts, user, r));
  }
  return out.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}

function openTaskTitles(profile: AccountProfile): readonly [number, readonly string[]] | undefined {
  if (profile.status === 'customer' && profile.buying?.trend === 'lapsing') return [0.6, TASK_TITLES.lapsing];
  if (profile.status === 'customer' || profile.status === 'partner') return [0.35, TASK_TITLES.customer];
  if (profile.status === 'prospect') return [0.6, TASK_TITLES.prospect];
  if (profile.status === 'lead') return [0.4, TASK_TITLES.lead];
  if (profile.status === 'ex_customer') return [0.15, TASK_TITLES.exCustomer];
  return [0.05, TASK_TITLES.suspect];
}

export function generateTasks(profile: AccountProfile, manager: PortfolioUser, window: Window, r: Random): PortfolioTask[] {
  const assignee = profile.owner ?? manager;
  const tasks: PortfolioTask[] = [];
  const from = Math.max(profile.createdAt, window.start);
  const lastDue = window.end - 7 * DAY;
  const doneCount = profile.status === 'suspect' || lastDue <= from ? 0 : Math.min(r.poisson(1.2), 5);
  const doneTitles = profile.status === 'prospect' ? TASK_TITLES.prospect : profile.status === 'lead' ? TASK_TITLES.lead : TASK_TITLES.customer;
  for (let i = 0; i < doneCount; i++) {
    const dueAt = workingTime(from + r.next() * (lastDue - from), r);
    const doneAt = Math.min(dueAt + r.uniform(-2, 4) * DAY, window.end - HOUR);
    tasks.push({
      assigneeEmail: assignee.email,
      title: r.pick(doneTitles),
      notes: null,
      dueAt: iso(dueAt),
      remindAt: null,
      done: true,
      doneAt: iso(doneAt),
      createdAt: iso(Math.max(dueAt - r.uniform(2, 21) * DAY, profile.createdAt)),
    });
  }
  const open = openTaskTitles(profile);
  if (open && r.chance(open[0])) {
    // Open tasks fall around the end date: some overdue, most due in the coming weeks.
    const dueAt = workingTime(window.end + r.uniform(-20, 45) * DAY, r);
    tasks.push({
      assigneeEmail: assignee.email,
      title: r.pick(open[1]),
      notes: r.chance(0.3) ? 'Check the latest orders and interactions before calling.' : null,
      dueAt: iso(dueAt),
      remindAt: r.chance(0.5) ? iso(dueAt - DAY) : null,
      done: false,
      doneAt: null,
      createdAt: iso(Math.max(Math.min(dueAt, window.end) - r.uniform(1, 20) * DAY, profile.createdAt)),
    });
  }
  return tasks.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
