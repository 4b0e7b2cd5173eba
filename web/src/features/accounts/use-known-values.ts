// The segments and sectors in use, read from the analysis's sections, so the list's text
// filters can suggest the exact values they match.
import { useEffect, useState } from 'react';
import { api } from '../../shared/api/http';

const cache = new Map<string, Promise<string[]>>();

function load(dimension: string): Promise<string[]> {
  let values = cache.get(dimension);
  if (!values) {
    values = api.get<{ rows: { key: Record<string, string | null> }[] }>('/analysis/sections', { by: dimension })
      .then((r) => r.rows.map((row) => row.key[dimension]).filter((v): v is string => !!v).sort((a, b) => a.localeCompare(b)));
    values.catch(() => cache.delete(dimension));
    cache.set(dimension, values);
  }
  return values;
}

export function useKnownValues(dimensions: string[], enabled: boolean): Record<string, string[]> {
  const [known, setKnown] = useState<Record<string, string[]>>({});
  const key = dimensions.join(',');
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    for (const dimension of key.split(',')) {
      load(dimension).then((values) => { if (live) setKnown((k) => ({ ...k, [dimension]: values })); }, () => undefined);
    }
    return () => { live = false; };
  }, [key, enabled]);
  return known;
}
