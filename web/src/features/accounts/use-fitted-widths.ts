// Figures are never cut: after each render, a figure column whose longest cell in the page (its
// heading included) needs more room than the column gives it grows to that width. Every row is
// its own grid on the same template, so the width is decided here, once, for all of them.
import { type RefObject, useLayoutEffect, useState } from 'react';
import type { Column } from './account-columns';

/** Widths in px, by column key, for the figure columns that needed more than their default. */
export function useFittedWidths(container: RefObject<HTMLElement | null>, columns: Column[]): Record<string, number> {
  const [fitted, setFitted] = useState<Record<string, number>>({});
  // After every render: new rows come into view as the list scrolls and loads.
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    let grown: Record<string, number> | null = null;
    for (const column of columns) {
      if (!column.figure) continue;
      let needed = 0;
      let cut = false;
      for (const cell of root.querySelectorAll<HTMLElement>(`.cell-${column.key}`)) {
        needed = Math.max(needed, cell.scrollWidth);
        if (cell.scrollWidth > cell.clientWidth) cut = true;
      }
      // Only ever wider, so it settles; one spare pixel for sub-pixel text.
      if (cut && needed + 1 > (fitted[column.key] ?? 0)) grown = { ...(grown ?? fitted), [column.key]: needed + 1 };
    }
    if (grown) setFitted(grown);
  });
  return fitted;
}

/** The grid track of a column: its own width, or wider when its figures need it. */
export const trackOf = (column: Column, fitted: Record<string, number>) =>
  (fitted[column.key] ? `max(${column.width}, ${fitted[column.key]}px)` : column.width);
