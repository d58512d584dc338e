/**
 * "Export cited sources as CSL-JSON": the recorded sources a draft cites, as one CSL-JSON
 * list (what `claimcheck sources <draft>` prints), for `pandoc --citeproc --bibliography`.
 * The client asks where to save it and writes the file.
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyzer } from '../analysis/incremental/analyzer';
import { citedSources } from '../analysis/export';
import type { Source } from '../records/types';
import type { DocumentStore } from './documents';
import { readDraft, type RecordManager } from './records';
import { analysisOptions, type SettingsStore } from './settings';

/** The sources the draft cites, in order of first citation: an open draft's current text, a closed one's file; null when it cannot be read. */
export async function citedSourcesOf(uri: string, documents: TextDocuments<TextDocument>, store: DocumentStore, records: RecordManager, settings: SettingsStore): Promise<Source[] | null> {
  const open = documents.get(uri);
  if (open) {
    const result = await store.analyse(open);
    return citedSources(result.analysis, result.records);
  }
  const text = readDraft(uri);
  if (text === undefined) return null;
  await records.ready;
  const set = records.recordsFor(uri);
  const options = analysisOptions(await settings.get(uri));
  return citedSources(new DocumentAnalyzer(set).analyze(text, options), set);
}
