/**
 * Record entries nested far deeper than any record needs. Recursive parsers and validators
 * overflow the stack on them; the entry must be reported where it starts and its siblings kept.
 */
import { describe, expect, it } from 'vitest';
import { findDeepEntries, blankEntries, MAX_RECORD_DEPTH } from '../../server/src/records/nesting';
import { RecordSet } from '../../server/src/records/recordSet';
import { positionsIn } from '../../server/src/positions';

const good = (id: string) => JSON.stringify({ id, kind: 'program', name: `Program ${id}`, aliases: [id.toUpperCase()], agency: [] });
const nested = (levels: number) => `{"id":"deep","kind":"program","name":"Deep","aliases":["DEEP"],"agency":[],"note":${'['.repeat(levels)}${']'.repeat(levels)}}`;

describe('deeply nested record entries', () => {
  for (const levels of [5_000, 30_000]) {
    it(`report an entry nested ${levels.toLocaleString('en')} levels and keep its siblings`, () => {
      const text = `[\n${good('aaa')},\n${nested(levels)},\n${good('bbb')}\n]\n`;
      const set = RecordSet.fromTexts([{ path: 'programs.json', text }]);
      expect(set.program('aaa')).toBeTruthy();
      expect(set.program('bbb')).toBeTruthy();
      expect(set.program('deep')).toBeUndefined();
      expect(set.problems).toHaveLength(1);
      expect(set.problems[0]).toMatchObject({ file: 'programs.json', severity: 'error', id: 'problem.tooDeep' });
      // Located where the deep entry starts: line 2, column 0.
      expect(positionsIn(text)(set.problems[0].offset)).toEqual({ line: 2, character: 0 });
    });
  }

  it('report a YAML file nested past the stack as a whole, without throwing', () => {
    const text = `- id: aaa\n  kind: program\n  name: A\n  aliases: [AAA]\n  agency: []\n  note: ${'['.repeat(40_000)}${']'.repeat(40_000)}\n`;
    const set = RecordSet.fromTexts([{ path: 'programs.yaml', text }]);
    expect(set.problems.length).toBeGreaterThan(0);
    expect(set.problems[0].file).toBe('programs.yaml');
  });

  it('count brackets inside strings as text, not nesting', () => {
    const text = `[{"id":"x","note":"${'['.repeat(MAX_RECORD_DEPTH * 3)}"}]`;
    expect(findDeepEntries(text).entries).toEqual([]);
  });

  it('blank a deep entry without moving lines or offsets', () => {
    const text = `[\n  {"a": [[\n[]]]},\n  {"b": 1}\n]`;
    const found = findDeepEntries(text, 3);
    expect(found.entries).toHaveLength(1);
    const blanked = blankEntries(text, found.entries);
    expect(blanked).toHaveLength(text.length);
    expect(blanked.split('\n')).toHaveLength(text.split('\n').length);
    expect(JSON.parse(blanked)).toEqual([null, { b: 1 }]);
  });
});

describe('YAML record files', () => {
  it('resolve anchors and aliases across entries', () => {
    const text = [
      '- id: aaa',
      '  kind: program',
      '  name: A',
      '  aliases: &shared [AAA]',
      '  agency: &agencies []',
      '- id: bbb',
      '  kind: program',
      '  name: B',
      '  aliases: [BBB]',
      '  agency: *agencies',
      '  country: &place [Guatemala]',
      '- id: ccc',
      '  kind: program',
      '  name: C',
      '  aliases: [CCC]',
      '  agency: []',
      '  country: *place',
    ].join('\n');
    const set = RecordSet.fromTexts([{ path: 'programs.yaml', text }]);
    expect(set.problems).toEqual([]);
    expect(set.program('ccc')?.country).toEqual(['Guatemala']);
    expect(set.program('bbb')?.agency).toEqual([]);
  });

  it('refuse an alias bomb with a located problem', () => {
    const lines = ['- id: aaa', '  kind: program', '  name: A', '  aliases: [AAA]', '  agency: []', '  note: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) lines.push(`  n${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
    const set = RecordSet.fromTexts([{ path: 'programs.yaml', text: lines.join('\n') }]);
    expect(set.problems.length).toBeGreaterThan(0);
    expect(set.problems[0].file).toBe('programs.yaml');
  });
});
