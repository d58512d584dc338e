import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Intervals } from '../../server/src/analysis/intervals';
import { lowerBound } from '../../server/src/sorted';

const span = fc.tuple(fc.nat(200), fc.nat(40)).map(([start, length]) => ({ start, end: start + length }));

describe('Intervals', () => {
  it('answers overlap and containment exactly as a scan of every span would', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), span, (spans, probe) => {
        const set = new Intervals(spans);
        expect(set.overlaps(probe.start, probe.end)).toBe(spans.some((s) => s.start < probe.end && s.end > probe.start));
        expect(set.contains(probe.start)).toBe(spans.some((s) => s.start <= probe.start && probe.start < s.end));
      }),
      { numRuns: 500 },
    );
  });

  it('finds where a sorted prefix ends', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, at) => {
        const sorted = [...values].sort((a, b) => a - b);
        const expected = sorted.filter((v) => v < at).length;
        expect(lowerBound(sorted.length, (i) => sorted[i] < at)).toBe(expected);
      }),
    );
  });
});
