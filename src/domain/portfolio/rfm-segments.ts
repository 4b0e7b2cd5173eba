// The RFM segments as data: the first rule whose ranges hold the account's recency (R),
// frequency (F) and monetary (M) scores names its segment. It follows the commonly published
// R × F grid (champions and loyal top right, hibernating and lost bottom left), with M
// deciding the two segments that are about the biggest spenders: champions, and the
// cannot-lose accounts that spent big and often but have gone quiet. Every one of the 125
// score combinations falls under a rule (tested).

export const RFM_SEGMENTS = [
  'champions', 'loyal', 'potential_loyalists', 'new', 'promising', 'need_attention',
  'about_to_sleep', 'cannot_lose', 'at_risk', 'hibernating', 'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

type ScoreRange = readonly [min: number, max: number];

export interface RfmSegmentRule {
  segment: RfmSegment;
  r: ScoreRange;
  f: ScoreRange;
  m: ScoreRange;
  meaning: string;
}

export const RFM_SEGMENT_RULES: readonly RfmSegmentRule[] = [
  { segment: 'champions', r: [4, 5], f: [4, 5], m: [4, 5], meaning: 'Bought recently, buy often and spend the most.' },
  { segment: 'loyal', r: [3, 5], f: [4, 5], m: [1, 5], meaning: 'Buy often, and not long ago.' },
  { segment: 'potential_loyalists', r: [4, 5], f: [2, 3], m: [1, 5], meaning: 'Recent customers who have come back more than once.' },
  { segment: 'new', r: [5, 5], f: [1, 1], m: [1, 5], meaning: 'Bought very recently, but rarely: mostly first-time buyers.' },
  { segment: 'promising', r: [4, 4], f: [1, 1], m: [1, 5], meaning: 'Bought recently, but have not come back often yet.' },
  { segment: 'need_attention', r: [3, 3], f: [3, 3], m: [1, 5], meaning: 'Middling recency and frequency: slipping without a reason to come back.' },
  { segment: 'about_to_sleep', r: [3, 3], f: [1, 2], m: [1, 5], meaning: 'Rare buyers whose last purchase is fading.' },
  { segment: 'cannot_lose', r: [1, 2], f: [4, 5], m: [4, 5], meaning: 'Bought often and spent the most, but not for a long time.' },
  { segment: 'at_risk', r: [1, 2], f: [3, 5], m: [1, 5], meaning: 'Bought often, but long ago.' },
  { segment: 'hibernating', r: [2, 2], f: [1, 2], m: [1, 5], meaning: 'Rare buyers, last seen long ago.' },
  { segment: 'lost', r: [1, 1], f: [1, 2], m: [1, 5], meaning: 'Rare buyers, not seen for the longest time.' },
];

const within = (score: number, [min, max]: ScoreRange) => score >= min && score <= max;

const findRule = (r: number, f: number, m: number) =>
  RFM_SEGMENT_RULES.find((candidate) => within(r, candidate.r) && within(f, candidate.f) && within(m, candidate.m));

const isScore = (score: number) => Number.isInteger(score) && score >= 1 && score <= 5;

// Every one of the 125 score combinations, looked up rather than searched for each account.
const RULE_OF_SCORES = Array.from({ length: 125 }, (_, i) => findRule(Math.floor(i / 25) + 1, (Math.floor(i / 5) % 5) + 1, (i % 5) + 1));

export function rfmSegmentRule(r: number, f: number, m: number): RfmSegmentRule {
  const rule = isScore(r) && isScore(f) && isScore(m) ? RULE_OF_SCORES[(r - 1) * 25 + (f - 1) * 5 + (m - 1)] : findRule(r, f, m);
  if (!rule) throw new RangeError(`RFM scores ${r}${f}${m} are outside 1 to 5`);
  return rule;
}
