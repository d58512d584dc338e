/**
 * Document links from source URLs (in link citations and in footnote definitions) that the
 * records know, to the source's record entry — the place to read what was verified.
 */
import type { DocumentLink } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { shortTitle } from '../analysis/bibliography';
import type { DocumentAnalysis } from '../analysis/model';
import type { RecordSet } from '../records/recordSet';
import { toRange } from '../positions';
import { pathToUri } from './records';

export interface LinksContext {
  doc: TextDocument;
  text: string;
  analysis: DocumentAnalysis;
  records: RecordSet;
  displayPath(file: string): string;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>()[\]"'`]+/gi;

export function documentLinks(ctx: LinksContext): DocumentLink[] {
  const links: DocumentLink[] = [];
  const seen = new Set<number>();
  const add = (start: number, end: number, sourceId: string) => {
    const entry = ctx.records.sources.get(sourceId);
    if (!entry || seen.has(start)) return;
    seen.add(start);
    links.push({
      range: toRange(ctx.doc, { start, end }),
      target: `${pathToUri(entry.origin.file)}#L${entry.origin.line + 1}`,
      tooltip: `Open the record of “${shortTitle(entry.value)}” (${ctx.displayPath(entry.origin.file)}, line ${entry.origin.line + 1})`,
    });
  };
  for (const c of ctx.analysis.citations) {
    if (c.kind !== 'link' || c.sources.length === 0) continue;
    // The URL itself when it is written out, so that the link text keeps its ordinary link.
    const at = ctx.text.slice(c.start, c.end).lastIndexOf(c.key);
    if (at >= 0) add(c.start + at, c.start + at + c.key.length, c.sources[0]);
    else add(c.start, c.end, c.sources[0]);
  }
  for (const f of ctx.analysis.footnotes) {
    if (f.sources.length === 0) continue;
    const body = ctx.text.slice(f.contentStart, f.end);
    for (const m of body.matchAll(URL_IN_TEXT)) {
      const url = m[0].replace(/[.,;:!?*_~]+$/, '');
      const id = ctx.records.sourceForUrl(url);
      if (id) add(f.contentStart + m.index, f.contentStart + m.index + url.length, id);
    }
  }
  return links;
}
