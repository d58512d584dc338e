/**
 * Text of a source document, normalised for matching, with offsets back to the text as
 * extracted (and so to its page).
 *
 * Matching is word-level: a document and a quote are both cut into word tokens whose keys are
 * lower-cased, accent-free and typography-free ("ﬁnal" = "final", "Tecún" = "tecun",
 * "don’t" = "don't"), and a word hyphenated across a line end ("identifi-\ncation") is one
 * token. Punctuation and white space lie between tokens and are compared later, on the
 * original text, by whoever needs them.
 *
 * Pure: no file system, no LSP.
 */

/** A document's words: parallel arrays, one entry per word. */
import { lowerBound } from '../sorted';
export interface WordTokens {
  /** FNV-1a hash of each word's key (wordKey). */
  hashes: Uint32Array;
  /** Offset of each word's first character in the text. */
  starts: Uint32Array;
  /** Offset just past each word's last character (a hyphenated word spans its line break). */
  ends: Uint32Array;
}

// A number with thousands separators or a decimal part ("4,600", "4.6", "1 000" with a no-break
// space), or a run of letters, digits and marks with inner apostrophes ("don't", "l’État").
// The soft hyphen (U+00AD) may sit inside a word: it is dropped from the key.
const TOKEN = /\p{N}+(?:[.,\u00A0\u202F\u2009'’]\p{N}+)*|[\p{L}\p{N}\p{M}\u00AD]+(?:['’\u02BC][\p{L}\p{M}]+)*/gu;
/** A hyphen at a line end (with what may follow it before the next line's first word). */
const LINE_END_HYPHEN = /^[-\u00AD\u2010\u2011][ \t]*(?:\r?\n|\f\n?)[ \t]*(?=\p{Ll})/u;
/** After a word that ends in a soft hyphen: the break, and the next word. */
const SOFT_BREAK = /^[ \t]*(?:\r?\n|\f\n?)?[ \t]*(?=\p{L})/u;
const HYPHEN_CHARS = new Set(['-', '\u00AD', '\u2010', '\u2011']);

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /[\p{M}\u00AD]/gu;
const APOSTROPHES = /[’\u02BC]/g;

/** The key a word is matched by: lower case, no accents, ligatures spelled out, one apostrophe. */
export function wordKey(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  // NFKD spells out ligatures (ﬁ → fi) and splits accents off their letters.
  return word.normalize('NFKD').replace(MARKS, '').replace(APOSTROPHES, "'").toLowerCase();
}

/** 32-bit FNV-1a over UTF-16 code units. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Cuts text into word tokens (see the module comment). Linear in the text. */
export function tokenizeWords(text: string): WordTokens {
  // Two passes would double the regex work; grow plain arrays, then copy into typed ones.
  const hashes: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const re = new RegExp(TOKEN.source, TOKEN.flags);
  let pendingKey: string | undefined;
  let pendingStart = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    let key = wordKey(word);
    let from = start;
    if (pendingKey !== undefined) {
      key = pendingKey + key;
      from = pendingStart;
      pendingKey = undefined;
    }
    // "identifi-\ncation": hold the first half and join it to the next word.
    const softBreak = word.endsWith('\u00AD') && SOFT_BREAK.test(text.slice(end, end + 16));
    if (softBreak || (HYPHEN_CHARS.has(text[end]) && LINE_END_HYPHEN.test(text.slice(end, end + 16)))) {
      pendingKey = key;
      pendingStart = from;
      continue;
    }
    hashes.push(hashKey(key));
    starts.push(from);
    ends.push(end);
  }
  if (pendingKey !== undefined) {
    hashes.push(hashKey(pendingKey));
    starts.push(pendingStart);
    ends.push(text.length);
  }
  return { hashes: Uint32Array.from(hashes), starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** The keys of a short passage's words (a quote, an alias), with the same rules as tokenizeWords. */
export function passageKeys(text: string): string[] {
  const t = tokenizeWords(text);
  const keys: string[] = [];
  for (let i = 0; i < t.starts.length; i++) keys.push(tokenKey(text, t.starts[i], t.ends[i]));
  return keys;
}

/** The key of the token at [start, end) of text, a hyphenated line break dropped. */
export function tokenKey(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  const joined = raw.replace(/[-\u00AD\u2010\u2011][ \t]*(?:\r?\n|\f\n?)[ \t]*/gu, '');
  return wordKey(joined);
}

const QUOTES = /[“”„‟«»″〝〞＂]/g;
const SINGLE_QUOTES = /[‘’‚‛‹›′`´]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g;
const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st' };
const LIGATURE = /[ﬀ-ﬆ]/g;

/**
 * A stretch of extracted text as a reader would write it: a word hyphenated across a line end
 * whole, soft hyphens dropped, ligatures spelled out, white space (line ends, page breaks)
 * collapsed; quotation marks and dashes as the document has them.
 */
export function readable(text: string): string {
  return text
    .replace(/[-\u00AD\u2010\u2011][ \t]*(?:\r?\n|\f\n?)[ \t]*(?=\p{Ll})/gu, '')
    .replace(/\u00AD/g, '')
    .replace(LIGATURE, (c) => LIGATURES[c] ?? c)
    .replace(SPACES, ' ')
    .trim();
}

/**
 * Typography out of the way, for comparing the punctuation of two passages: the readable text
 * with one kind of double and single quotation mark and one dash.
 */
export function typographic(text: string): string {
  return readable(text).replace(QUOTES, '"').replace(SINGLE_QUOTES, "'").replace(DASHES, '-');
}

/** The 1-based page holding `offset`, given each page's start offset (ascending, first 0). */
export function pageAt(pageStarts: ArrayLike<number>, offset: number): number {
  return Math.max(1, lowerBound(pageStarts.length, (i) => pageStarts[i] <= offset));
}

/** 0-based line and UTF-16 column of `offset` in text (CRLF, CR and LF all end a line). */
export function lineAt(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  // Lone CRs (old Mac line ends) are rare: count them only where there are any.
  if (text.includes('\r')) {
    line = 0;
    lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
  }
  return { line, column: offset - lineStart };
}

const SENTENCE_END = /[.!?…]["'”’)\]]*\s/gu;

/**
 * The sentence around [start, end): from after the previous sentence end (or paragraph break)
 * to the next, at most `max` characters either side, cut at a word boundary with an ellipsis.
 */
export function sentenceAround(text: string, start: number, end: number, max = 240): { text: string; start: number; end: number } {
  const lo = Math.max(0, start - max);
  let from = lo;
  const before = text.slice(lo, start);
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(before); m; m = SENTENCE_END.exec(before)) from = lo + m.index + m[0].length;
  const para = before.lastIndexOf('\n\n');
  if (para >= 0 && lo + para + 2 > from) from = lo + para + 2;
  const pageBreak = before.lastIndexOf('\f');
  if (pageBreak >= 0 && lo + pageBreak + 1 > from) from = lo + pageBreak + 1;
  const hi = Math.min(text.length, end + max);
  const after = text.slice(end, hi);
  SENTENCE_END.lastIndex = 0;
  const e = SENTENCE_END.exec(after);
  let to = e ? end + e.index + e[0].trimEnd().length : hi;
  const pend = after.indexOf('\n\n');
  if (pend >= 0 && end + pend < to) to = end + pend;
  const fend = after.indexOf('\f');
  if (fend >= 0 && end + fend < to) to = end + fend;
  let s = readable(text.slice(from, to));
  if (from === lo && lo > 0) s = '…' + s.replace(/^\S*\s/, '');
  if (to === hi && hi < text.length) s = s.replace(/\s\S*$/, '') + '…';
  return { text: s, start: from, end: to };
}
