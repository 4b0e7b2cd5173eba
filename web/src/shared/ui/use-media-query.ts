import { useSyncExternalStore } from 'react';

/** Follows a CSS media query, e.g. the phone layout's "(max-width: 640px)". */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

export const PHONE = '(max-width: 640px)';
