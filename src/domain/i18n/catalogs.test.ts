import { describe, expect, it } from 'vitest';
import { CHURN_SIGNAL_KINDS } from '../portfolio/classes.js';
import { ABC_CLASSES, FREQUENCY_CLASSES, STATUS_CLASSES, VOLUME_TIERS } from '../portfolio/classes.js';
import { GOAL_COMPARATORS, GOAL_METRICS } from '../portfolio/goals.js';
import { RFM_SEGMENTS } from '../portfolio/rfm-segments.js';
import { SECTION_DIMENSIONS } from '../portfolio/sections.js';
import {
  ACCOUNT_KINDS, ACCOUNT_SIZES, ACCOUNT_STATUSES, CHANNELS, CIVILITIES, DIRECTIONS, INTERACTION_TYPES, ORDER_KINDS, ORDER_STATUSES,
  RELATIONSHIP_TYPES, ROLES, TIMELINE_KINDS,
} from '../customer-file.js';
import { VALUE_RANKINGS } from '../figures.js';
import { CATALOGS } from './catalogs.js';
import { LANGUAGES } from './languages.js';
import { translator } from './translator.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key of a catalog, plural forms as "key_one", "key_other"… */
function keysOf(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));
}

/** Keys with their plural forms folded: "a.count_one" and "a.count_other" → "a.count". */
const baseKeys = (keys: string[]) => new Set(keys.map((k) => k.replace(PLURAL, '')));

const english = keysOf(CATALOGS.en);

describe.each(LANGUAGES)('the %s catalog', (language) => {
  const keys = keysOf(CATALOGS[language]);

  it('has every key English has, and none English lacks', () => {
    const mine = baseKeys(keys);
    expect([...baseKeys(english)].filter((k) => !mine.has(k))).toEqual([]);
    expect([...mine].filter((k) => !baseKeys(english).has(k))).toEqual([]);
  });

  it('has every plural form the language needs for each counted message', () => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const plurals = [...new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))];
    const missing = plurals.flatMap((base) => needed.map((form) => `${base}_${form}`)).filter((k) => !keys.includes(k));
    expect(missing).toEqual([]);
  });

  it('leaves no message empty and keeps the same placeholders as English', () => {
    const t = translator(language);
    const en = translator('en');
    for (const key of english) {
      const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      const path = key.replace(PLURAL, '');
      const options = PLURAL.test(key) ? { count: 2 } : undefined;
      expect(t(path, options), key).not.toBe('');
      expect(t(path, options), key).not.toBe(path);
      expect(new Set(placeholders(rawOf(CATALOGS[language], key) ?? rawOf(CATALOGS[language], `${path}_other`) ?? '')), key)
        .toEqual(new Set(placeholders(rawOf(CATALOGS.en, key) ?? en(path))));
    }
  });

  it('names every value of the vocabulary and of the analysis classes', () => {
    const t = translator(language);
    const groups: [string, readonly string[]][] = [
      ['accountStatus', ACCOUNT_STATUSES], ['accountKind', ACCOUNT_KINDS], ['accountSize', ACCOUNT_SIZES], ['relationshipType', RELATIONSHIP_TYPES],
      ['channel', CHANNELS], ['civility', CIVILITIES], ['orderStatus', ORDER_STATUSES], ['orderKind', ORDER_KINDS], ['interactionType', INTERACTION_TYPES],
      ['direction', DIRECTIONS], ['role', ROLES], ['timelineKind', TIMELINE_KINDS], ['timelineKinds', TIMELINE_KINDS], ['activity', STATUS_CLASSES],
      ['volumeTier', VOLUME_TIERS], ['frequency', FREQUENCY_CLASSES], ['abc', ABC_CLASSES], ['rfm', [...RFM_SEGMENTS, 'none']],
      ['churnSignal', CHURN_SIGNAL_KINDS], ['ranking', VALUE_RANKINGS], ['dimension', SECTION_DIMENSIONS], ['goalMetric', GOAL_METRICS],
      ['goalComparator', GOAL_COMPARATORS], ['language', LANGUAGES],
    ];
    const unnamed = groups.flatMap(([group, values]) => values.map((v) => `labels.${group}.${v}`)).filter((key) => t(key) === key);
    expect(unnamed).toEqual([]);
  });
});

function rawOf(catalog: unknown, key: string): string | undefined {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
  return typeof value === 'string' ? value : undefined;
}

describe('the words a person reads', () => {
  it('never show an internal name such as very_high or potential_loyalists', () => {
    for (const language of LANGUAGES) {
      const t = translator(language);
      for (const [group, value] of [['volumeTier', 'very_high'], ['frequency', 'one_time'], ['activity', 'ex_customer'], ['rfm', 'potential_loyalists']]) {
        expect(t(`labels.${group}.${value}`)).not.toMatch(/_/);
      }
      expect(t('labels.field.hasInterest')).not.toMatch(/hasInterest/);
    }
  });
});
