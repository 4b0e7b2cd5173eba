// The segments, sectors and countries in use among the accounts the user may see, with their
// counts (GET /accounts/values), so filters and forms offer them as choices. Read once per
// page load and kept; saving an account forgets them, since it may bring a new value.
import { useEffect, useState } from 'react';
import type { AccountValues } from '../../../../src/domain/schemas/account-values';
import { api } from '../../shared/api/http';

let cached: Promise<AccountValues> | null = null;

function load(): Promise<AccountValues> {
  if (!cached) {
    const values = api.get<AccountValues>('/accounts/values');
    values.catch(() => { if (cached === values) cached = null; });
    cached = values;
  }
  return cached;
}

/** After an account is saved: the next reader asks again. */
export function forgetKnownValues(): void {
  cached = null;
}

/** The values in use once loaded; nothing is asked while `enabled` is false. */
export function useKnownValues(enabled: boolean): AccountValues | undefined {
  const [known, setKnown] = useState<AccountValues>();
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    load().then((values) => { if (live) setKnown(values); }, () => undefined);
    return () => { live = false; };
  }, [enabled]);
  return known;
}

/** A field's values, most used first, or none while they load. */
export const valuesOf = (known: AccountValues | undefined, field: keyof AccountValues) => known?.[field]?.values ?? [];
