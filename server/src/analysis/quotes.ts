/**
 * Quoted passages and their comparison with recorded quotes.
 *
 * Passages are compared word by word, case-insensitively, ignoring the kind of quotation mark,
 * white space and square brackets of editorial insertions ("conduct[ing]"); then the
 * punctuation between the words, which must be the record's but for typography.
 * A passage may quote any stretch of a recorded quote, and may leave words out where it
 * marks the omission with "…", "..." or "[...]".
 */
import { diffArrays } from 'diff';
import type { RecordSet } from '../records/recordSet';
import type { Claim } from '../records/types';

export interface QuotedPassage {
  /** Offsets of the words between the quotation marks, in the sentence's plain text. */
  start: number;
  end: number;
  text: string;
}

const PAIRS: Array<[string, string]> = [
  ['\u201c', '\u201d'],
  ['\u00ab', '\u00bb'],
  ['\u201e', '\u201c'],
];

/** The quoted passages in plain text: “curly”, «angled» and "straight" pairs; an unmatched mark opens nothing. */
export function findQuotedPassages(text: string): QuotedPassage[] {
  const out: QuotedPassage[] = [];
  for (const [open, close] of PAIRS) {
    let from = 0;
    for (;;) {
      const a = text.indexOf(open, from);
      if (a < 0) break;
      const b = text.indexOf(close, a + 1);
      if (b < 0) break;
      out.push({ start: a + 1, end: b, text: text.slice(a + 1, b) });
      from = b + 1;
    }
  }
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (open < 0) open = i;
    else {
      out.push({ start: open + 1, end: i, text: text.slice(open + 1, i) });
      open = -1;
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

interface Word {
  start: number;
  end: number;
  key: string;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:[’'\u2019[\]][\p{L}\p{N}\p{M}]+)*\]?/gu;
const ELLIPSIS = /\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|…|\.{3}/g;

function words(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const key = m[0].replace(/[[\]]/g, '').replace(/[’\u2019]/g, "'").normalize('NFC').toLowerCase();
    if (key) out.push({ start: offset + m.index, end: offset + m.index + m[0].length, key });
  }
  return out;
}

/** A passage's words; `null` stands where the writer marked an omission. */
function passageWords(text: string): Array<Word | null> {
  const out: Array<Word | null> = [];
  let last = 0;
  for (const m of text.matchAll(ELLIPSIS)) {
    out.push(...words(text.slice(last, m.index), last), null);
    last = m.index + m[0].length;
  }
  out.push(...words(text.slice(last), last));
  return out;
}

/** A text quoted from: a recorded quote, or a stretch of a source document. */
interface QuoteText {
  text: string;
  words: Word[];
}

interface IndexedQuote extends QuoteText {
  claim: Claim;
}

export interface QuoteMatch {
  claim: Claim;
  exact: boolean;
  /** The exact words the passage should have, for a fix; set when not exact. */
  replacement?: string;
  difference?: Array<{ kind: 'same' | 'added' | 'removed'; text: string }>;
}

/** Words shorter than this many are too few to call a passage a quote of a record. */
export const MIN_QUOTE_WORDS = 4;

/** Recorded quotes, indexed by the words they contain. */
export class QuoteIndex {
  private readonly quotes: IndexedQuote[] = [];
  private readonly byWord = new Map<string, number[]>();

  constructor(records: RecordSet) {
    for (const { value: claim } of records.claims.values()) {
      if (!claim.quote) continue;
      const i = this.quotes.length;
      const ws = words(claim.quote);
      this.quotes.push({ claim, text: claim.quote, words: ws });
      for (const key of new Set(ws.map((w) => w.key))) {
        const list = this.byWord.get(key);
        if (list) list.push(i);
        else this.byWord.set(key, [i]);
      }
    }
  }

  /** The recorded quote this passage quotes, exactly or nearly; undefined when it quotes none. */
  match(passage: string): QuoteMatch | undefined {
    const pw = passageWords(passage);
    const real = pw.filter((w): w is Word => w !== null);
    if (real.length < MIN_QUOTE_WORDS) return undefined;
    const distinct = [...new Set(real.map((w) => w.key))];
    const overlap = new Map<number, number>();
    for (const key of distinct) for (const i of this.byWord.get(key) ?? []) overlap.set(i, (overlap.get(i) ?? 0) + 1);
    let best: (QuoteMatch & { score: number }) | undefined;
    for (const [i, shared] of overlap) {
      if (shared < Math.max(3, distinct.length * 0.5)) continue;
      const q = this.quotes[i];
      const m = compare(pw, q, passage);
      if (!m) continue;
      if (m.exact) return { claim: q.claim, exact: true };
      if (!best || m.score > best.score) best = { ...m, claim: q.claim };
    }
    if (!best) return undefined;
    const { score: _score, ...match } = best;
    return match;
  }
}

/**
 * A passage against a stretch of a source document (the words found around the place the
 * library located it): exact, or the word difference and the document's wording for a fix,
 * by the same rules as a recorded quote. Undefined when too few words are shared to call it
 * the same passage.
 */
export function compareWithText(passage: string, sourceText: string): Omit<QuoteMatch, 'claim'> | undefined {
  const pw = passageWords(passage);
  if (pw.filter((w) => w !== null).length < MIN_QUOTE_WORDS) return undefined;
  const m = compare(pw, { text: sourceText, words: words(sourceText) }, passage);
  if (!m) return undefined;
  const { score: _score, ...match } = m;
  return match;
}

/** Word-level comparison of a passage with one recorded quote. */
function compare(pw: Array<Word | null>, q: QuoteText, passage: string): (Omit<QuoteMatch, 'claim'> & { score: number }) | undefined {
  // Old is the record, new is the passage: "added" words are the writer's, "removed" ones the record's.
  const parts = diffArrays<Word | null>(q.words, pw, {
    comparator: (a, b) => a !== null && b !== null && a.key === b.key,
  });
  const firstSame = parts.findIndex((p) => !p.added && !p.removed);
  if (firstSame < 0) return undefined;
  let lastSame = firstSame;
  parts.forEach((p, i) => {
    if (!p.added && !p.removed) lastSame = i;
  });
  const quoteText = (ws: Word[]) => ws.map((w) => (q.text).slice(w.start, w.end)).join(' ');
  const passageText = (ws: Word[]) => ws.map((w) => passage.slice(w.start, w.end)).join(' ');
  const real = (ws: Array<Word | null>) => ws.filter((w): w is Word => w !== null);
  let same = 0;
  let changes = 0;
  const difference: NonNullable<QuoteMatch['difference']> = [];

  // The edges: a passage may quote a stretch of the record (quote words left over at an edge),
  // or run past what was recorded (passage words at an edge where the record begins or ends).
  // Only when both happen at one edge did the writer change words there.
  const edge = (from: number, to: number, side: 'lead' | 'trail') => {
    const slice = parts.slice(from, to);
    const added = real(slice.filter((p) => p.added).flatMap((p) => p.value));
    const removed = real(slice.filter((p) => p.removed).flatMap((p) => p.value));
    if (added.length === 0 || removed.length === 0) return;
    const swapped = side === 'lead' ? removed.slice(-added.length) : removed.slice(0, added.length);
    if (side === 'trail') difference.push({ kind: 'added', text: passageText(added) }, { kind: 'removed', text: quoteText(swapped) });
    else difference.push({ kind: 'removed', text: quoteText(swapped) }, { kind: 'added', text: passageText(added) });
    changes += added.length;
  };
  edge(0, firstSame, 'lead');
  for (let k = firstSame; k <= lastSame; k++) {
    const part = parts[k];
    const words = real(part.value);
    if (part.added) {
      if (words.length > 0) difference.push({ kind: 'added', text: passageText(words) });
      changes += words.length;
    } else if (part.removed) {
      // Words the writer left out where they marked an omission are not differences.
      const nearEllipsis = (parts[k - 1]?.added && parts[k - 1].value.includes(null)) || (parts[k + 1]?.added && parts[k + 1].value.includes(null));
      if (!nearEllipsis) {
        difference.push({ kind: 'removed', text: quoteText(words) });
        changes += words.length;
      }
    } else {
      same += words.length;
      difference.push({ kind: 'same', text: passageText(words) });
    }
  }
  edge(lastSame + 1, parts.length, 'trail');
  const total = real(pw).length;
  if (changes === 0) {
    // The same words: the quote is exact unless it changes the punctuation between two of them.
    const changed = punctuationChange(parts, q, passage);
    if (!changed) return { exact: true, score: same };
    difference.splice(0, difference.length, { kind: 'added', text: changed.written }, { kind: 'removed', text: changed.recorded });
    changes = 1;
  } else if (same < MIN_QUOTE_WORDS - 1 || same < (total - changes) * 0.6 || same < changes) return undefined;
  // Words past the record's edges are the writer's extension of the quote: keep them.
  const firstWord = real(parts[firstSame].value)[0];
  const lastWords = real(parts[lastSame].value);
  const lead = parts.slice(0, firstSame).some((p) => p.removed) ? '' : passage.slice(0, firstWord.start);
  const trail = parts.slice(lastSame + 1).some((p) => p.removed) ? '' : passage.slice(lastWords[lastWords.length - 1].end);
  return { exact: false, replacement: (lead + replacementFor(parts, q, passage) + trail).trim(), difference, score: same - changes };
}

/**
 * The first place where the passage puts other punctuation between two words it quotes in a
 * row than the record does ("networks and" for "networks, and"), as the two stretches. Only
 * typography may differ: white space, the kind of quotation mark or apostrophe (a quote within
 * a quote turns double marks into single ones), the kind of dash, and square brackets of
 * editorial insertions. Punctuation before the first word and after the last is the writer's.
 */
function punctuationChange(parts: ReturnType<typeof diffArrays<Word | null>>, q: QuoteText, passage: string): { written: string; recorded: string } | undefined {
  const quote = q.text;
  let qi = 0;
  for (const part of parts) {
    if (part.added) continue;
    if (part.removed) {
      qi += part.value.length;
      continue;
    }
    // A common run: the passage's words (diffArrays keeps the new side), each matching the record's word at qi + j.
    const ws = part.value as Word[];
    for (let j = 0; j + 1 < ws.length; j++) {
      const [a, b] = [q.words[qi + j], q.words[qi + j + 1]];
      if (typography(passage.slice(ws[j].end, ws[j + 1].start)) !== typography(quote.slice(a.end, b.start))) {
        return { written: passage.slice(ws[j].start, ws[j + 1].end), recorded: quote.slice(a.start, b.end) };
      }
    }
    qi += ws.length;
  }
  return undefined;
}

/** Punctuation with its typography taken out (see punctuationChange). */
function typography(between: string): string {
  return between
    .replace(/[\s[\]]/g, '')
    .replace(/[“”„«»"‘’'`]/g, '"')
    .replace(/--|[‐‑‒–—―]/g, '-');
}

/** The passage rewritten with the record's exact words, keeping the writer's omission marks. */
function replacementFor(parts: ReturnType<typeof diffArrays<Word | null>>, q: QuoteText, passage: string): string {
  // For each ellipsis-separated segment of the passage, the first and last quote word it matched.
  const segments: Array<{ from?: number; to?: number }> = [{}];
  let qi = 0;
  for (const part of parts) {
    if (part.added) {
      for (const w of part.value) if (w === null) segments.push({});
    } else if (part.removed) {
      qi += part.value.length;
    } else {
      const seg = segments[segments.length - 1];
      seg.from ??= qi;
      qi += part.value.length;
      seg.to = qi - 1;
    }
  }
  const marks = [...passage.matchAll(ELLIPSIS)].map((m) => m[0]);
  const quote = q.text;
  const pieces = segments.map((s) => (s.from === undefined || s.to === undefined ? '' : quote.slice(q.words[s.from].start, q.words[s.to].end)));
  let out = '';
  pieces.forEach((piece, i) => {
    out += piece;
    if (i < marks.length) out += ` ${marks[i]} `;
  });
  return out.replace(/\s+/g, ' ').trim();
}

const indexes = new WeakMap<RecordSet, QuoteIndex>();

/** The quote index of a record set, built on first use. */
export function quoteIndexFor(records: RecordSet): QuoteIndex {
  let index = indexes.get(records);
  if (!index) {
    index = new QuoteIndex(records);
    indexes.set(records, index);
  }
  return index;
}
