/** Exports the sources a draft cites as one CSL-JSON list, for `pandoc --citeproc --bibliography`. */
import type { RecordSet } from '../records/recordSet';
import type { Source } from '../records/types';
import type { DocumentAnalysis } from './model';

/** Every recorded source the draft cites (footnotes, Pandoc keys, links), in order of first citation. */
export function citedSources(analysis: Pick<DocumentAnalysis, 'citations' | 'footnotes'>, records: RecordSet): Source[] {
  const ids = new Set<string>();
  for (const c of analysis.citations) for (const id of c.sources) ids.add(id);
  for (const f of analysis.footnotes) for (const id of f.sources) ids.add(id);
  return [...ids].map((id) => records.source(id)).filter((s): s is Source => !!s);
}
