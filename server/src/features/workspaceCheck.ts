/**
 * "Check all drafts in the workspace": analyses every Markdown file of every workspace
 * folder, open or not, reports the findings of the closed ones as pushed diagnostics (open
 * drafts already have theirs), then compares the drafts with each other
 * (`findInconsistencies`) and reports `inconsistent-figure` on both sides, each pointing at
 * the other draft through `relatedInformation`.
 *
 * The drafts of the last check stay indexed (only the sentences that state a figure about
 * one program, and the text of those drafts, for positions): when an indexed draft is edited,
 * closed, or the records or settings change, its model is rebuilt and the comparison runs
 * again, which costs little next to the analysis itself; drafts whose cross-draft findings
 * changed get their diagnostics again.
 */
import { globSync } from 'tinyglobby';
import { DiagnosticSeverity, type CancellationToken, type Connection, type Diagnostic, type TextDocuments, type WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findInconsistencies, inconsistentFigure } from '../checks/inconsistentFigure';
import { DocumentAnalyzer } from '../analysis/incremental/analyzer';
import type { AnalysisOptions, SentenceModel } from '../analysis/model';
import { msg, type Locale } from '../l10n/messages';
import type { RecordSet } from '../records/recordSet';
import { MARKDOWN_GLOBS } from '../markdownFiles';
import { documentFor, toRange } from '../positions';
import { toDiagnostic, type DiagnosticsManager } from './diagnostics';
import type { Analysed, DocumentStore } from './documents';
import { pathToUri, readDraft, uriToPath, type RecordManager } from './records';
import { analysisOptions, type SettingsStore } from './settings';
import type { CheckWorkspaceParams, CheckWorkspaceResult } from '../protocol';

const MAX_FILES = 5000;
/** Diagnostics of a closed file belong to no document version; their fixes are refused until it is opened and checked. */
const NO_VERSION = -1;
/** Progress reports are sent at most this often: a workspace of thousands of drafts must not flood the client. */
const PROGRESS_INTERVAL_MS = 100;

/** The code of the warning on a draft that is not valid UTF-8. */
export const NOT_UTF8_CODE = 'not-utf8';

function notUtf8Diagnostic(locale: Locale | undefined): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: NOT_UTF8_CODE,
    source: DIAGNOSTIC_SOURCE,
    message: msg(locale, 'draft.notUtf8'),
  };
}

/** One draft of the last workspace check, as the cross-draft comparison needs it. */
interface DraftEntry {
  uri: string;
  /** How messages name the draft: its path relative to its workspace folder. */
  name: string;
  /** The open document's version the model was built from; undefined when it was read from disk. */
  version?: number;
  options: AnalysisOptions;
  records: RecordSet;
  /** Only the sentences that state a figure about one program: the only ones compared. */
  sentences: SentenceModel[];
  /** The text, kept only when some sentence is compared (only then can a finding point into it). */
  text?: string;
  /** A closed draft's own diagnostics, published together with its cross-draft ones. */
  own?: Diagnostic[];
}

function compared(sentences: SentenceModel[]): SentenceModel[] {
  return sentences.filter((s) => s.programs.length === 1 && !s.inFootnote && !s.isQuestion && s.numbers.some((n) => n.unit !== undefined));
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

export class WorkspaceChecker {
  /** The drafts of the last check, by URI. */
  private readonly drafts = new Map<string, DraftEntry>();
  /** Cross-draft diagnostics by URI, converted against the entry's text (or version). */
  private cross = new Map<string, Diagnostic[]>();
  /** The language of the cross-draft messages: the first workspace folder's. */
  private locale: Locale = 'en';
  /** Runs one at a time: a second "Check all drafts" waits for the first. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly store: DocumentStore,
    private readonly records: RecordManager,
    private readonly settings: SettingsStore,
    private readonly diagnostics: DiagnosticsManager,
  ) {}

  run(params: CheckWorkspaceParams, token: CancellationToken): Promise<CheckWorkspaceResult> {
    const result = this.running.then(() => this.scan(params, token));
    this.running = result.catch(() => undefined);
    return result;
  }

  private async scan(params: CheckWorkspaceParams, token: CancellationToken): Promise<CheckWorkspaceResult> {
    await this.records.ready;
    const locale = await this.refreshLocale();
    // The client's own token when it sent one (VS Code shows it in its notification); otherwise a
    // progress the server creates, when the client supports window/workDoneProgress/create.
    const progress: WorkDoneProgressReporter & { token?: CancellationToken } =
      params.workDoneToken !== undefined ? this.connection.window.attachWorkDoneProgress(params.workDoneToken) : await this.connection.window.createWorkDoneProgress();
    const cancelled = () => token.isCancellationRequested || progress.token?.isCancellationRequested === true;
    progress.begin('Claim Check', 0, msg(locale, 'workspace.finding'), true);
    const result: CheckWorkspaceResult = { files: 0, filesWithFindings: 0, findings: 0, byCode: {}, truncated: false, cancelled: false };
    try {
      let files = this.records.workspaceFolders().flatMap((f) =>
        globSync(MARKDOWN_GLOBS, { cwd: f.path, absolute: true, caseSensitiveMatch: false, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false }),
      );
      files = [...new Set(files)].sort();
      if (files.length > MAX_FILES) {
        result.truncated = true;
        files = files.slice(0, MAX_FILES);
      }
      const seen = new Set<string>();
      const withFindings = new Set<string>();
      let reported = 0;
      for (let i = 0; i < files.length; i++) {
        if (cancelled()) {
          result.cancelled = true;
          break;
        }
        if (Date.now() - reported >= PROGRESS_INTERVAL_MS) {
          progress.report(Math.round((i / files.length) * 100), msg(locale, 'workspace.progress', { done: i + 1, total: files.length }));
          reported = Date.now();
        }
        const uri = pathToUri(files[i]);
        seen.add(uri);
        const findings = await this.checkFile(uri);
        result.files++;
        if (findings === undefined) continue;
        if (findings.length > 0) withFindings.add(uri);
        for (const f of findings) {
          result.findings++;
          result.byCode[f.code] = (result.byCode[f.code] ?? 0) + 1;
        }
        // Let other requests through between files.
        await tick();
      }
      // Drafts gone since the last check leave the comparison (unless this one stopped early).
      const gone = result.cancelled ? [] : [...this.drafts.keys()].filter((uri) => !seen.has(uri));
      for (const uri of gone) this.drafts.delete(uri);
      progress.report(100, msg(locale, 'workspace.comparing'));
      const before = new Set(this.cross.keys());
      this.recompute();
      for (const uri of new Set([...before, ...this.cross.keys(), ...gone])) this.publish(uri);
      for (const [uri, list] of this.cross) {
        if (!seen.has(uri)) continue;
        withFindings.add(uri);
        result.findings += list.length;
        result.byCode['inconsistent-figure'] = (result.byCode['inconsistent-figure'] ?? 0) + list.length;
      }
      result.filesWithFindings = withFindings.size;
    } finally {
      progress.done();
    }
    return result;
  }

  private async refreshLocale(): Promise<Locale> {
    this.locale = (await this.settings.get(this.records.workspaceFolders()[0]?.uri)).locale;
    return this.locale;
  }

  /**
   * Checks one draft and indexes it: an open one through its document, a closed one from
   * disk (publishing its diagnostics). Returns its own findings, or undefined when it cannot
   * be read.
   */
  private async checkFile(uri: string): Promise<Array<{ code: string }> | undefined> {
    const open = this.documents.get(uri);
    if (open) {
      const result = await this.store.analyse(open);
      this.index(result);
      return result.analysis.findings;
    }
    const read = readDraft(uri);
    if (read === undefined) {
      // Deleted since it was listed, too large or never readable: it leaves the comparison.
      if (this.drafts.delete(uri)) this.diagnostics.publishExternal(uri, []);
      return undefined;
    }
    const { text } = read;
    const options = analysisOptions(await this.settings.get(uri));
    const records = this.records.recordsFor(uri);
    const analyzer = new DocumentAnalyzer(records, { library: this.store.libraryFor(uri) });
    const { analysis, context } = analyzer.analyzeWithContext(text, options);
    // The document may have been opened while the settings were fetched; its analysis indexes it then.
    if (this.documents.get(uri)) return analysis.findings;
    const sentences = compared(context.sentences);
    const doc = documentFor(uri, text);
    const previous = this.drafts.get(uri);
    const own = analysis.findings.map((f) => toDiagnostic(doc, f, NO_VERSION));
    // Its invalid bytes were read as U+FFFD, which the writer does not see in the findings: say so first.
    if (read.notUtf8) own.unshift(notUtf8Diagnostic(options.locale));
    this.drafts.set(uri, { uri, name: this.nameFor(uri), options, records, sentences, text: sentences.length > 0 ? text : undefined, own });
    // The cross-draft diagnostics stand only while the text they were converted against does.
    const cross = previous?.text !== undefined && previous.text === text ? (this.cross.get(uri) ?? []) : [];
    this.diagnostics.publishExternal(uri, [...own, ...cross]);
    return analysis.findings;
  }

  /** Indexes an open draft from its analysis. */
  private index(result: Analysed): void {
    const sentences = compared(result.context.sentences);
    this.drafts.set(result.uri, {
      uri: result.uri,
      name: this.nameFor(result.uri),
      version: result.version,
      options: result.options,
      records: result.records,
      sentences,
      text: sentences.length > 0 ? result.text : undefined,
    });
  }

  /** The draft's name in messages: relative to its workspace folder, or its full path when another draft has that name. */
  private nameFor(uri: string): string {
    const existing = this.drafts.get(uri);
    if (existing) return existing.name;
    const path = uriToPath(uri) ?? uri;
    const name = this.records.displayPath(path);
    for (const e of this.drafts.values()) if (e.name === name) return path;
    return name;
  }

  /** Compares the indexed drafts; returns the URIs whose cross-draft diagnostics changed. */
  private recompute(): Set<string> {
    const entries = [...this.drafts.values()];
    const byName = new Map(entries.map((e) => [e.name, e]));
    const docs = new Map<string, TextDocument>();
    const docOf = (e: DraftEntry & { text: string }) => {
      let doc = docs.get(e.uri);
      if (!doc) docs.set(e.uri, (doc = documentFor(e.uri, e.text)));
      return doc;
    };
    const findings = findInconsistencies(
      entries.filter((e) => e.sentences.length > 0).map((e) => ({ path: e.name, sentences: e.sentences })),
      this.locale,
    );
    const next = new Map<string, Diagnostic[]>();
    for (const f of findings) {
      const entry = byName.get(f.path);
      if (entry?.text === undefined) continue;
      const severity = entry.options.severity[inconsistentFigure.code] ?? inconsistentFigure.defaultSeverity;
      if (severity === 'off') continue;
      const diagnostic = toDiagnostic(docOf({ ...entry, text: entry.text }), { ...f, severity }, entry.version ?? NO_VERSION);
      const related = (f.related ?? []).flatMap((r) => {
        const other = r.path === undefined ? entry : byName.get(r.path);
        if (other?.text === undefined) return [];
        return [{ location: { uri: other.uri, range: toRange(docOf({ ...other, text: other.text }), r) }, message: r.message }];
      });
      if (related.length > 0) diagnostic.relatedInformation = related;
      const list = next.get(entry.uri);
      if (list) list.push(diagnostic);
      else next.set(entry.uri, [diagnostic]);
    }
    const changed = new Set<string>();
    for (const uri of new Set([...this.cross.keys(), ...next.keys()])) {
      if (JSON.stringify(this.cross.get(uri) ?? []) !== JSON.stringify(next.get(uri) ?? [])) changed.add(uri);
    }
    this.cross = next;
    return changed;
  }

  /** Delivers a draft's diagnostics again: an open one through its document's, a closed one pushed with its own. */
  private publish(uri: string): void {
    if (this.documents.get(uri)) {
      this.diagnostics.invalidate(uri);
      return;
    }
    const entry = this.drafts.get(uri);
    this.diagnostics.publishExternal(uri, entry ? [...(entry.own ?? []), ...(this.cross.get(uri) ?? [])] : []);
  }

  /**
   * The cross-draft diagnostics of an open draft's analysis (DiagnosticsManager calls this
   * for every analysis it delivers). An indexed draft that changed is compared again first,
   * and the other drafts whose findings that changes get theirs again.
   */
  crossDraftDiagnostics(result: Analysed): Diagnostic[] {
    const entry = this.drafts.get(result.uri);
    if (!entry) return [];
    if (entry.version !== result.version || entry.options !== result.options || entry.records !== result.records) {
      const compared = entry.sentences.length > 0;
      this.index(result);
      // A draft that states no figure about one program, before or after the edit, changes no comparison.
      if (compared || this.drafts.get(result.uri)!.sentences.length > 0) for (const uri of this.recompute()) if (uri !== result.uri) this.publish(uri);
    }
    return (this.cross.get(result.uri) ?? []).map((d) => ({ ...d, data: { ...(d.data as object), version: result.version } }));
  }

  /** Re-checks the drafts of the last check (records or settings changed): closed ones from disk, open ones from their documents. */
  async recheckClosed(): Promise<void> {
    if (this.drafts.size === 0) return;
    await this.refreshLocale();
    for (const uri of [...this.drafts.keys()]) {
      const open = this.documents.get(uri);
      if (open) this.index(await this.store.analyse(open));
      else await this.checkFile(uri);
      await tick();
    }
    const before = new Set(this.cross.keys());
    this.recompute();
    for (const uri of new Set([...before, ...this.cross.keys()])) this.publish(uri);
  }

  /** A checked draft was closed: its diagnostics go back to what its file on disk says. */
  closed(uri: string): boolean {
    if (!this.drafts.has(uri)) return false;
    void (async () => {
      await this.checkFile(uri);
      for (const changed of this.recompute()) this.publish(changed);
      this.publish(uri);
    })().catch((err) => this.connection.console.error(`Claim Check: re-checking ${uri} failed: ${String(err)}`));
    return true;
  }
}
