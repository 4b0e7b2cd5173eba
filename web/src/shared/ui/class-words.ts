// The analysis's class values in words, in the user's language: "very_high" reads "Very high"
// ("Très élevé"), an unranked "none" says why it has no class. Labels: src/domain/i18n.
import { t } from '../i18n/i18n';
import { words } from './words';

/** The label group of each dimension the web app names a class by. */
const GROUP: Record<string, string> = {
  status: 'activity', abc: 'abc', rfm: 'rfm', volumeTier: 'volumeTier', tier: 'volumeTier', frequency: 'frequency', churn: 'churnSignal', ranking: 'ranking',
};

export function classWords(dimension: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const group = GROUP[dimension];
  if (group) {
    for (const key of [`labels.${group}.${value}`, `labels.accountStatus.${value}`]) {
      const label = t(key);
      if (label !== key) return label;
    }
  }
  return words(value);
}
