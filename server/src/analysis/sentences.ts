/**
 * Sentence segmentation with Intl.Segmenter, mended where it breaks after abbreviations
 * ("U.S. Army", "EE. UU.", "Gen. Kelly", "Rep. Gonzalez", "No. 5", "P.L. 111-117") and initials ("John F. Kelly"), and
 * blind to where a paragraph's lines were wrapped.
 */

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, s);
  }
  return s;
}

// Titles and abbreviations after which a capitalised word does not start a new sentence.
const ALWAYS_JOIN = new Set(
  [
    'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'adm', 'rear', 'cmdr', 'cdr', 'rep', 'reps', 'sen', 'sens', 'gov', 'pres',
    'sec', 'amb', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'no', 'nos', 'vol', 'p', 'pp', 'ch', 'sec', 'art', 'fig',
    'dept', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'corp', 'co', 'ltd',
    'vs', 'cf', 'e.g', 'i.e', 'approx', 'est', 'gral', 'sr', 'sra', 'lic', 'ing', 'depto', 'p.l', 'pub', 'u.s.c',
    // "EE. UU." (Estados Unidos) written with a space: its first half never ends a sentence.
    'ee',
  ].map((s) => s + '.'),
);
// Country abbreviations that often end a sentence too: join only when the next word does not start one.
const JOIN_UNLESS_STARTER = new Set(['u.s.', 'u.k.', 'u.n.', 'ee.uu.', 'uu.', 'd.c.', 'n.y.']);
const SENTENCE_STARTERS = new Set([
  'the', 'this', 'that', 'these', 'those', 'they', 'it', 'its', 'in', 'on', 'at', 'but', 'and', 'however', 'a', 'an', 'we',
  'he', 'she', 'there', 'our', 'their', 'as', 'since', 'still', 'yet', 'so', 'then', 'when', 'while', 'for', 'after', 'before',
  'el', 'la', 'los', 'las', 'en', 'pero', 'sin', 'un', 'una',
]);

export interface SentenceSpan {
  /** Offsets into the text; `end` excludes trailing white space. */
  start: number;
  end: number;
  /** Where the next sentence begins (or the text ends): what lies between belongs to this one. */
  next: number;
}

// Intl.Segmenter's cost grows with the square of the text's length once a text holds many
// sentences, so a long text is segmented in windows of about this many characters, cut only
// where a sentence certainly ends (terminal punctuation, closing marks, white space).
const WINDOW = 2_000;
// A cut stands where ICU itself always breaks: after terminal punctuation, closing marks and
// white space, before a capital letter.
const SENTENCE_END = /[.!?][”"’»)\]]*\s+(?=\p{Lu})/gu;

/** Raw segments of the text, window by window. */
function rawSegments(text: string, locale: string, window: number): Array<{ start: number; next: number }> {
  const raw: Array<{ start: number; next: number }> = [];
  const segmentWindow = (from: number, to: number) => {
    for (const seg of segmenter(locale).segment(text.slice(from, to))) raw.push({ start: from + seg.index, next: from + seg.index + seg.segment.length });
  };
  if (text.length <= window) {
    segmentWindow(0, text.length);
    return raw;
  }
  let from = 0;
  let lastCut = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const cut = m.index + m[0].length;
    if (cut - from > window && lastCut > from) {
      segmentWindow(from, lastCut);
      from = lastCut;
    }
    lastCut = cut;
  }
  segmentWindow(from, text.length);
  return raw;
}

// Line breaks, to Intl.Segmenter, end a sentence (Unicode's SB4); inside a Markdown block they
// are where the writer's editor wrapped the line. Each becomes a space of the same length, so
// offsets stand.
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/g;

/** Splits plain text into sentences (`window` is for tests: the same result at any window). */
export function splitSentences(source: string, locale = 'en', window = WINDOW): SentenceSpan[] {
  const text = source.replace(LINE_BREAK, ' ');
  const raw = rawSegments(text, locale, window);
  const merged: Array<{ start: number; next: number }> = [];
  for (const s of raw) {
    const prev = merged[merged.length - 1];
    if (prev && shouldJoin(text.slice(prev.start, prev.next), text.slice(s.start, s.next))) prev.next = s.next;
    else merged.push({ ...s });
  }
  const out: SentenceSpan[] = [];
  for (const s of merged) {
    let start = s.start;
    let end = s.next;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) out.push({ start, end, next: s.next });
    else if (out.length > 0) out[out.length - 1].next = s.next;
  }
  return out;
}

function shouldJoin(prev: string, next: string): boolean {
  const lastWord = /(\S+)\s*$/.exec(prev)?.[1] ?? '';
  const firstWord = /^\s*(\S+)/.exec(next)?.[1] ?? '';
  const bare = lastWord.replace(/^[(“"‘']+/, '').toLowerCase();
  if (!firstWord) return true;
  // A sentence never starts with a lower-case word or a digit-led continuation of a number.
  if (/^[\p{Ll}]/u.test(firstWord)) return true;
  if (/^\p{Lu}\.$/u.test(bare.toUpperCase()) && /^\p{Lu}\.$/u.test(lastWord)) return true; // an initial: "John F. Kelly"
  if (ALWAYS_JOIN.has(bare)) return true;
  if (JOIN_UNLESS_STARTER.has(bare)) return !SENTENCE_STARTERS.has(firstWord.replace(/[^\p{L}]/gu, '').toLowerCase());
  return false;
}
