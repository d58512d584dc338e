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
  it('reads "EE. UU." as one name, and breaks after it when a new sentence starts', () => {
    expect(split('La Guardia Costera de los EE. UU. entrenó a 40 marinos. Los EE. UU. La fuerza llegó.')).toEqual([
      'La Guardia Costera de los EE. UU. entrenó a 40 marinos.',
      'Los EE. UU.',
      'La fuerza llegó.',
    ]);
  });
  it('keeps closing quotes with their sentence', () => {
    expect(split('A release reads, “They train.” Another explains it.')).toEqual(['A release reads, “They train.”', 'Another explains it.']);
  });

  it('reads a wrapped paragraph as if it were one line, whatever its line endings', () => {
    const wrapped = 'Did the TCIU ever report to\nGuatemala’s Public Ministry? Nobody has said. ICE agents\r\nCreated it.';
    expect(split(wrapped)).toEqual(['Did the TCIU ever report to\nGuatemala’s Public Ministry?', 'Nobody has said.', 'ICE agents\r\nCreated it.']);
  });

  it('gives the same sentences when a long text is segmented in windows', () => {
    const pieces = ['The U.S. Army trained units. ', 'e.g. the FBI did. ', 'A release reads, “They train.” ', 'Gen. Kelly spoke! ', 'Did it work? ', 'no. 5 rules apply. ', '¿Funcionó? ', 'Sí. ', 'A 3.5 share… ', 'Then (quietly.) ', 'x'.repeat(50) + ' ', 'and “quoted. ” '];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = Array.from({ length: 600 }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    expect(splitSentences(text, 'en', 200)).toEqual(splitSentences(text, 'en', Infinity));
  });
});
