/**
 * The one binary search of the code pack: the first position in [0, length) at which `before`
 * turns false. `before(i)` must be true for a prefix of the range and false after it (a list
 * sorted by the key being searched).
 */
export function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of `key` in a sorted list of codes, or -1. */
export function indexOfSorted(sorted: readonly string[], key: string): number {
  const at = lowerBound(sorted.length, (i) => sorted[i]! < key);
  return sorted[at] === key ? at : -1;
}
