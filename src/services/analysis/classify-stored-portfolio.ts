// The whole stored portfolio classified as columns: what a rule preview or a benchmark needs
// when it wants every account's classes and not their explanations.
import { daysBefore } from '../../analytics/portfolio/calendar.js';
import { type ClassColumns, classifyColumns } from '../../analytics/portfolio/classify-columns.js';
import type { PortfolioSettings } from '../../domain/portfolio/settings.js';
import type { Store } from '../../store/store.js';

/** Every account that existed on the as-of day, classified with the given rules. */
export async function classifyStoredPortfolio(store: Store, asOf: string, settings: PortfolioSettings): Promise<ClassColumns> {
  // Accounts that began after the as-of day did not exist then.
  const columns = await store.portfolioColumns.read(new Date(`${daysBefore(asOf, -1)}T00:00:00Z`));
  return classifyColumns({ asOf, columns, settings });
}
