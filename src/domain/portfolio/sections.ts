// The fields the portfolio can be cut into sections by (one, or two crossed).
export const SECTION_DIMENSIONS = ['country', 'segment', 'sector', 'relationshipType', 'size', 'owner'] as const;
export type SectionDimension = (typeof SECTION_DIMENSIONS)[number];
