// The classification rules as a flat list of fields a form can show: the path in the rules,
// its label and hint in words, and how its text reads back into a value.
export interface RuleField {
  path: string;
  label: string;
  hint?: string;
  choices?: { value: string; label: string }[];
}

export const RULE_FIELDS: RuleField[] = [
  { path: 'revenuePeriod', label: 'Revenue ranked on', choices: [{ value: 'last12Months', label: 'The last 12 months' }, { value: 'lifetime', label: 'All time' }] },
  { path: 'status.activeWindowDays', label: 'Active: bought within (days)' },
  { path: 'status.probableMinShare', label: 'Probable: least share of alike active customers', hint: '0 to 1' },
  { path: 'status.probableMinCustomers', label: 'Probable: fewest alike active customers' },
  { path: 'abc.aMaxShare', label: 'A: up to this share of revenue', hint: '0 to 1, e.g. 0.8' },
  { path: 'abc.bMaxShare', label: 'B: up to this share of revenue', hint: '0 to 1, e.g. 0.95' },
  { path: 'abc.topAccountShare', label: 'Top share of accounts reported', hint: 'The 20 of 80/20' },
  { path: 'volumeTier.method', label: 'Volume tiers by', choices: [{ value: 'meanMultiples', label: 'Multiples of the mean' }, { value: 'quantiles', label: 'Quantiles' }] },
  { path: 'volumeTier.meanMultiples.veryHigh', label: 'Very high from (× mean)' },
  { path: 'volumeTier.meanMultiples.high', label: 'High from (× mean)' },
  { path: 'volumeTier.meanMultiples.average', label: 'Average from (× mean)' },
  { path: 'volumeTier.quantiles.veryHigh', label: 'Very high from (quantile)' },
  { path: 'volumeTier.quantiles.high', label: 'High from (quantile)' },
  { path: 'volumeTier.quantiles.average', label: 'Average from (quantile)' },
  { path: 'frequency.frequentMaxGapDays', label: 'Frequent: at most (days between purchases)' },
  { path: 'frequency.regularMaxGapDays', label: 'Regular: at most (days between purchases)' },
  { path: 'churn.overdueGapMultiple', label: 'Overdue after (× usual gap)' },
  { path: 'churn.valueDropShare', label: 'Signal a purchase-value drop beyond', hint: '0 to 1' },
  { path: 'churn.revenueDropShare', label: 'Signal a revenue drop beyond', hint: '0 to 1' },
  { path: 'churn.frequencyDropShare', label: 'Signal a frequency drop beyond', hint: '0 to 1' },
];

type Rules = Record<string, unknown>;

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
