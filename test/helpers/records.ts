import { DocumentAnalyzer } from '../../server/src/analysis/incremental/analyzer';
import { DEFAULT_OPTIONS, type AnalysisOptions, type TextEdit } from '../../server/src/analysis/model';
import { loadRecords } from '../../server/src/node/recordFiles';
import type { RecordSet } from '../../server/src/records/recordSet';

let bundled: RecordSet | undefined;

/** The bundled records, loaded once per test file. */
export function bundledRecords(): RecordSet {
  bundled ??= loadRecords({ bundled: true, extra: [] });
  return bundled;
}

/** Analyses a draft against the bundled records. */
export function analyze(text: string, options: Partial<AnalysisOptions> = {}, records = bundledRecords()) {
  return new DocumentAnalyzer(records).analyze(text, { ...DEFAULT_OPTIONS, ...options });
}

/** Applies non-overlapping edits (offsets into the original text). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
