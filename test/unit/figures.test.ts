import { describe, expect, it } from 'vitest';
import { findNumbers, formatNumber } from '../../server/src/analysis/figures';

const nums = (text: string, es = false) => findNumbers(text, es).map((n) => [n.value, n.unit, text.slice(n.start, n.end)]);

describe('findNumbers', () => {
  it('reads counts with what they count, years and dollars', () => {
    expect(nums('They trained 4,600 Guatemalan police in 2017, at $2,600 each.')).toEqual([
      [4600, 'person', '4,600'],
      [2017, 'year', '2017'],
      [2600, 'usd', '2,600'],
    ]);
  });
  it('reads hyphenated units and number words', () => {
    expect(nums('a 600-mile border and a three-week course')).toEqual([
      [600, 'mile', '600'],
      [3, 'week', 'three'],
    ]);
  });
  it('reads Spanish thousands only where they are Spanish', () => {
    expect(nums('4.600 policías', true)).toEqual([[4600, 'person', '4.600']]);
    expect(nums('a 4.6 rating')).toEqual([[4.6, undefined, '4.6']]);
    expect(nums('2.600 dólares')).toEqual([[2600, 'usd', '2.600']]);
  });
  it('writes a correction in the writer’s style', () => {
    expect(formatNumber(4600, 'comma')).toBe('4,600');
    expect(formatNumber(4600, 'dot')).toBe('4.600');
    expect(formatNumber(2015, 'plain')).toBe('2015');
  });
});
