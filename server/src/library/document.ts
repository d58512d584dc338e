/**
 * One source document, read and indexed: its text, pages, words and numbers, and the three
 * questions asked of it — where does this passage occur, does it state this number, does it
 * name any of these aliases. Pure.
 */
import { lowerBound } from '../sorted';
import { extractNumbers, numbersBetween, type NumberOccurrences } from './numbers';
import { hashKey, lineAt, pageAt, passageKeys, readable, sentenceAround, tokenKey, tokenizeWords, type WordTokens } from './text';

export type DocumentFormat = 'pdf' | 'html' | 'text' | 'markdown' | 'zotero-ft-cache';

/** What an extractor hands over: the text and where each page starts in it. */
export interface ExtractedText {
  format: DocumentFormat;
  text: string;
  /** Start offset of each page, ascending, the first 0; one entry for an unpaged document. */
  pageStarts: number[];
  /** The printed label of each page ("iv", "23"), when the document carries labels. */
  pageLabels?: string[];
  /** Pages that had no text (scanned pages), 1-based. */
  emptyPages?: number[];
}

export interface IndexedDocument extends ExtractedText {
  tokens: WordTokens;
  numbers: NumberOccurrences;
  /** Its distinct word hashes, ascending (for the library's word index). */
  distinct?: Uint32Array;
}

export function indexDocument(extracted: ExtractedText): IndexedDocument {
  const tokens = tokenizeWords(extracted.text);
  return { ...extracted, tokens, numbers: extractNumbers(extracted.text), distinct: distinctHashes(tokens.hashes) };
}

/** Sorted distinct values of a hash array. */
export function distinctHashes(hashes: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(hashes).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
  return sorted.slice(0, n);
}

/** Bytes a resident document holds (its text as UTF-16 at worst, and its arrays). */
export function documentBytes(doc: IndexedDocument): number {
  return doc.text.length * 2 + doc.tokens.hashes.byteLength * 3 + doc.numbers.values.byteLength * 2 + (doc.distinct?.byteLength ?? 0);
}

/** Where a passage stands in a document. */
export interface PassageLocation {
  start: number;
  end: number;
  /** 1-based physical page. */
  page: number;
  /** The page as printed, when the document labels its pages; else the physical page as text. */
  pageLabel: string;
  /** The page of the passage's last character (a passage may run over a page break). */
  endPage: number;
  endPageLabel: string;
  /** 0-based line and column of the start, in the extracted text (for text-like documents, the file). */
  line: number;
  column: number;
}

export interface PassageMatch extends PassageLocation {
  /** Every word of the passage, in order, and nothing between them. */
  exact: boolean;
  /** Matched words over the longer of the passage and the document's stretch, 0..1. */
  similarity: number;
  /** The document's words at that place, as a reader would write them (readable()). */
  text: string;
  /** The same with a few more words either side (for comparing a quote that runs past the match). */
  around: string;
  /** The sentence (or sentences) around it, for a hover. */
  context: string;
}

/** Words either side of a match in PassageMatch.around. */
const AROUND_WORDS = 6;

export function locationOf(doc: ExtractedText, start: number, end: number): PassageLocation {
  const page = pageAt(doc.pageStarts, start);
  const endPage = pageAt(doc.pageStarts, Math.max(start, end - 1));
  const { line, column } = lineAt(doc.text, start);
  const label = (p: number) => doc.pageLabels?.[p - 1] || String(p);
  return { start, end, page, pageLabel: label(page), endPage, endPageLabel: label(endPage), line, column };
}

interface Alignment {
  /** Token range [from, to) in the document. */
  from: number;
  to: number;
  matches: number;
  edits: number;
}

/**
 * Semi-global word alignment: the whole query against any stretch of doc[lo, hi). Edit
 * distance with free ends in the document, traced back to the stretch's first token.
 */
function align(q: Uint32Array, doc: Uint32Array, lo: number, hi: number): Alignment | undefined {
  const m = q.length;
  const w = hi - lo;
  if (m === 0 || w <= 0) return undefined;
  // cost[i][j]: edits to align q[0..i) ending at doc[lo + j); start[i][j]: where that stretch starts.
  const cost = new Int32Array((m + 1) * (w + 1));
  const start = new Int32Array((m + 1) * (w + 1));
  const match = new Int32Array((m + 1) * (w + 1));
  const W = w + 1;
  for (let j = 0; j <= w; j++) {
    cost[j] = 0;
    start[j] = j;
  }
  for (let i = 1; i <= m; i++) {
    cost[i * W] = i;
    start[i * W] = 0;
    const qi = q[i - 1];
    for (let j = 1; j <= w; j++) {
      const same = doc[lo + j - 1] === qi;
      const diag = cost[(i - 1) * W + j - 1] + (same ? 0 : 1);
      const up = cost[(i - 1) * W + j] + 1; // a query word missing from the document
      const left = cost[i * W + j - 1] + 1; // a document word missing from the query
      let best = diag;
      let from = (i - 1) * W + j - 1;
      let gained = same ? 1 : 0;
      if (up < best) {
        best = up;
        from = (i - 1) * W + j;
        gained = 0;
      }
      if (left < best) {
        best = left;
        from = i * W + j - 1;
        gained = 0;
      }
      cost[i * W + j] = best;
      start[i * W + j] = start[from];
      match[i * W + j] = match[from] + gained;
    }
  }
  let bestJ = 1;
  for (let j = 1; j <= w; j++) {
    const c = cost[m * W + j];
    const b = cost[m * W + bestJ];
    if (c < b || (c === b && match[m * W + j] > match[m * W + bestJ])) bestJ = j;
  }
  const from = lo + start[m * W + bestJ];
  const to = lo + bestJ;
  return { from, to, matches: match[m * W + bestJ], edits: cost[m * W + bestJ] };
}

export interface LocateOptions {
  /** How many of the best-voted places to align (default 3). */
  candidates?: number;
  /** How common a word is (e.g. how many documents hold it; 0 when none does): rare words anchor the search. */
  rarity?: (hash: number) => number;
}

/** The query's word hashes and keys (keys verify an exact match against hash collisions). */
export interface PassageQuery {
  keys: string[];
  hashes: Uint32Array;
}

/** Omission marks ("…", "...", "[...]") and editorial brackets ("conduct[ing]"), which a quote adds to the document's words. */
const OMISSION = /\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|…|\.{3}/g;
const BRACKETS = /[[\]]/g;

export function passageQuery(passage: string): PassageQuery {
  const keys = passageKeys(passage.replace(OMISSION, ' ').replace(BRACKETS, ''));
  return { keys, hashes: Uint32Array.from(keys, hashKey) };
}

/**
 * Where a passage occurs in a document: the exact occurrence if there is one, else the
 * stretch of the document that shares most words with it, in order. Undefined when no word
 * of the passage is in the document. Linear in the document's words, plus a small alignment
 * (passage × 1.5 passage) at the few places where most of its words line up.
 */
export function locatePassage(doc: IndexedDocument, query: PassageQuery, options: LocateOptions = {}): PassageMatch | undefined {
  const q = query.hashes;
  const m = q.length;
  if (m === 0) return undefined;
  const H = doc.tokens.hashes;
  const n = H.length;
  // Votes per diagonal (document position minus query position). With a rarity measure, only
  // the passage's rarest words vote first: a tight scan for two or three values, where the
  // common words would cast thousands of votes; the others vote only if those find nothing.
  const votes = new Map<number, number>();
  const vote = (j: number, i: number) => {
    const d = j - i;
    votes.set(d, (votes.get(d) ?? 0) + 1);
  };
  if (options.rarity && m > 3) {
    const byRarity = [...new Set(q)].map((h) => ({ h, r: options.rarity!(h) })).filter((x) => x.r > 0);
    byRarity.sort((a, b) => a.r - b.r);
    const anchors = byRarity.slice(0, 3).map((x) => x.h);
    const a0 = anchors[0] ?? -1;
    const a1 = anchors[1] ?? -1;
    const a2 = anchors[2] ?? -1;
    for (let j = 0; j < n; j++) {
      const h = H[j];
      if (h !== a0 && h !== a1 && h !== a2) continue;
      for (let i = 0; i < m; i++) if (q[i] === h) vote(j, i);
    }
  }
  if (votes.size === 0) {
    const positions = new Map<number, number[]>();
    for (let i = 0; i < m; i++) {
      const list = positions.get(q[i]);
      if (list) list.push(i);
      else positions.set(q[i], [i]);
    }
    for (let j = 0; j < n; j++) {
      const at = positions.get(H[j]);
      if (at !== undefined) for (const i of at) vote(j, i);
    }
  }
  if (votes.size === 0) return undefined;
  // Diagonals a few words apart belong to one place (a word added or dropped shifts it).
  const spread = Math.max(2, Math.ceil(m / 8));
  let top = 0;
  for (const v of votes.values()) if (v > top) top = v;
  const floor = Math.max(1, Math.floor(top / 3));
  const scored: Array<[number, number]> = [];
  for (const [d, v] of votes) {
    if (v < floor) continue;
    let s = v;
    for (let k = 1; k <= spread; k++) s += (votes.get(d - k) ?? 0) + (votes.get(d + k) ?? 0);
    scored.push([d, s]);
  }
  scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const picked: number[] = [];
  for (const [d] of scored) {
    if (picked.length >= (options.candidates ?? 3)) break;
    if (picked.every((p) => Math.abs(p - d) > m)) picked.push(d);
  }
  const slack = Math.max(3, Math.ceil(m / 4));
  let best: Alignment | undefined;
  for (const d of picked) {
    const a = align(q, H, Math.max(0, d - slack), Math.min(n, d + m + slack));
    if (!a) continue;
    if (!best || a.edits < best.edits || (a.edits === best.edits && a.matches > best.matches)) best = a;
    if (best.edits === 0) break;
  }
  if (!best || best.matches === 0 || best.to <= best.from) return undefined;
  let exact = best.edits === 0 && best.to - best.from === m;
  if (exact) {
    // Hashes agree; make sure the words do.
    for (let k = 0; k < m && exact; k++) exact = tokenKey(doc.text, doc.tokens.starts[best.from + k], doc.tokens.ends[best.from + k]) === query.keys[k];
  }
  const start = doc.tokens.starts[best.from];
  const end = doc.tokens.ends[best.to - 1];
  const similarity = best.matches / Math.max(m, best.to - best.from);
  const around = sentenceAround(doc.text, start, end);
  return {
    ...locationOf(doc, start, end),
    exact,
    similarity: exact ? 1 : Math.min(similarity, 0.999),
    text: readable(doc.text.slice(start, end)),
    around: aroundOf(doc, start, end),
    context: around.text,
  };
}

/** Words a quote may leave out between two of its parts ("…"). */
const MAX_OMITTED_WORDS = 400;

/**
 * Where a quote as a writer writes it occurs: one with omission marks ("…", "[...]") is
 * located part by part, each part after the one before, at most MAX_OMITTED_WORDS later;
 * the match runs from the first part to the last, exact when every part is.
 */
export function locateQuote(doc: IndexedDocument, quote: string, options: LocateOptions = {}): PassageMatch | undefined {
  const parts = quote.split(OMISSION).map((p) => p.trim()).filter((p) => passageKeys(p.replace(BRACKETS, '')).length > 0);
  const whole = locatePassage(doc, passageQuery(quote), options);
  if (parts.length < 2) return whole;
  const found: PassageMatch[] = [];
  for (const part of parts) {
    const m = locatePassage(doc, passageQuery(part), options);
    if (!m) return whole;
    found.push(m);
  }
  const inOrder = found.every((m, i) => i === 0 || (m.start >= found[i - 1].end && wordsBetween(doc, found[i - 1].end, m.start) <= MAX_OMITTED_WORDS));
  if (!inOrder) return whole;
  const first = found[0];
  const last = found[found.length - 1];
  const words = found.reduce((n, m) => n + passageKeys(m.text).length, 0);
  const similarity = found.reduce((n, m) => n + m.similarity * passageKeys(m.text).length, 0) / Math.max(1, words);
  const exact = found.every((m) => m.exact);
  const combined: PassageMatch = {
    ...locationOf(doc, first.start, last.end),
    exact,
    similarity: exact ? 1 : Math.min(similarity, 0.999),
    text: readable(doc.text.slice(first.start, last.end)),
    around: aroundOf(doc, first.start, last.end),
    context: first.context === last.context ? first.context : `${first.context} … ${last.context}`,
  };
  return whole && whole.similarity > combined.similarity ? whole : combined;
}

/** The index of the first word starting at or after `offset`. */
function wordAt(doc: IndexedDocument, offset: number): number {
  const s = doc.tokens.starts;
  return lowerBound(s.length, (i) => s[i] < offset);
}

/** How many words lie between two offsets of a document. */
function wordsBetween(doc: IndexedDocument, from: number, to: number): number {
  return wordAt(doc, to) - wordAt(doc, from);
}

/** The text of [start, end) with AROUND_WORDS more words either side, readable. */
function aroundOf(doc: IndexedDocument, start: number, end: number): string {
  const n = doc.tokens.starts.length;
  const from = Math.max(0, wordAt(doc, start) - AROUND_WORDS);
  const to = Math.min(n, wordAt(doc, end) + AROUND_WORDS);
  return readable(doc.text.slice(doc.tokens.starts[from], to > 0 ? doc.tokens.ends[to - 1] : end));
}

/** Occurrences of a number within `tolerance` (absolute) in the document. */
export function findNumber(doc: IndexedDocument, value: number, tolerance = 0): PassageLocation[] {
  return numbersBetween(doc.numbers, value - tolerance, value + tolerance).map((o) => locationOf(doc, o.start, o.end));
}

const CAPITALS = /^(?=(?:.*\p{Lu}){2})[\p{Lu}\p{N}\p{M}\s.&-]+$/u;

/**
 * The first place where the document names one of the aliases: whole words in order
 * (hyphenated or not), a trailing plural "s"/"es" accepted; an alias in capitals ("ICE")
 * only in capitals.
 */
export function findAlias(doc: IndexedDocument, aliases: readonly string[]): (PassageLocation & { alias: string }) | undefined {
  const H = doc.tokens.hashes;
  let first: (PassageLocation & { alias: string }) | undefined;
  for (const alias of aliases) {
    const keys = passageKeys(alias);
    if (keys.length === 0) continue;
    const hashes = keys.map(hashKey);
    const last = keys[keys.length - 1];
    const lastForms = new Set([last, last + 's', last + 'es', last + "'s"].map(hashKey));
    const capitals = CAPITALS.test(alias);
    const k = hashes.length;
    for (let j = 0; j + k <= H.length; j++) {
      if (first && doc.tokens.starts[j] >= first.start) break;
      let ok = true;
      for (let i = 0; i < k - 1 && ok; i++) ok = H[j + i] === hashes[i];
      if (!ok || !lastForms.has(H[j + k - 1])) continue;
      const start = doc.tokens.starts[j];
      const end = doc.tokens.ends[j + k - 1];
      if (capitals) {
        const written = doc.text.slice(start, end);
        const stem = written.replace(/(?:['’]s|e?s)$/u, '');
        if (stem.toUpperCase() !== stem) continue;
      }
      first = { ...locationOf(doc, start, end), alias };
      break;
    }
  }
  return first;
}
