// The portfolio as a whole: how much of it there is, and loading a generated one in bulk with
// COPY (the demo). Needs the connection, not only a query executor, for its COPY sessions.
import { bulkLoadPortfolio, countPortfolio, type PortfolioLoad } from '../bulk-load.js';
import type { Connection } from '../connection.js';
import type { Executor } from '../executor.js';

export function bulkPortfolioRepository(connection: Connection, db: Executor) {
  return {
    count: () => countPortfolio(db),
    load: (load: PortfolioLoad) => bulkLoadPortfolio(connection, load),
  };
}
