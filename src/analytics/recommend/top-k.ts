// The k best items in one pass, kept by insertion: k is small (a suggestion list, a product's
// neighbours) while the items can number in the thousands, so sorting them all would be waste.

/** The k items that rank highest by `above` (a strict order), best first. */
export function topK<T>(items: Iterable<T>, k: number, above: (a: T, b: T) => boolean): T[] {
  const top: T[] = [];
  if (k <= 0) return top;
  for (const item of items) {
    if (top.length === k && !above(item, top[k - 1]!)) continue;
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && above(item, top[at - 1]!)) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = item;
  }
  return top;
}
