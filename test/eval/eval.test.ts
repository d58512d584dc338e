import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script without type declarations
import { CORPUS, belowFloors, evaluate } from '../../scripts/eval.mjs';

// The corpus of real texts scored as `npm run eval` scores it; the floors sit just under the
// measured values, so that a change that makes the tool worse on other people's prose fails.
describe('the labelled corpus of real texts', () => {
  const report = evaluate();
  const floors = JSON.parse(readFileSync(join(CORPUS, 'floors.json'), 'utf8')) as Record<string, number>;

  it('has labels that all point into their texts', () => {
    expect(report.problems).toEqual([]);
  });

  it('holds the texts and variants the labels describe', () => {
    expect(report.files.texts).toBeGreaterThanOrEqual(30);
    expect(report.files.seeded).toBeGreaterThanOrEqual(20);
  });

  it('scores at or above every floor', () => {
    expect(belowFloors(report, floors)).toEqual([]);
  });
});
