/**
 * Binary search over anything sorted: one definition for the analysis and the library, which
 * both look up offsets, word starts, numbers and page starts in sorted arrays.
 */

/** The first index in [0, count) where `before` turns false, for a `before` that is true on a prefix and false after it. */
export function lowerBound(count: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
