// The classification rules as a flat list of fields a form can show: the path in the rules,
// its label and hint (catalog keys, web.rules.*, worded in the user's language by the form),
// what it decides (the form's groups), when it matters, and how
// its text reads back into a value.
export interface RuleField {
  path: string;
  /** Catalog keys of the field's label and hint, and of each choice's label. */
  label: string;
  hint?: string;
  choices?: { value: string; label: string }[];
  /** What the rule decides: the form shows the rules in these groups. */
  group?: RuleGroup;
  /** Shown only while another rule has this value: the method chosen ignores it otherwise. */
  when?: { path: string; is: string };
}

export type RuleGroup = 'status' | 'value' | 'volume' | 'frequency' | 'churn';

/** The groups in the order the form shows them, each titled by what its rules decide (catalog keys). */
export const RULE_GROUPS: { group: RuleGroup; title: string; hint: string }[] = (['status', 'value', 'volume', 'frequency', 'churn'] as const)
  .map((group) => ({ group, title: `web.rules.group.${group}.title`, hint: `web.rules.group.${group}.hint` }));

/** The catalog key of a rule's label: web.rules.field and the rule's path. */
const label = (path: string) => `web.rules.field.${path}`;

export const RULE_FIELDS: RuleField[] = [
  { group: 'value', path: 'revenuePeriod', label: label('revenuePeriod'), choices: [{ value: 'last12Months', label: 'web.rules.choice.last12Months' }, { value: 'lifetime', label: 'web.rules.choice.lifetime' }] },
  { group: 'status', path: 'status.activeWindowDays', label: label('status.activeWindowDays') },
  { group: 'status', path: 'status.probableMinShare', label: label('status.probableMinShare'), hint: 'web.rules.hint.share' },
  { group: 'status', path: 'status.probableMinCustomers', label: label('status.probableMinCustomers') },
  { group: 'value', path: 'abc.aMaxShare', label: label('abc.aMaxShare'), hint: 'web.rules.hint.aShare' },
  { group: 'value', path: 'abc.bMaxShare', label: label('abc.bMaxShare'), hint: 'web.rules.hint.bShare' },
  { group: 'value', path: 'abc.topAccountShare', label: label('abc.topAccountShare'), hint: 'web.rules.hint.topShare' },
  { group: 'volume', path: 'volumeTier.method', label: label('volumeTier.method'), choices: [{ value: 'meanMultiples', label: 'web.rules.choice.meanMultiples' }, { value: 'quantiles', label: 'web.rules.choice.quantiles' }] },
  { group: 'volume', path: 'volumeTier.meanMultiples.veryHigh', label: label('volumeTier.meanMultiples.veryHigh'), when: { path: 'volumeTier.method', is: 'meanMultiples' } },
  { group: 'volume', path: 'volumeTier.meanMultiples.high', label: label('volumeTier.meanMultiples.high'), when: { path: 'volumeTier.method', is: 'meanMultiples' } },
  { group: 'volume', path: 'volumeTier.meanMultiples.average', label: label('volumeTier.meanMultiples.average'), when: { path: 'volumeTier.method', is: 'meanMultiples' } },
  { group: 'volume', path: 'volumeTier.quantiles.veryHigh', label: label('volumeTier.quantiles.veryHigh'), when: { path: 'volumeTier.method', is: 'quantiles' } },
  { group: 'volume', path: 'volumeTier.quantiles.high', label: label('volumeTier.quantiles.high'), when: { path: 'volumeTier.method', is: 'quantiles' } },
  { group: 'volume', path: 'volumeTier.quantiles.average', label: label('volumeTier.quantiles.average'), when: { path: 'volumeTier.method', is: 'quantiles' } },
  { group: 'frequency', path: 'frequency.frequentMaxGapDays', label: label('frequency.frequentMaxGapDays') },
  { group: 'frequency', path: 'frequency.regularMaxGapDays', label: label('frequency.regularMaxGapDays') },
  { group: 'churn', path: 'churn.overdueGapMultiple', label: label('churn.overdueGapMultiple') },
  { group: 'churn', path: 'churn.valueDropShare', label: label('churn.valueDropShare'), hint: 'web.rules.hint.share' },
  { group: 'churn', path: 'churn.revenueDropShare', label: label('churn.revenueDropShare'), hint: 'web.rules.hint.share' },
  { group: 'churn', path: 'churn.frequencyDropShare', label: label('churn.frequencyDropShare'), hint: 'web.rules.hint.share' },
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

/** The whole rules with the form's values in place, or the fields whose text is not a number (with the catalog key of the error). */
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
    if (text === '' || !Number.isFinite(value)) errors[field.path] = 'web.rules.notANumber';
    else next = writePath(next, field.path, value);
  }
  return { rules: next, errors };
}

/** How many fields differ from the rules in force. */
export const changedCount = (rules: Rules, draft: Record<string, string>, fields: RuleField[] = RULE_FIELDS) =>
  fields.filter((f) => String(readPath(rules, f.path) ?? '') !== (draft[f.path] ?? '').trim()).length;
