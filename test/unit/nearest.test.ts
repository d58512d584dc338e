import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NearWordIndex, nearestNames } from '../../server/src/records/nearest';
import { WordTable } from '../../server/src/records/wordTable';
import { bundledRecords } from '../helpers/records';
import { levenshtein, nearByScan } from '../helpers/nearScan';

/** Words over a few letters (one past U+00FF), so that many are near one another. */
const letter = fc.constantFrom('a', 'b', 'c', 'd', 'é', 'ğ');
const word = fc.array(letter, { minLength: 1, maxLength: 12 }).map((l) => l.join(''));
const edit = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.nat(20), letter);

/** `w` with the edits made: 0 replaces a letter, 1 deletes one, 2 inserts one. */
function edited(w: string, edits: [number, number, string][]): string {
  for (const [kind, where, c] of edits) {
    const at = where % (w.length + 1);
    w = kind === 0 ? w.slice(0, at) + c + w.slice(at + 1) : kind === 1 ? w.slice(0, at) + w.slice(at + 1) : w.slice(0, at) + c + w.slice(at);
  }
  return w;
}

function tableOf(words: string[]): WordTable {
  const table = new WordTable();
  for (const w of words) table.add(w);
  table.trim();
  return table;
}

describe('near words', () => {
  it('the helper measures Levenshtein distance', () => {
    expect(levenshtein('chorti', 'chortí')).toBe(1);
    expect(levenshtein('martillo', 'martilo')).toBe(1);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
  });

  it('finds exactly the words a scan of every word finds', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), word, fc.nat(), fc.array(edit, { maxLength: 3 }), (vocabulary, other, pick, edits) => {
        const table = tableOf(vocabulary);
        // The word asked about: a recorded word edited up to three times, or any word.
        const asked = vocabulary.length > 0 && pick % 3 !== 0 ? edited(vocabulary[pick % vocabulary.length], edits) : other;
        expect(new NearWordIndex(table).near(asked, table.get(asked))).toEqual(nearByScan(table, asked));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds exactly what the scan finds in a large vocabulary, looking at few words', () => {
    let seed = 5;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) / 2 ** 24;
    const rng = { int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(items: T[]) => items[Math.floor(next() * items.length)] };
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const vocabulary = Array.from({ length: 20_000 }, () => Array.from({ length: rng.int(3, 12) }, () => rng.pick([...letters])).join(''));
    const table = tableOf(vocabulary);
    const index = new NearWordIndex(table);
    let visited = 0;
    let near = 0;
    for (let q = 0; q < 200; q++) {
      const base = vocabulary[rng.int(0, vocabulary.length - 1)];
      const edits: [number, number, string][] = Array.from({ length: rng.int(0, 2) }, () => [rng.int(0, 2), rng.int(0, 20), rng.pick([...letters])]);
      const asked = edited(base, edits);
      const found = index.near(asked, table.get(asked));
      expect(found).toEqual(nearByScan(table, asked));
      visited += index.visited;
      near += found.length;
    }
    expect(near).toBeGreaterThan(100);
    // Only the words listed under the parts of the word asked about, where they could be, are looked at.
    expect(visited / 200).toBeLessThan(table.size / 50);
  });
});

describe('did you mean', () => {
  it('names the recorded names within two letters of an unknown name’s words', () => {
    const records = bundledRecords();
    expect(nearestNames(records, 'Fuerza de Tarea Kaminal')).toEqual(['FTI Kaminal']);
    expect(nearestNames(records, 'Operation Martilo')).toContain('Operation Martillo');
    expect(nearestNames(records, 'Operation Firewall')).toEqual([]);
  });
});
