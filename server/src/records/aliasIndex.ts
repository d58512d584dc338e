/**
 * The alias index: a trie over normalised word tokens, compiled once from every alias.
 *
 * Finding mentions walks the text's tokens once; at each token the trie is followed only
 * as deep as the longest alias, so the cost depends on the text and the longest alias,
 * never on how many aliases there are.
 *
 * The trie is stored compactly: its words in a WordTable (wordTable.ts), its nodes numbered,
 * its edges in one typed hash table while it is built (AliasIndex.edges), then frozen into
 * typed arrays where each node's children are numbered together (AliasIndex.freeze). A Map per
 * trie node costs hundreds of bytes each, and a map from each key path (the keys of an alias's
 * first words, joined) to its node about a hundred: most of a large index's memory either way.
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

import { fit } from '../fit';
import { nameVariants, SAME_WORD } from './nameVariants';
import type { Program } from './types';
import { WordTable } from './wordTable';

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
  /**
   * The record marks the alias ambiguous (records/context.ts): another record that marks it so
   * too may hold the same words, and a match names whichever of them its context allows
   * ("Policía Nacional Civil" in Guatemala or in El Salvador).
   */
  shared?: boolean;
  /** The record lets a common word be this alias, read only written exactly so and in the context it needs (AmbiguousAlias.exactCase). */
  guarded?: boolean;
}

/** Another record that holds the same words as a shared alias. */
export interface OtherReading {
  target: string;
  alias: string;
  unconfirmed: boolean;
}

export interface Mention {
  start: number;
  end: number;
  target: string;
  alias: string;
  unconfirmed: boolean;
  /** The other records that hold the same words, each marking them ambiguous: the context decides (records/context.ts). */
  others?: OtherReading[];
}

/** An alias that could not be indexed, and why. */
export interface AliasConflict {
  entry: AliasEntry;
  reason: 'empty' | 'taken' | 'too-long' | 'too-short' | 'common-word';
  takenBy?: string;
  /** For a common word: the language whose frequent words hold it. */
  language?: string;
}

/** Common words, lower-cased, with the language they are common in (node/commonWords.ts loads them). */
export type CommonWordList = ReadonlyMap<string, { language: string }>;

export interface AliasIndexOptions {
  /** One-word aliases in this list are refused, unless written as an acronym ("TAG"). */
  commonWords?: CommonWordList;
}

/**
 * Why a one-word alias would be found in ordinary prose, or undefined: one or two letters or
 * digits ("a", "I", "of", "US"), or a common word that is not written as an acronym ("the").
 * Such an alias would make every sentence that uses the word a claim about the program.
 */
export function tooCommon(alias: string, commonWords: CommonWordList | undefined): { reason: 'too-short' | 'common-word'; language?: string } | undefined {
  const words = alias.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  if (words.length !== 1) return undefined;
  const word = words[0];
  if ([...word.replace(/\p{M}/gu, '')].length <= 2) return { reason: 'too-short' };
  if (isAcronym(word)) return undefined;
  const common = commonWords?.get(word.toLowerCase()) ?? commonWords?.get(fold(word));
  return common ? { reason: 'common-word', language: common.language } : undefined;
}

/** Whether a record's rule lets a common word be its alias ("State"): read only written exactly so, and in the context it needs (records/context.ts). */
export function guardsCommonWord(program: Pick<Program, 'ambiguousAliases'>, alias: string): boolean {
  const folded = fold(alias);
  return (program.ambiguousAliases ?? []).some((a) => a.exactCase === true && (a.needs?.length ?? 0) > 0 && fold(a.alias) === folded);
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
const ROOT_JOINTS = [''];
const ROOT = [0];

/** A node's slot: bit 0 says a longer alias goes on from it, the rest is hit index + 1 (0: none ends here). */
const GOES_ON = 1;
const hitOf = (slot: number): number => (slot >>> 1) - 1;
/** How an edge joins its word to the one before: not at all (from the root), by white space, by punctuation. */
const JOINT_CODE: Record<string, number> = { '': 0, [SPACED]: 1, [PUNCTUATED]: 2 };

export class AliasIndex {
  /**
   * The trie, compact: each distinct word key has a number (`words`); each node is a number,
   * the root 0, with its slot in `slots`; while the trie is built, an edge (node, word, joint)
   * → child lives in `edges`, an open-addressing hash table of Int32 triples (parent + 1,
   * label, child); once built, in the frozen arrays below. With 100,000 programs the frozen
   * trie takes 8 MB, the table and slots 14 MB.
   */
  private readonly words = new WordTable();
  private edges = new Int32Array(3 * 1024);
  private edgeCount = 0;
  private slots = new Int32Array(1024);
  private nodeCount = 1;
  /** The frozen trie (freeze()): each node's first child, each node's label, the root's child by word. */
  private first: Int32Array | undefined;
  private labels = new Int32Array(0);
  private rootChild = new Int32Array(0);
  /** The hits, by index: the program an alias names, the alias as written, and which are unconfirmed. */
  private targets: string[] = [];
  private aliases: string[] = [];
  private readonly unconfirmed = new Set<number>();
  /** Hits of shared aliases (AliasEntry.shared), and the other records' hits for the same words, by the hit in the trie. */
  private readonly sharedHits = new Set<number>();
  private readonly others = new Map<number, number[]>();
  private readonly guardedHits = new Set<number>();
  /** Hits of generated spellings (nameVariants.ts), which give way to a longer name they end ("Joint Task Force Maya-Chortí"). */
  private readonly generatedHits = new Set<number>();
  private maxDepth = 0;
  readonly size: number;
  readonly conflicts: AliasConflict[] = [];

  constructor(entries: Iterable<AliasEntry>, options: AliasIndexOptions = {}) {
    let size = 0;
    const generated: AliasEntry[] = [];
    for (const entry of entries) {
      const common = tooCommon(entry.alias, options.commonWords);
      if (common && !(common.reason === 'common-word' && entry.guarded)) {
        this.conflicts.push({ entry, ...common });
        continue;
      }
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
    // Nothing is added after: the room kept for more goes back, and the trie is frozen.
    this.words.trim();
    this.freeze();
    // Grown by push, they kept room for up to half as many more hits again (2.4 MB with 100,000 programs).
    this.targets = fit(this.targets);
    this.aliases = fit(this.aliases);
  }

  /** Inserts one key path; returns the target already stored there, if any. */
  private insert({ keys, joints }: Variant, entry: AliasEntry): string | undefined {
    let node = 0;
    for (let depth = 0; depth < keys.length; depth++) {
      const word = this.words.add(keys[depth]);
      const label = word * 3 + (depth === 0 ? 0 : JOINT_CODE[joints[depth - 1]]);
      let child = this.edgeChild(node, label);
      if (child < 0) child = this.addChild(node, label);
      // A longer alias goes on from every node before the last.
      if (depth < keys.length - 1) this.slots[child] |= GOES_ON;
      node = child;
    }
    this.maxDepth = Math.max(this.maxDepth, keys.length);
    const slot = this.slots[node];
    const held = hitOf(slot);
    if (held >= 0) {
      const taken = this.targets[held];
      if (taken === entry.target || !entry.shared || !this.sharedHits.has(held)) return taken;
      // Both records mark the words ambiguous: the other is kept beside the one in the trie.
      const known = this.others.get(held) ?? [];
      if (known.some((h) => this.targets[h] === entry.target)) return undefined;
      known.push(this.addHit(entry));
      this.others.set(held, known);
      return undefined;
    }
    const hit = this.addHit(entry);
    this.slots[node] = (slot & GOES_ON) | ((hit + 1) << 1);
    return undefined;
  }

  private addHit(entry: AliasEntry): number {
    const hit = this.targets.length;
    this.targets.push(entry.target);
    this.aliases.push(entry.alias);
    if (entry.unconfirmed) this.unconfirmed.add(hit);
    if (entry.shared) this.sharedHits.add(hit);
    if (entry.guarded) this.guardedHits.add(hit);
    return hit;
  }

  /** The edge table's index for (parent, label). */
  private static hash(parent: number, label: number, mask: number): number {
    let h = Math.imul(parent ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(label + 0x27d4eb2d, 0x85ebca77);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return h & mask;
  }

  /** The child of `parent` along `label`, or -1: in the frozen trie once built, in the edge table while building. */
  private child(parent: number, label: number): number {
    if (this.first === undefined) return this.edgeChild(parent, label);
    // The root's children by word (its edges join nothing: label = word * 3).
    if (parent === 0) return label % 3 === 0 ? this.rootChild[label / 3] : -1;
    // Any other node's children are numbered together, in the order of their labels.
    const labels = this.labels;
    let lo = this.first[parent];
    let hi = this.first[parent + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const l = labels[mid];
      if (l === label) return mid;
      if (l < label) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private edgeChild(parent: number, label: number): number {
    const edges = this.edges;
    const mask = edges.length / 3 - 1;
    for (let i = AliasIndex.hash(parent, label, mask); ; i = (i + 1) & mask) {
      const at = i * 3;
      const p = edges[at];
      if (p === 0) return -1;
      if (p === parent + 1 && edges[at + 1] === label) return edges[at + 2];
    }
  }

  /**
   * Numbers the nodes again, breadth first, so that each node's children are numbered together
   * in the order of their labels: a node's children are then `first[node]` to `first[node + 1]`,
   * each child's label in `labels`, and the edge table is let go. Two Int32 per node instead of
   * three per edge in a table a quarter to five eighths empty; the root's children by word.
   */
  private freeze(): void {
    const n = this.nodeCount;
    const edges = this.edges;
    // The edges grouped by parent (a counting sort), each group then sorted by label.
    const start = new Int32Array(n + 1);
    for (let at = 0; at < edges.length; at += 3) if (edges[at] !== 0) start[edges[at]]++;
    for (let p = 0; p < n; p++) start[p + 1] += start[p];
    const fill = start.slice(0, n);
    const groupLabel = new Int32Array(this.edgeCount);
    const groupChild = new Int32Array(this.edgeCount);
    for (let at = 0; at < edges.length; at += 3) {
      if (edges[at] === 0) continue;
      const k = fill[edges[at] - 1]++;
      groupLabel[k] = edges[at + 1];
      groupChild[k] = edges[at + 2];
    }
    this.edges = new Int32Array(0);
    for (let p = 0; p < n; p++) {
      const from = start[p];
      const to = start[p + 1];
      if (to - from < 2) continue;
      // Labels and nodes are below 2^26: label * 2^26 + node is exact in a double, and sorts by label.
      const keys = new Float64Array(to - from);
      for (let k = from; k < to; k++) keys[k - from] = groupLabel[k] * 67_108_864 + groupChild[k];
      keys.sort();
      for (let k = from; k < to; k++) {
        groupLabel[k] = Math.floor(keys[k - from] / 67_108_864);
        groupChild[k] = keys[k - from] - groupLabel[k] * 67_108_864;
      }
    }
    // Breadth first: node x's children (old numbers in `order`) take the next numbers.
    const order = new Int32Array(n);
    const labels = new Int32Array(n);
    const first = new Int32Array(n + 1);
    const slots = new Int32Array(n);
    let next = 1;
    for (let x = 0; x < n; x++) {
      const old = order[x];
      first[x] = next;
      slots[x] = this.slots[old];
      for (let k = start[old]; k < start[old + 1]; k++) {
        order[next] = groupChild[k];
        labels[next] = groupLabel[k];
        next++;
      }
    }
    first[n] = next;
    const rootChild = new Int32Array(this.words.size).fill(-1);
    for (let c = first[0]; c < first[1]; c++) rootChild[labels[c] / 3] = c;
    this.slots = slots;
    this.labels = labels;
    this.first = first;
    this.rootChild = rootChild;
  }

  private addChild(parent: number, label: number): number {
    // At most three quarters full: linear probing stays short, and the table small.
    if ((this.edgeCount + 1) * 4 > (this.edges.length / 3) * 3) this.rehash(this.edges.length * 2);
    if (this.nodeCount === this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2);
      slots.set(this.slots);
      this.slots = slots;
    }
    const child = this.nodeCount++;
    this.place(this.edges, parent, label, child);
    this.edgeCount++;
    return child;
  }

  private place(edges: Int32Array, parent: number, label: number, child: number): void {
    const mask = edges.length / 3 - 1;
    let i = AliasIndex.hash(parent, label, mask);
    while (edges[i * 3] !== 0) i = (i + 1) & mask;
    edges[i * 3] = parent + 1;
    edges[i * 3 + 1] = label;
    edges[i * 3 + 2] = child;
  }

  private rehash(length: number): void {
    const old = this.edges;
    const edges = new Int32Array(length);
    for (let at = 0; at < old.length; at += 3) if (old[at] !== 0) this.place(edges, old[at] - 1, old[at + 1], old[at + 2]);
    this.edges = edges;
  }

  /** Every alias in `text`, longest first and without overlaps, in text order. */
  findMentions(text: string): Mention[] {
    const tokens = wordTokens(text);
    const keys = tokens.map((t) => textKeys(t.text));
    const mentions: Mention[] = [];
    for (let i = 0; i < tokens.length; ) {
      const best = this.startsAlias(keys[i]) ? this.longestAt(text, tokens, keys, i) : undefined;
      if (best && this.writtenSo(text, tokens, i, best) && !(this.generatedHits.has(best.hit) && endsLongerName(text, tokens, i))) {
        const others = this.others.get(best.hit);
        mentions.push({
          start: tokens[i].start,
          end: tokens[best.last].end,
          target: this.targets[best.hit],
          alias: this.aliases[best.hit],
          unconfirmed: this.unconfirmed.has(best.hit),
          ...(others ? { others: others.map((h) => ({ target: this.targets[h], alias: this.aliases[h], unconfirmed: this.unconfirmed.has(h) })) } : {}),
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
    for (let i = 0; i < keys.length; i++) {
      if (!this.startsAlias(keys[i])) continue;
      const best = this.longestAt(text, tokens, keys, i);
      if (best && this.writtenSo(text, tokens, i, best)) return true;
    }
    return false;
  }

  /** A common word guarded by its record (AliasEntry.guarded) is a mention only written exactly as the alias ("State", not "state" or "States"). */
  private writtenSo(text: string, tokens: Token[], i: number, best: { hit: number; last: number }): boolean {
    return !this.guardedHits.has(best.hit) || text.slice(tokens[i].start, tokens[best.last].end) === this.aliases[best.hit];
  }

  /** A cheap first step: most tokens start no alias at all, and need not walk the trie. */
  private startsAlias(keys: string[]): boolean {
    for (const key of keys) {
      const word = this.words.get(key);
      if (word >= 0 && this.child(0, word * 3) >= 0) return true;
    }
    return false;
  }

  private longestAt(text: string, tokens: Token[], keys: string[][], i: number): { hit: number; last: number } | undefined {
    // Breadth over the few keys each token can take (exact, singular), depth up to the longest
    // alias; only paths that a longer alias goes on from are followed.
    let frontier: number[] = [];
    let best: { hit: number; last: number } | undefined;
    for (let j = i; j < keys.length && j - i < this.maxDepth && (j === i || frontier.length > 0); j++) {
      const nextFrontier: number[] = [];
      let found = false;
      const joints = j === i ? ROOT_JOINTS : JOINTS[joint(text.slice(tokens[j - 1].end, tokens[j].start))];
      for (const from of j === i ? ROOT : frontier) {
        for (const key of keys[j]) {
          const word = this.words.get(key);
          if (word < 0) continue;
          for (const sep of joints) {
            const node = this.child(from, word * 3 + JOINT_CODE[sep]);
            if (node < 0) continue;
            const slot = this.slots[node];
            if (!found && hitOf(slot) >= 0) {
              best = { hit: hitOf(slot), last: j };
              found = true;
            }
            if (slot & GOES_ON) nextFrontier.push(node);
          }
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
