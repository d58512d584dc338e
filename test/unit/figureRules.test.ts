import { describe, expect, it } from 'vitest';
import { analyze } from '../helpers/records';

const mismatches = (text: string) => analyze(text).findings.filter((f) => f.code === 'figure-mismatch').map((f) => [text.slice(f.start, f.end), f.message]);

describe('figures whose sentence gives no time', () => {
  it('contradict every recorded time where all of them give one value, and the message names none of those times', () => {
    const found = mismatches('The SPMAGTF-SC deployed about 900 Marines and sailors to Central America.');
    expect(found.map(([t]) => t)).toEqual(['900']);
    expect(found[0][1]).toContain('300');
    expect(found[0][1]).not.toMatch(/\b(?:in|as of|from) (?:June )?20\d\d\b/);
    expect(mismatches('The SPMAGTF-SC deployed about 300 Marines and sailors to Central America.')).toEqual([]);
  });
  it('are not compared where the recorded times give different values', () => {
    expect(mismatches('Some 90 SPMAGTF-SC Marines serve in Guatemala.')).toEqual([]);
  });
});
