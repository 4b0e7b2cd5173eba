// The analysis's class values in words: "very_high" reads "Very high", an unranked "none"
// says why it has no class.
import { words } from './words';

const NONE: Record<string, string> = {
  abc: 'Not ranked', rfm: 'No purchase yet', volumeTier: 'Not ranked', tier: 'Not ranked', frequency: 'Never bought',
};

const SPECIAL: Record<string, string> = {
  one_time: 'One-time', potential_loyalists: 'Potential loyalists', need_attention: 'Need attention', about_to_sleep: 'About to sleep',
  buying_now: 'Buying now (current or active)', cannot_lose: 'Cannot lose them', at_risk: 'At risk', very_high: 'Very high',
  overdue_repurchase: 'Overdue repurchase', shrinking_purchase_value: 'Shrinking purchases', revenue_drop: 'Revenue drop', shrinking_frequency: 'Buying less often',
};

export function classWords(dimension: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (value === 'none') return NONE[dimension] ?? 'None';
  return SPECIAL[value] ?? words(value);
}
