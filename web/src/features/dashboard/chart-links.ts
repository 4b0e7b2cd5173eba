// Where a click on a chart leads: the account list filtered to what was clicked.
import { RFM_SEGMENT_RULES } from '../../../../src/domain/portfolio/rfm-segments';
import { listLink } from '../accounts/account-filters';
import type { Pareto } from './analysis-api';

/** The recovery list: inactive accounts of value class A, biggest first by the revenue their class ranks on. */
export const RECOVERY_LIST = listLink({ abc: 'A', status: 'inactive' }, '-value');

/** The ABC zone at a point of the Pareto curve's horizontal axis (the share of ranked accounts). */
export function paretoZone(accountShare: number, classes: Pareto['classes']): 'A' | 'B' | 'C' | null {
  if (accountShare < 0 || accountShare > 1) return null;
  // With no account ranked the shares are null, and every zone is empty.
  const aEnd = classes.A.accountShare ?? 0;
  const bEnd = aEnd + (classes.B.accountShare ?? 0);
  if (accountShare <= aEnd) return 'A';
  if (accountShare <= bEnd) return 'B';
  return 'C';
}

/** The segments an R × F cell holds; two where the monetary score splits it. */
export function rfmCellSegments(recency: number, frequency: number): string[] {
  const inside = (score: number, [min, max]: readonly [number, number]) => score >= min && score <= max;
  const found: string[] = [];
  for (let m = 1; m <= 5; m++) {
    const rule = RFM_SEGMENT_RULES.find((r) => inside(recency, r.r) && inside(frequency, r.f) && inside(m, r.m));
    if (rule && !found.includes(rule.segment)) found.push(rule.segment);
  }
  return found;
}

/** The list filter for a section row's key; null when the key is empty (no sector…), which the list cannot filter on. */
export function sectionFilter(dimension: string, key: Record<string, string | number | null>): Record<string, string> | null {
  const value = key[dimension];
  if (value === null || value === undefined || value === '') return null;
  return dimension === 'owner' ? { ownerId: String(value) } : { [dimension]: String(value) };
}
