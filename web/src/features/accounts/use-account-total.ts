// How many accounts the list's query selects, every page together. Asked once the first page is
// in: on the embedded store the server answers one request at a time, and the rows come first.
import { useEffect, useState } from 'react';
import { accountsApi } from './accounts-api';

export function useAccountTotal(query: Record<string, string>, firstPageIn: boolean): number | null {
  const key = JSON.stringify(query);
  const [total, setTotal] = useState<{ key: string; total: number } | null>(null);
  useEffect(() => {
    if (!firstPageIn) return undefined;
    const controller = new AbortController();
    accountsApi.count(JSON.parse(key) as Record<string, string>, controller.signal).then(
      (answer) => { if (!controller.signal.aborted) setTotal({ key, total: answer.count }); },
      // Without the total the list still works: it then says how many rows it holds.
      () => undefined,
    );
    return () => controller.abort();
  }, [key, firstPageIn]);
  return total?.key === key ? total.total : null;
}
