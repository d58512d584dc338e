/**
 * Signatures of what cached results depend on beyond a chunk's own text: while a signature
 * stays the same, so do the sentence models or findings kept under it (analyzer.ts,
 * findingsCache.ts).
 */
import type { AnalysisOptions, AttributionRef, CitationRef, FootnoteState } from '../model';
import { draftDate } from '../frame';
import { documentYear } from '../support';

/** What the footnote definitions resolve to, label by label. */
export function footnoteSignature(definitions: ReadonlyArray<{ label: string; sources: string[] }>): string {
  return definitions.map((d) => `${d.label}=${d.sources.join(',')}`).join(';');
}

/** What every chunk's findings read beyond its own sentences: the options, and what citation fixes read of the whole document. */
export function documentSignature(options: AnalysisOptions, footnotes: FootnoteState, text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return [
    JSON.stringify(options),
    footnoteSignature(footnotes.definitions),
    [...footnotes.labels].join(';'),
    footnotes.endsWithDefinition,
    footnotes.eol,
    last === 10 || last === 13,
    /\S/.test(text),
    // A footnote definition added at the end first closes the fence or comment the draft ends inside.
    footnotes.openAtEnd ?? '',
    // What "today" and "so far" mean in every chunk (figureMismatch).
    draftDate(text) ?? '',
    // The year the document speaks of: the citations offered first for sentences without a time (uncitedClaim).
    documentYear(text) ?? '',
  ].join('\n');
}

/** A citation as a sentence model holds it, for the signature of what a chunk takes from outside it. */
export function citationSignature(c: CitationRef): string {
  return `${c.kind}:${c.key}=${c.sources.join(',')}`;
}

/** An attribution as a sentence model holds it, for the same. */
export function attributionSignature(a: AttributionRef): string {
  return `${a.text}|${a.year}|${a.kinds.join(',')}|${a.agencies.join(',')}|${a.sources.join(',')}`;
}
