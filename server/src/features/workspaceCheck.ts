/**
 * "Check all drafts in the workspace": analyses every Markdown file of every workspace
 * folder, open or not, and reports the findings of the closed ones as pushed diagnostics
 * (open drafts already have theirs). Checked drafts are re-checked when the records or
 * settings change, and from disk when they are closed again.
 */
import { readFileSync, statSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import type { CancellationToken, Connection, TextDocuments, WorkDoneProgressParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyzer } from '../analysis/document';
import type { DocumentAnalysis } from '../analysis/model';
import { documentFor } from '../positions';
import { toDiagnostic, type DiagnosticsManager } from './diagnostics';
import type { DocumentStore } from './documents';
import { pathToUri, uriToPath, type RecordManager } from './records';
import { analysisOptions, type SettingsStore } from './settings';

export const CHECK_WORKSPACE_METHOD = 'claimcheck/checkWorkspace';

export type CheckWorkspaceParams = WorkDoneProgressParams;

export interface CheckWorkspaceResult {
  files: number;
  filesWithFindings: number;
  findings: number;
  byCode: Record<string, number>;
  /** More drafts than MAX_FILES: the rest were not checked. */
  truncated: boolean;
  cancelled: boolean;
}

const MAX_FILES = 5000;
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Diagnostics of a closed file belong to no document version; their fixes are refused until it is opened and checked. */
const NO_VERSION = -1;

export class WorkspaceChecker {
  /** Closed drafts whose diagnostics this checker pushed. */
  private readonly checked = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly store: DocumentStore,
    private readonly records: RecordManager,
    private readonly settings: SettingsStore,
    private readonly diagnostics: DiagnosticsManager,
  ) {}

  async run(params: CheckWorkspaceParams, token: CancellationToken): Promise<CheckWorkspaceResult> {
    await this.records.ready;
    const progress = this.connection.window.attachWorkDoneProgress(params.workDoneToken);
    progress.begin('Claim Check', 0, 'Finding drafts…', true);
    const result: CheckWorkspaceResult = { files: 0, filesWithFindings: 0, findings: 0, byCode: {}, truncated: false, cancelled: false };
    try {
      let files = this.records.workspaceFolders().flatMap((f) =>
        globSync(['**/*.md', '**/*.markdown'], { cwd: f.path, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false }),
      );
      files = [...new Set(files)].sort();
      if (files.length > MAX_FILES) {
        result.truncated = true;
        files = files.slice(0, MAX_FILES);
      }
      for (let i = 0; i < files.length; i++) {
        if (token.isCancellationRequested) {
          result.cancelled = true;
          break;
        }
        progress.report(Math.round((i / files.length) * 100), `${i + 1} of ${files.length} drafts`);
        const analysis = await this.checkFile(pathToUri(files[i]));
        result.files++;
        if (!analysis) continue;
        if (analysis.findings.length > 0) result.filesWithFindings++;
        for (const f of analysis.findings) {
          result.findings++;
          result.byCode[f.code] = (result.byCode[f.code] ?? 0) + 1;
        }
        // Let other requests through between files.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      progress.done();
    }
    return result;
  }

  /** Checks one draft: an open one through its document, a closed one from disk (publishing its diagnostics). */
  private async checkFile(uri: string): Promise<DocumentAnalysis | undefined> {
    const open = this.documents.get(uri);
    if (open) return (await this.store.analyse(open)).analysis;
    const path = uriToPath(uri);
    if (!path) return undefined;
    let text: string;
    try {
      if (statSync(path).size > MAX_FILE_BYTES) return undefined;
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    const options = analysisOptions(await this.settings.get(uri));
    const analysis = new DocumentAnalyzer(this.records.recordsFor(uri)).analyze(text, options);
    // The document may have been opened while the settings were fetched.
    if (this.documents.get(uri)) return analysis;
    const doc = documentFor(uri, text);
    this.checked.add(uri);
    this.diagnostics.publishExternal(
      uri,
      analysis.findings.map((f) => toDiagnostic(doc, f, NO_VERSION)),
    );
    return analysis;
  }

  /** Re-checks the closed drafts checked before (records or settings changed). */
  async recheckClosed(): Promise<void> {
    for (const uri of [...this.checked]) {
      if (this.documents.get(uri)) continue;
      await this.checkFile(uri);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** A checked draft was closed: its diagnostics go back to what its file on disk says. */
  closed(uri: string): boolean {
    if (!this.checked.has(uri)) return false;
    void this.checkFile(uri).catch((err) => this.connection.console.error(`Claim Check: re-checking ${uri} failed: ${String(err)}`));
    return true;
  }
}
