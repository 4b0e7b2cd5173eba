import { describe, expect, it } from 'vitest';
import { changedCount, draftOf, rulesFrom } from './rule-fields';

const rules = { revenuePeriod: 'last12Months', status: { activeWindowDays: 365, probableMinShare: 0.02 }, team: { minSample: 5 } };
const fields = [
  { path: 'revenuePeriod', label: 'Period', choices: [{ value: 'lifetime', label: 'All time' }] },
  { path: 'status.activeWindowDays', label: 'Window' },
  { path: 'status.probableMinShare', label: 'Share' },
];

describe('the classification rules form', () => {
  it('shows each rule as text and reads it back, keeping the rules it does not show', () => {
    const draft = { ...draftOf(rules, fields), 'status.activeWindowDays': ' 90 ', revenuePeriod: 'lifetime' };
    expect(changedCount(rules, draft, fields)).toBe(2);
    expect(rulesFrom(rules, draft, fields)).toEqual({
      rules: { revenuePeriod: 'lifetime', status: { activeWindowDays: 90, probableMinShare: 0.02 }, team: { minSample: 5 } },
      errors: {},
    });
  });

  it('names the fields whose text is not a number', () => {
    const draft = { ...draftOf(rules, fields), 'status.probableMinShare': 'two percent' };
    expect(rulesFrom(rules, draft, fields).errors).toEqual({ 'status.probableMinShare': 'Must be a number.' });
  });

  it('reads a decimal comma', () => {
    expect(rulesFrom(rules, { ...draftOf(rules, fields), 'status.probableMinShare': '0,05' }, fields).rules).toMatchObject({ status: { probableMinShare: 0.05 } });
  });
});
