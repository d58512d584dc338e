/**
 * A fixed set of half-open spans [start, end) that answers "does this span overlap any of
 * them?" in logarithmic time. The finders keep the first of several overlapping matches;
 * testing each new match against every kept one made a long sentence quadratic.
 */
import { lowerBound } from '../sorted';

export class Intervals {
  private readonly starts: number[];
  /** maxEnd[i]: the largest end among the first i + 1 spans in start order. */
  private readonly maxEnd: number[];

  constructor(spans: Iterable<{ start: number; end: number }>) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((s) => s.start);
    this.maxEnd = [];
    let max = Number.NEGATIVE_INFINITY;
    for (const s of sorted) this.maxEnd.push((max = Math.max(max, s.end)));
  }

  /** Whether [start, end) shares a position with one of the spans. */
  overlaps(start: number, end: number): boolean {
    // Count the spans that start before `end`; one of them overlaps iff the furthest end passes `start`.
    const before = lowerBound(this.starts.length, (i) => this.starts[i] < end);
    return before > 0 && this.maxEnd[before - 1] > start;
  }

  /** Whether `at` lies inside one of the spans. */
  contains(at: number): boolean {
    return this.overlaps(at, at + 1);
  }
}
