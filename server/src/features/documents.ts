/**
 * One DocumentAnalyzer per open document (it keeps the chunk analyses of the previous
 * version, so an edit re-analyses only the blocks it touched) and one analysis per
 * document version, keyed by uri + version + settings + records. Dropped on close.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyzer } from '../analysis/incremental/analyzer';
import type { AnalysisOptions, CheckContext, DocumentAnalysis } from '../analysis/model';
import type { RecordSet } from '../records/recordSet';
import type { LibraryIndex } from '../library/library';
import type { RecordManager } from './records';
import { analysisOptions, type Settings, type SettingsStore } from './settings';

export interface Analysed {
  uri: string;
  version: number;
  /** The text that was analysed (the document's text at `version`). */
  text: string;
  analysis: DocumentAnalysis;
  /** The document model the analysis was made from (for cite-all and the cross-draft check). */
  context: CheckContext;
  settings: Readonly<Settings>;
  options: AnalysisOptions;
  records: RecordSet;
  analyzer: DocumentAnalyzer;
  /** The writer's source documents it was checked against, and their version then. */
  library?: LibraryIndex;
  libraryGeneration: number;
}

interface State {
  analyzer: DocumentAnalyzer;
  libraryGeneration: number;
  latest?: Analysed;
}

export class DocumentStore {
  private readonly states = new Map<string, State>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly records: RecordManager,
    private readonly settings: SettingsStore,
  ) {}

  /** The analysis of the document's current version, computed once per version. */
  /** The source documents that apply to a draft (features/library.ts); none until set. */
  libraryFor: (uri: string) => LibraryIndex | undefined = () => undefined;

  async analyse(doc: TextDocument): Promise<Analysed> {
    await this.records.ready;
    const settings = await this.settings.get(doc.uri);
    // Read everything the analysis depends on after the awaits, in one synchronous stretch.
    const options = analysisOptions(settings);
    const records = this.records.recordsFor(doc.uri);
    const current = this.documents.get(doc.uri) ?? doc;
    const version = current.version;
    const library = this.libraryFor(doc.uri);
    const libraryGeneration = library?.generation ?? -1;
    let state = this.states.get(doc.uri);
    if (state?.latest && state.latest.version === version && state.latest.options === options && state.latest.records === records && state.latest.library === library && state.latest.libraryGeneration === libraryGeneration) return state.latest;
    // New records or source documents: a new analyzer (its caches hold what the old ones resolved).
    if (!state || state.analyzer.records !== records || state.analyzer.library !== library || state.libraryGeneration !== libraryGeneration) state = { analyzer: new DocumentAnalyzer(records, { library }), libraryGeneration };
    const text = current.getText();
    const { analysis, context } = state.analyzer.analyzeWithContext(text, options);
    for (const e of analysis.internalErrors) this.connection.console.error(`Claim Check: the check "${e.check}" failed on ${doc.uri} (version ${version}): ${e.message}`);
    const result: Analysed = { uri: doc.uri, version, text, analysis, context, settings, options, records, analyzer: state.analyzer, library, libraryGeneration };
    state.latest = result;
    // Keep state only for open documents: a request may finish after the document closed.
    if (this.documents.get(doc.uri)) this.states.set(doc.uri, state);
    return result;
  }

  /** The most recent analysis of a document, whatever its version. */
  latest(uri: string): Analysed | undefined {
    return this.states.get(uri)?.latest;
  }

  /** Forgets a closed document. */
  drop(uri: string): void {
    this.states.delete(uri);
  }

  /** Forgets every cached analysis (records or settings changed); analyzers follow the records on the next analysis. */
  invalidate(): void {
    for (const state of this.states.values()) state.latest = undefined;
  }
}
