/**
 * Findings become Diagnostics here and nowhere else. A diagnostic carries its fixes in
 * `data` (with the document version they were computed for), so code actions read them
 * back instead of re-analysing, and refuse them once the document has moved on.
 *
 * Delivery: pulled (`textDocument/diagnostic`) when the client can pull, pushed
 * (`textDocument/publishDiagnostics`) otherwise — never both for one document. Record files
 * and drafts checked by "Check all drafts" while closed are not documents the client pulls
 * (they are not open, or not Markdown), so their diagnostics are always pushed; when such a
 * draft is opened in a pulling client, its pushed diagnostics are cleared first.
 */
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, Severity, SuggestedProgram } from '../analysis/model';
import { documentFor, toRange } from '../positions';
import type { Analysed, DocumentStore } from './documents';
import { DIAGNOSTIC_SOURCE } from '../protocol';

/**
 * How long the document must be quiet before it is checked again while the writer types
 * (push mode). At 60 words a minute a keystroke comes every ~200 ms, so 250 ms lets a burst
 * of typing cost one analysis instead of one per key, and still feels immediate once the
 * writer pauses. An edit re-analyses only the block it touched, but the checks run over the
 * whole draft: well under 20 ms for a typical draft, 100–250 ms for an 80 KB one with 900 findings,
 * which is the case the debounce is for.
 */
export const DEBOUNCE_MS = 250;

/** What a diagnostic carries for the code actions. */
export interface DiagnosticData {
  /** The document version the fixes' offsets belong to. */
  version: number;
  fixes: Fix[];
  suggestedProgram?: SuggestedProgram;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as an LSP diagnostic of the document at `version`. */
export function toDiagnostic(doc: TextDocument, finding: Finding, version: number): Diagnostic {
  const data: DiagnosticData = { version, fixes: finding.fixes };
  if (finding.suggestedProgram) data.suggestedProgram = finding.suggestedProgram;
  const diagnostic: Diagnostic = {
    range: toRange(doc, finding),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  // Places in another draft (`path`) have offsets into a text this document cannot convert; only this draft's are kept.
  const related = (finding.related ?? []).filter((r) => r.path === undefined);
  if (related.length > 0) diagnostic.relatedInformation = related.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r) }, message: r.message }));
  return diagnostic;
}

/** Whether a diagnostic sent back by the client is one of ours, with its data intact. */
export function isOurDiagnostic(d: Diagnostic): d is Diagnostic & { data: DiagnosticData } {
  const data = d.data as Partial<DiagnosticData> | undefined;
  return d.source === DIAGNOSTIC_SOURCE && !!data && typeof data.version === 'number' && Array.isArray(data.fixes);
}

export type DiagnosticsMode = 'push' | 'pull';

/** Schedules, computes and delivers the diagnostics of open drafts. */
export class DiagnosticsManager {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per document, the sequence number of the latest publish started, so that a slow one cannot overwrite a newer one. */
  private readonly sequence = new Map<string, number>();
  /** In pull mode with run = onSave: the version last opened or saved, and the report given for it. */
  private readonly pinned = new Map<string, number>();
  private readonly reports = new Map<string, { resultId: string; items: Diagnostic[] }>();
  /** URIs with pushed diagnostics that are not open documents' (record files, checked closed drafts). */
  private readonly external = new Set<string>();
  /** Bumped when records or settings change: every earlier pull result is out of date. */
  private generation = 0;
  /** Diagnostics that come from comparing drafts ("Check all drafts"), added to an open draft's own. */
  crossDraft?: (result: Analysed) => Diagnostic[];
  private refreshQueued = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly store: DocumentStore,
    readonly mode: DiagnosticsMode,
    /** Whether the client accepts `workspace/diagnostic/refresh`; without it, it re-pulls only on its own triggers. */
    private readonly canRefresh: boolean,
  ) {}

  /** The diagnostics of a document's current version. */
  async compute(doc: TextDocument): Promise<{ version: number; diagnostics: Diagnostic[] }> {
    const result = await this.store.analyse(doc);
    const current = this.documents.get(doc.uri) ?? doc;
    // Positions must come from the text that was analysed; if the document has moved on meanwhile, convert against that text.
    const view = current.version === result.version ? current : documentFor(doc.uri, result.text);
    const own = result.analysis.findings.map((f) => toDiagnostic(view, f, result.version));
    const cross = this.crossDraft?.(result) ?? [];
    return { version: result.version, diagnostics: cross.length > 0 ? [...own, ...cross] : own };
  }

  opened(doc: TextDocument): void {
    this.pinned.set(doc.uri, doc.version);
    if (this.mode === 'pull') {
      if (this.external.delete(doc.uri)) this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      return;
    }
    void this.publish(doc.uri);
  }

  changed(doc: TextDocument): void {
    if (this.mode === 'pull') return;
    // Checked on save: the diagnostics of the last saved version stand until the next save.
    if (this.store.latest(doc.uri)?.settings.run === 'onSave') return;
    this.schedule(doc.uri, DEBOUNCE_MS);
  }

  saved(doc: TextDocument): void {
    this.pinned.set(doc.uri, doc.version);
    if (this.mode === 'pull') {
      // A pulling client re-pulls on save only if it chose to; ask every client to, for the drafts checked on save.
      const latest = this.store.latest(doc.uri);
      if (latest?.settings.run === 'onSave') void this.refresh();
      return;
    }
    this.schedule(doc.uri, 0);
  }

  closed(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.sequence.delete(uri);
    this.pinned.delete(uri);
    this.reports.delete(uri);
    if (this.mode === 'push') this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Re-checks every open draft after records or settings changed. */
  recheckAll(): void {
    this.generation++;
    this.reports.clear();
    if (this.mode === 'pull') void this.refresh();
    else for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
  }

  /** Delivers an open draft's diagnostics again (its cross-draft findings changed while it did not). */
  invalidate(uri: string): void {
    if (!this.documents.get(uri)) return;
    if (this.mode === 'push') {
      this.schedule(uri, 0);
      return;
    }
    this.generation++;
    this.reports.delete(uri);
    // Several drafts change together (one edit, two findings): one refresh for all of them.
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    setImmediate(() => {
      this.refreshQueued = false;
      void this.refresh();
    });
  }

  /** Pushes diagnostics for a file that is not an open draft (a record file, a closed draft). An empty list clears them. */
  publishExternal(uri: string, diagnostics: Diagnostic[]): void {
    // An open draft's diagnostics come from its own analysis.
    if (this.documents.get(uri)) return;
    if (diagnostics.length > 0) this.external.add(uri);
    else this.external.delete(uri);
    this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Answers `textDocument/diagnostic`. */
  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const doc = this.documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const previous = this.reports.get(doc.uri);
    const latest = this.store.latest(doc.uri);
    // Checked on save: between saves, the report of the last saved (or opened) version stands.
    if (previous && latest?.settings.run === 'onSave' && this.pinned.get(doc.uri) !== doc.version) return this.unchangedOr(previous, params);
    const { version, diagnostics } = await this.compute(doc);
    if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: diagnostics };
    const settings = this.store.latest(doc.uri)?.settings;
    if (previous && settings?.run === 'onSave' && this.pinned.get(doc.uri) !== version) return this.unchangedOr(previous, params);
    const report = { resultId: `${this.generation}:${version}`, items: diagnostics };
    this.reports.set(doc.uri, report);
    if (params.previousResultId === report.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.items };
  }

  private unchangedOr(previous: { resultId: string; items: Diagnostic[] }, params: DocumentDiagnosticParams): DocumentDiagnosticReport {
    if (params.previousResultId === previous.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: previous.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: previous.resultId, items: previous.items };
  }

  private async refresh(): Promise<void> {
    if (!this.canRefresh) return;
    try {
      await this.connection.languages.diagnostics.refresh();
    } catch (err) {
      this.connection.console.warn(`Claim Check: the client refused to refresh diagnostics: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private schedule(uri: string, delay: number): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.publish(uri);
      }, delay),
    );
  }

  private async publish(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const seq = (this.sequence.get(uri) ?? 0) + 1;
    this.sequence.set(uri, seq);
    try {
      const { version, diagnostics } = await this.compute(doc);
      if (this.sequence.get(uri) !== seq || !this.documents.get(uri)) return;
      this.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (err) {
      this.connection.console.error(`Claim Check: checking ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
}
