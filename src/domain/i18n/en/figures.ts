// The figures that appear in more than one place (src/domain/figures.ts holds their English
// labels and docs/figures.md their definitions), and a number of days in words.
import { FIGURE_LABELS } from '../../figures.js';

export const figures = {
  ...FIGURE_LABELS,
  days_one: '{{days}} day',
  days_other: '{{days}} days',
};
