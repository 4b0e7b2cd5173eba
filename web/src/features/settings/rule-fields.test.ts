import { describe, expect, it } from 'vitest';
import { changedCount, draftOf, RULE_FIELDS, RULE_GROUPS, rulesFrom, shownFields } from './rule-fields';

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
    expect(rulesFrom(rules, draft, fields).errors).toEqual({ 'status.probableMinShare': 'web.rules.notANumber' });
  });

  it('reads a decimal comma', () => {
    expect(rulesFrom(rules, { ...draftOf(rules, fields), 'status.probableMinShare': '0,05' }, fields).rules).toMatchObject({ status: { probableMinShare: 0.05 } });
  });

  it('puts every rule in one group of what it decides', () => {
    const grouped = RULE_GROUPS.flatMap(({ group }) => RULE_FIELDS.filter((f) => f.group === group));
    expect(grouped.map((f) => f.path).sort()).toEqual(RULE_FIELDS.map((f) => f.path).sort());
  });

  it('shows only the volume thresholds of the method chosen', () => {
    const shown = (method: string) => shownFields('volume', { 'volumeTier.method': method }).map((f) => f.path);
    expect(shown('meanMultiples')).toEqual(['volumeTier.method', 'volumeTier.meanMultiples.veryHigh', 'volumeTier.meanMultiples.high', 'volumeTier.meanMultiples.average']);
    expect(shown('quantiles')).toEqual(['volumeTier.method', 'volumeTier.quantiles.veryHigh', 'volumeTier.quantiles.high', 'volumeTier.quantiles.average']);
  });
});
