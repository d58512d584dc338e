import type { WordTable } from '../../server/src/records/wordTable';

/** Levenshtein distance in UTF-16 code units, every cell filled: the plain definition, to check faster searches against. */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

const wordLists = new WeakMap<WordTable, string[]>();

/**
 * What the did-you-mean search once did for each word: every word of the table of five letters
 * or more within two letters of `word` (but `word` itself), by measuring the distance to each
 * (those whose length differs by more than two letters aside).
 */
export function nearByScan(table: WordTable, word: string): number[] {
  let words = wordLists.get(table);
  if (!words) wordLists.set(table, (words = Array.from({ length: table.size }, (_, w) => table.word(w))));
  const near: number[] = [];
  if (word.length < 5) return near;
  words.forEach((other, w) => {
    if (other !== word && other.length >= 5 && Math.abs(other.length - word.length) <= 2 && levenshtein(word, other) <= 2) near.push(w);
  });
  return near;
}
