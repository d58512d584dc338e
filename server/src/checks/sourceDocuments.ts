/**
 * What the checks ask of the writer's source documents (server/src/library/) about one
 * sentence: the keys it cites or attributes that have a document, and the verdict on each of
 * its quotes — computed once per quote and library version, shared by the misquote and
 * quote-not-in-source checks and the hover.
 */
import { compareWithText } from '../analysis/quotes';
import type { CheckContext, CitationRef, Fix, QuoteModel, SentenceModel, TextEdit } from '../analysis/model';
import { judgeQuote, type SourcePassage } from '../library/judge';
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

const HAS_LOCATOR = /(?:^|[\s,(])(?:pp?\.|pages?|p[aá]gs?\.|chap\.|sec\.|§)\s*[\divxlc]/i;

/**
 * "Add the page: p. 23" for a quote at `offset` that the cited document holds word for word,
 * when its citation gives no locator yet: inside a Pandoc citation (`[@key, p. 23]`, or
 * `@key [p. 23]` in the text), or at the end of the footnote's definition ("…, p. 23.").
 */
export function locatorFixes(ctx: CheckContext, offset: number): Fix[] {
  const locale = ctx.options.locale ?? 'en';
  const out: Fix[] = [];
  for (const s of ctx.sentences) {
    if (offset < s.start || offset > s.end) continue;
    for (const q of s.quotes) {
      if (offset < q.start || offset > q.end) continue;
      const v = documentVerdict(ctx.library, s, q);
      if (v?.kind !== 'found') continue;
      const page = pageText(v.match, locale);
      const keys = v.match.document.keys;
      for (const c of [...s.citations, ...s.inheritedCitations]) {
        if (!c.sources.some((id) => keys.includes(id))) continue;
        const edit = c.kind === 'pandoc' ? pandocLocator(ctx.text, c, keys, page) : c.kind === 'footnote' ? footnoteLocator(ctx, c.key, page) : undefined;
        if (edit) out.push({ title: msg(locale, 'fix.locator', { page }), edits: [edit] });
      }
    }
  }
  return out;
}

function pandocLocator(text: string, c: CitationRef, keys: string[], page: string): TextEdit | undefined {
  const written = text.slice(c.start, c.end);
  for (const key of keys) {
    const at = written.indexOf(`@${key}`);
    if (at < 0) continue;
    const after = at + key.length + 1;
    const rest = written.slice(after);
    // A locator already there: "[@key, p. 23]", "[@key p. 23]", "@key [p. 23]".
    const segment = rest.split(/[;\]]/)[0] ?? '';
    if (/\d/.test(segment) || HAS_LOCATOR.test(segment)) return undefined;
    if (written.startsWith('[')) return { start: c.start + after, end: c.start + after, newText: `, ${page}` };
    if (/^\s*\[/.test(text.slice(c.end, c.end + 3))) return undefined;
    return { start: c.end, end: c.end, newText: ` [${page}]` };
  }
  return undefined;
}

function footnoteLocator(ctx: CheckContext, label: string, page: string): TextEdit | undefined {
  const def = ctx.footnotes.find((f) => f.label.toLowerCase() === label.toLowerCase());
  if (!def) return undefined;
  const content = ctx.text.slice(def.contentStart, def.end);
  if (HAS_LOCATOR.test(content)) return undefined;
  const trimmed = content.replace(/\s+$/, '');
  const end = def.contentStart + trimmed.length;
  return trimmed.endsWith('.') ? { start: end - 1, end: end - 1, newText: `, ${page}` } : { start: end, end, newText: `, ${page}` };
}

/** Where the quote at `offset` stands in its source document (found or nearly), for "Open the source at this passage". */
export function sourcePassageAt(ctx: CheckContext, offset: number): SourcePassage | null {
  for (const s of ctx.sentences) {
    if (offset < s.start || offset > s.end) continue;
    for (const q of s.quotes) {
      if (offset < q.start || offset > q.end) continue;
      const v = documentVerdict(ctx.library, s, q);
      const m = v?.kind === 'absent' ? v.nearest : v?.match;
      if (!m) return null;
      return { path: m.document.path, format: m.document.format, page: m.page, line: m.line, column: m.column, text: m.text, attachment: m.document.attachment };
    }
  }
  return null;
}
