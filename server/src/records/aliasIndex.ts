/**
 * The alias index: a trie over normalised word tokens, compiled once from every alias.
 *
 * Finding mentions walks the text's tokens once; at each token the trie is followed only
 * as deep as the longest alias, so the cost depends on the text and the longest alias,
 * never on how many aliases there are.
 *
 * The trie is stored flat, as one hash map from a key path (the keys of an alias's first
 * words, joined) to what lies there: whether an alias ends there, and whether a longer one
 * goes on. A Map per trie node costs hundreds of bytes each, most of a large index's memory.
 *
 * Matching rules:
 * - whole words only ("ICE" is not in "price");
 * - a token written in capitals ("ICE", "TCIU", "CAFÉ") matches case-sensitively,
 *   any other token case- and accent-insensitively ("Tecun Uman" = "Tecún Umán");
 * - a trailing plural "s"/"es" is accepted ("TCIUs", "Task Forces");
 * - hyphens split words, and a hyphenated alias also matches its closed form
 *   ("Inter-Agency" = "Inter Agency" = "Interagency");
 * - the longest alias starting at a token wins ("FTI Tecún Umán" over "FTI");
 * - words that mean the same in a name ("Operación"/"Operation", "Interagencial"/
 *   "Interinstitucional") share one key, and other word orders are indexed too (nameVariants.ts).
 */

export interface Token {
  start: number;
  end: number;
  text: string;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** The same pattern, for wordTokens (a global RegExp keeps its lastIndex: one per loop). */
const WORDS = /[\p{L}\p{N}\p{M}]+/gu;
const HYPHENS = /^[-\u2010\u2011\u2012\u2013\u2014]$/;

/** Splits text into word tokens; `joined[i]` is true when token i is hyphen-joined to token i+1. */
export function tokenize(text: string): { tokens: Token[]; joined: boolean[] } {
  const tokens: Token[] = [];
  const joined: boolean[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    if (tokens.length > 0) {
      const prev = tokens[tokens.length - 1];
      joined[tokens.length - 1] = m.index === prev.end + 1 && HYPHENS.test(text[prev.end]);
    }
    tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  joined[tokens.length - 1] = false;
  return { tokens, joined };
}

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII = /^[\x00-\x7f]*$/;

/** Lower-cases and strips accents (Tecún → tecun). */
export function fold(word: string): string {
  // ASCII has no accents to strip and is its own NFD: lower-casing is all there is to do.
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const ACRONYM = /^(?=(?:.*\p{Lu}){2})[\p{Lu}\p{N}\p{M}]+$/u;
const ACRONYM_PLURAL = /^((?=(?:.*\p{Lu}){2})[\p{Lu}\p{N}\p{M}]+)s$/u;

function isAcronym(word: string): boolean {
  return ACRONYM.test(word);
}

import { nameVariants, SAME_WORD } from './nameVariants';

/** A folded word as the index keys it. */
function wordKey(folded: string): string {
  return 'w' + (SAME_WORD.get(folded) ?? folded);
}

/** The trie keys an alias token is stored under. */
function aliasKey(word: string): string {
  return isAcronym(word) ? 'A' + word.normalize('NFC') : wordKey(fold(word));
}

/** The trie keys a text token may match, most exact first. */
function computeTextKeys(word: string): string[] {
  if (isAcronym(word)) return ['A' + word.normalize('NFC')];
  const plural = ACRONYM_PLURAL.exec(word);
  const keys: string[] = [];
  const f = fold(word);
  // The word as written first ("ILEAs" as an alias of its own), then an acronym's singular.
  keys.push(wordKey(f));
  if (plural) keys.push('A' + plural[1].normalize('NFC'));
  if (f.length > 3 && f.endsWith('s')) keys.push(wordKey(f.slice(0, -1)));
  if (f.length > 4 && f.endsWith('es')) keys.push(wordKey(f.slice(0, -2)));
  return keys;
}

// Performance: the keys depend only on the word, and a draft repeats its words, so they are
// memoised (normalize() and the Unicode regexps are the cost of matching). The cache is
// bounded: it is dropped whole when it grows past the limit. The arrays are shared: callers
// must not modify them.
const TEXT_KEYS_LIMIT = 200_000;
let textKeysCache = new Map<string, string[]>();

function textKeys(word: string): string[] {
  let keys = textKeysCache.get(word);
  if (keys === undefined) {
    keys = computeTextKeys(word);
    if (textKeysCache.size >= TEXT_KEYS_LIMIT) textKeysCache = new Map();
    textKeysCache.set(word, keys);
  }
  return keys;
}

export interface AliasEntry {
  alias: string;
  target: string;
  unconfirmed?: boolean;
}

export interface Mention {
  start: number;
  end: number;
  target: string;
  alias: string;
  unconfirmed: boolean;
}

/** An alias that could not be indexed, and why. */
export interface AliasConflict {
  entry: AliasEntry;
  reason: 'empty' | 'taken' | 'too-long';
  takenBy?: string;
}

/**
 * The longest alias, in words. Matching walks the trie as deep as the longest alias from every
 * word of a draft, so this bound keeps matching linear with a small factor whatever the records.
 */
export const MAX_ALIAS_WORDS = 16;

/**
 * Join the keys of a path, by what stands between the words: white space, a hyphen or a
 * quotation mark; or other punctuation ("U.S. Army", "Guatemala’s national police"). Keys are
 * word characters behind a one-letter tag, so never hold either.
 */
const SPACED = '\u0001';
const PUNCTUATED = '\u0002';
// Quotation marks are transparent: all “root cause” assistance.
const SPACE_GAP = /^[\s\-\u2010\u2011\u2012\u2013\u2014"“”„‘’'«»]+$/;

/** How the words on either side of `gap` are joined: an alias's words joined by white space are found only so joined in a draft. */
function joint(gap: string): string {
  return SPACE_GAP.test(gap) ? SPACED : PUNCTUATED;
}

/** The separators a draft's gap may stand for: a plain gap matches either, punctuation only punctuation ("Guatemala. TCIU" is not "Guatemala TCIU"). */
const JOINTS: Record<string, string[]> = { [SPACED]: [SPACED, PUNCTUATED], [PUNCTUATED]: [PUNCTUATED] };

/** A path's entry in the map: bit 0 says a longer alias goes on from it, the rest is hit index + 1 (0: none ends here). */
const GOES_ON = 1;
const hitOf = (slot: number): number => (slot >>> 1) - 1;

export class AliasIndex {
  private readonly paths = new Map<string, number>();
  /** The hits, by index: the program an alias names, the alias as written, and which are unconfirmed. */
  private readonly targets: string[] = [];
  private readonly aliases: string[] = [];
  private readonly unconfirmed = new Set<number>();
  /** Hits of generated spellings (nameVariants.ts), which give way to a longer name they end ("Joint Task Force Maya-Chortí"). */
  private readonly generatedHits = new Set<number>();
  private maxDepth = 0;
  readonly size: number;
  readonly conflicts: AliasConflict[] = [];

  constructor(entries: Iterable<AliasEntry>) {
    let size = 0;
    const generated: AliasEntry[] = [];
    for (const entry of entries) {
      // The other spellings of the name (nameVariants.ts) come after every alias as written, and give way to them.
      for (const alias of nameVariants(entry.alias)) generated.push({ ...entry, alias });
      const variants = aliasVariants(entry.alias);
      if (variants.some((v) => v.keys.length > MAX_ALIAS_WORDS)) {
        this.conflicts.push({ entry, reason: 'too-long' });
        continue;
      }
      if (variants.length === 0) {
        this.conflicts.push({ entry, reason: 'empty' });
        continue;
      }
      for (const variant of variants) {
        const taken = this.insert(variant, entry);
        if (taken && taken !== entry.target) {
          this.conflicts.push({ entry, reason: 'taken', takenBy: taken });
          break;
        }
      }
      size++;
    }
    for (const entry of generated) {
      const variants = aliasVariants(entry.alias);
      if (variants.length === 0 || variants.some((v) => v.keys.length > MAX_ALIAS_WORDS)) continue;
      for (const variant of variants) {
        const before = this.targets.length;
        this.insert(variant, entry);
        if (this.targets.length > before) this.generatedHits.add(before);
      }
    }
    this.size = size;
  }

  /** Inserts one key path; returns the target already stored there, if any. */
  private insert({ keys, joints }: Variant, entry: AliasEntry): string | undefined {
    // Paths are joined whole (join() makes a flat string; concatenation would keep a rope per key).
    const parts: string[] = [];
    for (let depth = 1; depth < keys.length; depth++) {
      parts.push(keys[depth - 1]);
      const prefix = parts.join('');
      const slot = this.paths.get(prefix) ?? 0;
      if (!(slot & GOES_ON)) this.paths.set(prefix, slot | GOES_ON);
      parts.push(joints[depth - 1]);
    }
    parts.push(keys[keys.length - 1]);
    this.maxDepth = Math.max(this.maxDepth, keys.length);
    const path = parts.join('');
    const slot = this.paths.get(path) ?? 0;
    if (hitOf(slot) >= 0) return this.targets[hitOf(slot)];
    const hit = this.targets.length;
    this.targets.push(entry.target);
    this.aliases.push(entry.alias);
    if (entry.unconfirmed) this.unconfirmed.add(hit);
    this.paths.set(path, (slot & GOES_ON) | ((hit + 1) << 1));
    return undefined;
  }

  /** Every alias in `text`, longest first and without overlaps, in text order. */
  findMentions(text: string): Mention[] {
    const tokens = wordTokens(text);
    const keys = tokens.map((t) => textKeys(t.text));
    const mentions: Mention[] = [];
    for (let i = 0; i < tokens.length; ) {
      const best = this.startsAlias(keys[i]) ? this.longestAt(text, tokens, keys, i) : undefined;
      if (best && !(this.generatedHits.has(best.hit) && endsLongerName(text, tokens, i))) {
        mentions.push({
          start: tokens[i].start,
          end: tokens[best.last].end,
          target: this.targets[best.hit],
          alias: this.aliases[best.hit],
          unconfirmed: this.unconfirmed.has(best.hit),
        });
        i = best.last + 1;
      } else {
        i++;
      }
    }
    return mentions;
  }

  /**
   * Whether `findMentions(text)` would find anything, without building the mentions: true as
   * soon as an alias starts at some token. (findMentions finds nothing exactly when no alias
   * starts at any token: it tries every token until one matches.)
   */
  hasMention(text: string): boolean {
    const tokens = wordTokens(text);
    const keys = tokens.map((t) => textKeys(t.text));
    for (let i = 0; i < keys.length; i++) if (this.startsAlias(keys[i]) && this.longestAt(text, tokens, keys, i)) return true;
    return false;
  }

  /** A cheap first step: most tokens start no alias at all, and need not walk the trie. */
  private startsAlias(keys: string[]): boolean {
    for (const key of keys) if (this.paths.has(key)) return true;
    return false;
  }

  private longestAt(text: string, tokens: Token[], keys: string[][], i: number): { hit: number; last: number } | undefined {
    // Breadth over the few keys each token can take (exact, singular), depth up to the longest
    // alias; only paths that a longer alias goes on from are followed.
    let frontier: string[] = [];
    let best: { hit: number; last: number } | undefined;
    for (let j = i; j < keys.length && j - i < this.maxDepth && (j === i || frontier.length > 0); j++) {
      const nextFrontier: string[] = [];
      let found = false;
      const joints = j === i ? [''] : JOINTS[joint(text.slice(tokens[j - 1].end, tokens[j].start))];
      for (const from of j === i ? [''] : frontier) {
        for (const key of keys[j]) for (const sep of joints) {
          const path = from + sep + key;
          const slot = this.paths.get(path);
          if (slot === undefined) continue;
          if (!found && hitOf(slot) >= 0) {
            best = { hit: hitOf(slot), last: j };
            found = true;
          }
          if (slot & GOES_ON) nextFrontier.push(path);
        }
      }
      frontier = nextFrontier;
    }
    return best;
  }
}

const DETERMINER = /^(?:The|A|An|This|That|These|Those|Its|Their|La|El|Los|Las|Una?|Esta|Este|Dicha|Dicho|Su|Sus|In|En|Under|Bajo|With|Con|And|Y)$/;

/** Whether the words from token i on follow a capitalised word in the same name ("Joint Task Force…"). */
function endsLongerName(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return false;
  const prev = tokens[i - 1];
  if (!/^\p{Lu}/u.test(prev.text) || DETERMINER.test(prev.text)) return false;
  return /^[ \t]+$/.test(text.slice(prev.end, tokens[i].start));
}

/** The word tokens of `text` (tokenize() without the hyphen links, which matching does not use). */
function wordTokens(text: string): Token[] {
  const tokens: Token[] = [];
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(text); m; m = WORDS.exec(text)) tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return tokens;
}

interface Variant {
  keys: string[];
  /** How each word is joined to the next: SPACED or PUNCTUATED. */
  joints: string[];
}

/** The key paths an alias is indexed under: its words, and its closed form where it has hyphens. */
function aliasVariants(alias: string): Variant[] {
  const { tokens, joined } = tokenize(alias);
  if (tokens.length === 0) return [];
  const gap = (i: number) => joint(alias.slice(tokens[i - 1].end, tokens[i].start));
  const split: Variant = { keys: tokens.map((t) => aliasKey(t.text)), joints: tokens.slice(1).map((_, i) => gap(i + 1)) };
  if (!joined.some(Boolean)) return [split];
  // The closed form: hyphen-joined words made one ("Inter-Agency" → "InterAgency").
  const closed: Variant = { keys: [], joints: [] };
  let first = 0;
  tokens.forEach((_, i) => {
    if (joined[i]) return;
    if (first > 0) closed.joints.push(gap(first));
    closed.keys.push(aliasKey(tokens.slice(first, i + 1).map((w) => w.text).join('')));
    first = i + 1;
  });
  return [split, closed];
}
