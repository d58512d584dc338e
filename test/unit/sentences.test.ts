import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../server/src/analysis/sentences';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('does not break after U.S., titles, initials, No. or in decimals', () => {
    expect(split('The U.S. Army trained 3.5 units. Gen. John F. Kelly testified under No. 5 rules. Rep. Gonzalez wrote.')).toEqual([
      'The U.S. Army trained 3.5 units.',
      'Gen. John F. Kelly testified under No. 5 rules.',
      'Rep. Gonzalez wrote.',
    ]);
  });
  it('breaks after U.S. when a new sentence starts', () => {
    expect(split('Migrants head to the U.S. The Post reported it.')).toEqual(['Migrants head to the U.S.', 'The Post reported it.']);
  });
  it('keeps closing quotes with their sentence', () => {
    expect(split('A release reads, “They train.” Another explains it.')).toEqual(['A release reads, “They train.”', 'Another explains it.']);
  });
});
