/**
 * Go to definition: from a footnote reference to its definition in the document; from a
 * `[@key]`, a linked source URL or a footnote definition to the source's record entry; from
 * a program mention to the program's record entry.
 */
import type { Location } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CitationRef, DocumentAnalysis } from '../analysis/model';
import type { RecordSet } from '../records/recordSet';
import type { Located } from '../records/types';
import { toRange } from '../positions';
import { pathToUri } from './records';

export interface DefinitionContext {
  doc: TextDocument;
  text: string;
  analysis: DocumentAnalysis;
  records: RecordSet;
}

/** The location of a record's entry: its file, at the entry's line. */
export function recordLocation(entry: Located<unknown>): Location {
  const position = { line: entry.origin.line, character: 0 };
  return { uri: pathToUri(entry.origin.file), range: { start: position, end: position } };
}

const PANDOC_KEY = /@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?<>~/]*[\p{L}\p{N}_]|[\p{L}\p{N}_])/gu;

/** The Pandoc key under the cursor in `[@a; @b]`, or the citation's first resolving key. */
function pandocKeyAt(ctx: DefinitionContext, citation: CitationRef, offset: number): string[] {
  const raw = ctx.text.slice(citation.start, citation.end);
  for (const m of raw.matchAll(PANDOC_KEY)) {
    const start = citation.start + m.index;
    if (start <= offset && offset <= start + m[0].length) return [m[1]];
  }
  return citation.sources;
}

export function definitionAt(ctx: DefinitionContext, offset: number): Location[] {
  const { analysis, records } = ctx;
  const at = (s: { start: number; end: number }) => s.start <= offset && offset <= s.end;
  const sourceLocations = (ids: string[]) => ids.flatMap((id) => {
    const entry = records.sources.get(id);
    return entry ? [recordLocation(entry)] : [];
  });

  const citation = analysis.citations.find(at);
  if (citation) {
    if (citation.kind === 'footnote') {
      const label = citation.key.toLowerCase();
      const definitions = analysis.footnotes.filter((f) => f.label.toLowerCase() === label);
      if (definitions.length > 0) return definitions.map((f) => ({ uri: ctx.doc.uri, range: toRange(ctx.doc, f) }));
      return sourceLocations(citation.sources);
    }
    if (citation.kind === 'pandoc') return sourceLocations(pandocKeyAt(ctx, citation, offset));
    return sourceLocations(citation.sources);
  }
  // A sentence read as about a program (a carried reading) names nothing to go to.
  const mention = analysis.mentions.find((m) => !m.carried && at(m));
  if (mention) {
    const entry = records.programs.get(mention.program);
    return entry ? [recordLocation(entry)] : [];
  }
  const attribution = analysis.attributions.find(at);
  if (attribution) return sourceLocations(attribution.sources.slice(0, 1));
  const definition = analysis.footnotes.find(at);
  if (definition) return sourceLocations(definition.sources);
  return [];
}
