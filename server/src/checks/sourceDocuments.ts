/**
 * What the checks ask of the writer's source documents (server/src/library/) about one
 * sentence: the keys it cites or attributes that have a document, and the verdict on each of
 * its quotes — computed once per quote and library version, shared by the misquote and
 * quote-not-in-source checks and the hover.
 */
import { compareWithText } from '../analysis/quotes';
import type { CheckContext, QuoteModel, SentenceModel } from '../analysis/model';
import { judgeQuote } from '../library/judge';
import type { DocumentInfo, LibraryIndex, LibraryMatch } from '../library/library';
import type { QuoteMatch } from '../analysis/quotes';
import type { RecordSet } from '../records/recordSet';
import { msg, type Locale } from '../l10n/messages';
import { sourceLabel } from './describe';

/** The citation keys a sentence cites (its own citations, those it inherits) or attributes (each attribution's first source), that have a document. */
export function documentKeys(library: LibraryIndex | undefined, s: SentenceModel): string[] {
  if (!library) return [];
  const keys = new Set<string>();
  for (const c of [...s.citations, ...s.inheritedCitations]) for (const id of c.sources) keys.add(id);
  for (const a of [...s.attributions, ...s.inheritedAttributions]) if (a.sources[0]) keys.add(a.sources[0]);
  return [...keys].filter((k) => library.has(k));
}

export type DocumentVerdict =
  | { kind: 'found'; match: LibraryMatch }
  | { kind: 'misquote'; match: LibraryMatch; comparison: Omit<QuoteMatch, 'claim'> & { replacement: string } }
  | { kind: 'absent'; nearest?: LibraryMatch; documents: DocumentInfo[]; elsewhere?: LibraryMatch };

const verdicts = new WeakMap<QuoteModel, { generation: number; keys: string; verdict: DocumentVerdict | undefined }>();

/** The quote against the documents the sentence cites; undefined when it cites none with a document, or the quote is too short. */
export function documentVerdict(library: LibraryIndex | undefined, s: SentenceModel, q: QuoteModel): DocumentVerdict | undefined {
  if (!library) return undefined;
  const keys = documentKeys(library, s);
  if (keys.length === 0) return undefined;
  const memo = verdicts.get(q);
  const keyList = keys.join('\n');
  if (memo && memo.generation === library.generation && memo.keys === keyList) return memo.verdict;
  const verdict = judge(library, keys, q.text);
  verdicts.set(q, { generation: library.generation, keys: keyList, verdict });
  return verdict;
}

function judge(library: LibraryIndex, keys: string[], quote: string): DocumentVerdict | undefined {
  const v = judgeQuote(library, keys, quote);
  if (!v) return undefined;
  if (v.kind === 'found' || v.kind === 'near') {
    // The same rules as for recorded quotes: the words, then the punctuation between them.
    const comparison = compareWithText(quote, v.match.around);
    if (comparison?.exact) return { kind: 'found', match: v.match };
    if (comparison?.replacement !== undefined) return { kind: 'misquote', match: v.match, comparison: { ...comparison, replacement: comparison.replacement } };
    if (v.kind === 'found') return { kind: 'found', match: v.match };
    return { kind: 'absent', nearest: v.match, documents: keys.flatMap((k) => library.documents(k)) };
  }
  // Not in the cited documents: perhaps in another one of the library.
  const [other] = library.locateAnywhere(quote);
  const elsewhere = other?.exact && !other.document.keys.some((k) => keys.includes(k)) ? other : undefined;
  return { kind: 'absent', nearest: v.nearest, documents: v.documents, elsewhere };
}

/** A document as the writer knows it: its source's title when the records have it, else its file name. */
export function documentLabel(records: RecordSet, info: DocumentInfo, locale: Locale): string {
  const key = info.keys.find((k) => records.source(k));
  if (key) return sourceLabel(records, key, locale);
  const file = (info.attachment ?? info.path).split(/[\\/]/).pop() ?? info.path;
  return locale === 'es' ? `«${file}»` : `“${file}”`;
}

/** "p. 23" or "pp. 23–24", in the writer's language. */
export function pageText(m: { pageLabel: string; endPageLabel: string }, locale: Locale): string {
  return m.endPageLabel !== m.pageLabel ? msg(locale, 'library.pages', { from: m.pageLabel, to: m.endPageLabel }) : msg(locale, 'library.page', { page: m.pageLabel });
}

/** Whether a check may run over the sentence's document verdicts at all. */
export function hasLibrary(ctx: CheckContext): ctx is CheckContext & { library: LibraryIndex } {
  return ctx.library !== undefined && ctx.library.documentCount() > 0;
}
