// The classification rules as a flat list of fields a form can show: the path in the rules,
// its label and hint in words, what it decides (the form's groups), when it matters, and how
// its text reads back into a value.
export interface RuleField {
  path: string;
  label: string;
  hint?: string;
  choices?: { value: string; label: string }[];
  /** What the rule decides: the form shows the rules in these groups. */
  group?: RuleGroup;
  /** Shown only while another rule has this value: the method chosen ignores it otherwise. */
  when?: { path: string; is: string };
}

export type RuleGroup = 'status' | 'value' | 'volume' | 'frequency' | 'churn';

/** The groups in the order the form shows them, each titled by what its rules decide. */
export const RULE_GROUPS: { group: RuleGroup; title: string; hint: string }[] = [
  { group: 'status', title: 'Activity status', hint: 'Which accounts count as active, and which prospects are probable buyers.' },
  { group: 'value', title: 'Value class (ABC)', hint: 'Which revenue ranks the accounts, and where A, B and C divide.' },
  { group: 'volume', title: 'Volume tier', hint: 'How an account\'s revenue compares with the others\'.' },
  { group: 'frequency', title: 'Purchase frequency', hint: 'How often an account buys.' },
  { group: 'churn', title: 'Pre-churn signals', hint: 'When a buying account is flagged as slipping away.' },
];

export const RULE_FIELDS: RuleField[] = [
  { group: 'value', path: 'revenuePeriod', label: 'Revenue ranked on', choices: [{ value: 'last12Months', label: 'The last 12 months' }, { value: 'lifetime', label: 'All time' }] },
  { group: 'status', path: 'status.activeWindowDays', label: 'Active: bought within (days)' },
  { group: 'status', path: 'status.probableMinShare', label: 'Probable: least share of alike active customers', hint: '0 to 1' },
  { group: 'status', path: 'status.probableMinCustomers', label: 'Probable: fewest alike active customers' },
  { group: 'value', path: 'abc.aMaxShare', label: 'A: up to this share of revenue', hint: '0 to 1, e.g. 0.8' },
  { group: 'value', path: 'abc.bMaxShare', label: 'B: up to this share of revenue', hint: '0 to 1, e.g. 0.95' },
  { group: 'value', path: 'abc.topAccountShare', label: 'Top share of accounts reported', hint: 'The 20 of 80/20' },
  { group: 'volume', path: 'volumeTier.method', label: 'Volume tiers by', choices: [{ value: 'meanMultiples', label: 'Multiples of the mean' }, { value: 'quantiles', label: 'Quantiles' }] },
  { group: 'volume', path: 'volumeTier.meanMultiples.veryHigh', label: 'Very high from (× mean)', when: { path: 'volumeTier.method', is: 'meanMultiples' } },
  { group: 'volume', path: 'volumeTier.meanMultiples.high', label: 'High from (× mean)', when: { path: 'volumeTier.method', is: 'meanMultiples' } },
  { group: 'volume', path: 'volumeTier.meanMultiples.average', label: 'Average from (× mean)', when: { path: 'volumeTier.method', is: 'meanMultiples' } },
  { group: 'volume', path: 'volumeTier.quantiles.veryHigh', label: 'Very high from (quantile)', when: { path: 'volumeTier.method', is: 'quantiles' } },
  { group: 'volume', path: 'volumeTier.quantiles.high', label: 'High from (quantile)', when: { path: 'volumeTier.method', is: 'quantiles' } },
  { group: 'volume', path: 'volumeTier.quantiles.average', label: 'Average from (quantile)', when: { path: 'volumeTier.method', is: 'quantiles' } },
  { group: 'frequency', path: 'frequency.frequentMaxGapDays', label: 'Frequent: at most (days between purchases)' },
  { group: 'frequency', path: 'frequency.regularMaxGapDays', label: 'Regular: at most (days between purchases)' },
  { group: 'churn', path: 'churn.overdueGapMultiple', label: 'Overdue after (× usual gap)' },
  { group: 'churn', path: 'churn.valueDropShare', label: 'Signal a purchase-value drop beyond', hint: '0 to 1' },
  { group: 'churn', path: 'churn.revenueDropShare', label: 'Signal a revenue drop beyond', hint: '0 to 1' },
  { group: 'churn', path: 'churn.frequencyDropShare', label: 'Signal a frequency drop beyond', hint: '0 to 1' },
];

type Rules = Record<string, unknown>;

/** The fields of one group the form shows, given the methods the draft chooses. */
export const shownFields = (group: RuleGroup, draft: Record<string, string>, fields: RuleField[] = RULE_FIELDS) =>
  fields.filter((f) => f.group === group && (!f.when || draft[f.when.path] === f.when.is));

export function readPath(rules: Rules, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Rules)[key] : undefined), rules);
}

function writePath(rules: Rules, path: string, value: unknown): Rules {
  const [head, ...rest] = path.split('.');
  const copy = { ...rules };
  copy[head!] = rest.length ? writePath((rules[head!] as Rules | undefined) ?? {}, rest.join('.'), value) : value;
  return copy;
}

/** The form's text for each field. */
export function draftOf(rules: Rules, fields: RuleField[] = RULE_FIELDS): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.path, String(readPath(rules, f.path) ?? '')]));
}

/** The whole rules with the form's values in place, or the fields whose text is not a number. */
export function rulesFrom(rules: Rules, draft: Record<string, string>, fields: RuleField[] = RULE_FIELDS): { rules: Rules; errors: Record<string, string> } {
  let next = rules;
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const text = (draft[field.path] ?? '').trim();
    if (field.choices) {
      next = writePath(next, field.path, text);
      continue;
    }
    const value = Number(text.replace(',', '.'));
    if (text === '' || !Number.isFinite(value)) errors[field.path] = 'Must be a number.';
    else next = writePath(next, field.path, value);
  }
  return { rules: next, errors };
}

/** How many fields differ from the rules in force. */
export const changedCount = (rules: Rules, draft: Record<string, string>, fields: RuleField[] = RULE_FIELDS) =>
  fields.filter((f) => String(readPath(rules, f.path) ?? '') !== (draft[f.path] ?? '').trim()).length;
