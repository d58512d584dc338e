/**
 * What the checks ask of the library about one sentence that cites (or attributes) a source:
 * is this quote in the source's document, does the document state this figure, does it name
 * this program. The answers carry where, so that a finding, a hover or a fix can say it.
 * Pure.
 */
import { passageKeys } from './text';
import type { DocumentInfo, LibraryIndex, LibraryMatch } from './library';
import type { PassageLocation } from './document';

/** A quote's words shared with the nearest passage, at least, for the passage to be named as nearest. */
export const NEAREST_SIMILARITY = 0.35;
/** Similarity from which a passage that is not exact is the same quote with changes (a misquote). */
export const NEAR_SIMILARITY = 0.6;
/** Quotes of fewer words are not looked for (as with recorded quotes). */
export const MIN_QUOTE_WORDS = 4;

export type QuoteVerdict =
  /** The document holds the quote, word for word. */
  | { kind: 'found'; match: LibraryMatch }
  /** The document holds a passage close to it: some words differ. */
  | { kind: 'near'; match: LibraryMatch }
  /** Nothing close; `nearest` when some passage shares part of it. */
  | { kind: 'absent'; nearest?: LibraryMatch; documents: DocumentInfo[] };

/**
 * The quote against the documents of the cited keys (the best over them). Undefined when no
 * cited key has a readable document, or the quote is too short to judge.
 */
export function judgeQuote(index: LibraryIndex, keys: readonly string[], quote: string): QuoteVerdict | undefined {
  if (passageKeys(quote).length < MIN_QUOTE_WORDS) return undefined;
  const documents = keys.flatMap((k) => index.documents(k));
  if (documents.length === 0) return undefined;
  let best: LibraryMatch | undefined;
  for (const key of keys) {
    const m = index.locate(key, quote);
    if (m && (!best || m.similarity > best.similarity)) best = m;
    if (best?.exact) break;
  }
  if (best?.exact) return { kind: 'found', match: best };
  const matched = best ? Math.round(best.similarity * passageKeys(quote).length) : 0;
  if (best && best.similarity >= NEAR_SIMILARITY && matched >= MIN_QUOTE_WORDS - 1) return { kind: 'near', match: best };
  return { kind: 'absent', nearest: best && best.similarity >= NEAREST_SIMILARITY ? best : undefined, documents };
}

const SCALE_WORDS: Array<[RegExp, number]> = [
  [/\b(?:trillion|billones|bill[oó]n)\b/i, 1e12],
  [/\b(?:billion|bn|mil millones)\b/i, 1e9],
  [/\b(?:million|millones|mill[oó]n|mn)\b/i, 1e6],
  [/\b(?:thousand|mil)\b/i, 1e3],
];

/**
 * How far a written figure may be from a document's value and still be the same figure: half
 * a unit of its last written digit, times its scale word ("2.1 million" covers
 * 2,050,000–2,150,000; "4,600" and "4.600" only 4,600).
 */
export function roundingTolerance(written: string): number {
  const digits = /\d(?:[\d.,\s]*\d)?/.exec(written)?.[0].replace(/\s/g, '') ?? '';
  // One or two digits after the last separator are decimals; three are a thousands group.
  const decimals = /[.,](\d{1,2})$/.exec(digits);
  const places = decimals ? decimals[1].length : 0;
  const scale = SCALE_WORDS.find(([re]) => re.test(written))?.[1] ?? 1;
  return 0.5 * 10 ** -places * scale;
}

export type FigureVerdict = { kind: 'found'; where: PassageLocation & { document: DocumentInfo } } | { kind: 'absent'; documents: DocumentInfo[] };

/** Whether the cited documents state the figure, in any writing, within its rounding. */
export function judgeFigure(index: LibraryIndex, keys: readonly string[], value: number, written: string): FigureVerdict | undefined {
  const documents = keys.flatMap((k) => index.documents(k));
  if (documents.length === 0) return undefined;
  const tolerance = roundingTolerance(written);
  for (const key of keys) {
    const [where] = index.findNumber(key, value, tolerance);
    if (where) return { kind: 'found', where };
  }
  return { kind: 'absent', documents };
}

export type ProgramVerdict = { kind: 'named'; where: PassageLocation & { alias: string; document: DocumentInfo } } | { kind: 'not-named'; documents: DocumentInfo[] };

/** Whether the cited documents name the program by any of its aliases. */
export function judgeProgram(index: LibraryIndex, keys: readonly string[], aliases: readonly string[]): ProgramVerdict | undefined {
  const documents = keys.flatMap((k) => index.documents(k));
  if (documents.length === 0) return undefined;
  for (const key of keys) {
    const where = index.findAlias(key, aliases);
    if (where) return { kind: 'named', where };
  }
  return { kind: 'not-named', documents };
}

/** "p. 23", or "pp. 23–24" when the passage runs over a page break. */
export function pageLocator(match: PassageLocation): string {
  return match.endPageLabel !== match.pageLabel ? `pp. ${match.pageLabel}–${match.endPageLabel}` : `p. ${match.pageLabel}`;
}

/** Where a quoted passage stands in its source document, for an editor to open it there. */
export interface SourcePassage {
  path: string;
  format: string;
  /** 1-based physical page. */
  page: number;
  /** 0-based line and column in the extracted text (the file's own for text-like documents). */
  line: number;
  column: number;
  /** The passage's words, for finding it in a web page's markup. */
  text?: string;
  /** The attachment a `.zotero-ft-cache` was read for. */
  attachment?: string;
}
