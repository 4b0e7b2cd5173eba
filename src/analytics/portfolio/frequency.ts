// Purchase frequency from the account's typical time between purchases: the median gap
// between its purchase days, which one long pause does not distort the way a mean would.
import type { FrequencyClass } from '../../domain/portfolio/classes.js';
import type { PortfolioSettings } from '../../domain/portfolio/settings.js';
import type { AccountSummary, Classification } from '../../domain/portfolio/facts.js';
import { daysWords } from '../../domain/figures.js';
import { days, rounded } from './wording.js';

export function classifyFrequency(summary: AccountSummary, settings: PortfolioSettings): Classification<FrequencyClass> {
  const { frequentMaxGapDays, regularMaxGapDays } = settings.frequency;
  const figures = {
    purchaseDays: summary.purchaseDayCount,
    medianGapDays: rounded(summary.medianGapDays, 1),
    meanGapDays: rounded(summary.meanGapDays, 1),
    frequentMaxGapDays,
    regularMaxGapDays,
  };
  const gap = summary.medianGapDays;
  if (summary.purchaseDayCount === 0) return { class: 'none', rule: 'Has never bought.', figures };
  if (gap === null) {
    return { class: 'one_time', rule: `Has bought on one day only (${summary.firstPurchase}), so has no typical gap yet.`, figures };
  }
  // Worded as the profile and `clientele account show` label the same figure, with the same number.
  const said = `Buys every ${daysWords(gap)} (median time between purchases, over ${summary.purchaseDayCount - 1} gaps)`;
  if (gap <= frequentMaxGapDays) return { class: 'frequent', rule: `${said}, at most ${days(frequentMaxGapDays)}: frequent.`, figures };
  if (gap <= regularMaxGapDays) {
    return { class: 'regular', rule: `${said}, more than ${days(frequentMaxGapDays)} and at most ${days(regularMaxGapDays)}: regular.`, figures };
  }
  return { class: 'occasional', rule: `${said}, more than ${days(regularMaxGapDays)}: occasional.`, figures };
}
