import { describe, expect, it } from 'vitest';
import { findNumbers, formatNumber, formatLike, statesFigure } from '../../server/src/analysis/figures';

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

describe('scaled figures', () => {
  it('read "$2.1 million" as 2,100,000 written to a tenth of a million, the scale word in its range', () => {
    const text = 'ICE seized $2.1 million and 3 thousand agents in 2015.';
    const [money, agents] = findNumbers(text);
    expect(money).toMatchObject({ value: 2_100_000, unit: 'usd', scale: 1e6, decimals: 1 });
    expect(text.slice(money.start, money.end)).toBe('2.1 million');
    expect(agents).toMatchObject({ value: 3000, unit: 'person', scale: 1e3, decimals: 0 });
  });

  it('state a value that rounds to them, and are corrected at their own scale', () => {
    const [money] = findNumbers('$2.1 million');
    expect(statesFigure(money, 2_078_988)).toBe(true);
    expect(statesFigure(money, 2_150_001)).toBe(false);
    expect(formatLike(3_490_000, money)).toBe('3.5 million');
    const [plain] = findNumbers('4,600 police');
    expect(statesFigure(plain, 4_601)).toBe(false);
    expect(formatLike(4_600, plain)).toBe('4,600');
  });
});
