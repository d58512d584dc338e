/**
 * The VS Code side of Claim Check, kept thin: starts the bundled language server over IPC
 * for Markdown, forwards record-file changes, and adds the commands (check the workspace,
 * export cited sources, record a claim from a selection, restart, output) and a status-bar
 * count of uncited claims. Everything else happens in the server; the commands only ask
 * the writer and apply what the server answers. Strings go through `l10n.t` (l10n/).
 */
import * as path from 'node:path';
import {
  Disposable,
  ProgressLocation,
  QuickPickItemKind,
  RelativePattern,
  StatusBarAlignment,
  Uri,
  commands,
  l10n,
  languages,
  window,
  workspace,
  type Diagnostic,
  type ExtensionContext,
  type LogOutputChannel,
  type QuickPickItem,
  type Range,
  type StatusBarItem,
  type TextDocument,
} from 'vscode';
import {
  CloseAction,
  DidChangeWatchedFilesNotification,
  ErrorAction,
  FileChangeType,
  LanguageClient,
  TransportKind,
  WorkDoneProgress,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  CHECK_WORKSPACE_METHOD,
  CITED_SOURCES_METHOD,
  DIAGNOSTIC_SOURCE,
  RECORD_CHOICES_METHOD,
  RECORD_CLAIM_METHOD,
  type CheckWorkspaceResult,
  type Choice,
  type RecordChoices,
  type RecordClaimResult,
} from '../../server/src/protocol';
import { LIBRARY_STATUS_METHOD, REBUILD_LIBRARY_METHOD, SOURCE_PASSAGE_METHOD, type LibraryStatusParams, type SourcePassage } from '../../server/src/protocol';
import { MARKDOWN_FILE } from '../../server/src/markdownFiles';
import { isSourcePassage, openSourceAt } from './openSource';
import { CrashWindow } from './crashWindow';
import { sentenceAround } from './sentence';
import { SERVER_EXEC_ARGV } from './serverFlags';

/** The name of the output channel and of the client. */
const SOURCE = 'Claim Check';
/** A server that dies this many times within RESTART_WINDOW_MS is left stopped. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

let client: LanguageClient | undefined;
const crashes = new CrashWindow(MAX_RESTARTS, RESTART_WINDOW_MS);

export async function activate(context: ExtensionContext): Promise<LanguageClient> {
  const output = window.createOutputChannel(SOURCE, { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    outputChannel: output,
    // Record folders are watched here and the events forwarded; the server reloads the records.
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/.claimcheck/**') },
    diagnosticPullOptions: { onChange: true, onSave: true },
    // Hover cards carry record text: no command links, no HTML.
    markdown: { isTrusted: false, supportHtml: false },
    errorHandler: restartingErrorHandler(output),
    middleware: { workspace: { configuration: withUserRecords } },
    initializationFailedHandler: (error) => {
      output.error(l10n.t('The Claim Check server failed to start: {0}', error instanceof Error ? error.message : String(error)));
      return false;
    },
  };

  client = new LanguageClient('claimcheck', SOURCE, serverOptions, clientOptions);
  const watchers = new ExtraRecordWatchers(() => client);
  context.subscriptions.push(
    watchers,
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('claimcheck.records')) watchers.refresh();
    }),
    workspace.onDidChangeWorkspaceFolders(() => watchers.refresh()),
    commands.registerCommand('claimcheck.checkWorkspace', () => checkWorkspace(output)),
    commands.registerCommand('claimcheck.exportSources', (uri?: unknown) => exportSources(output, uri instanceof Uri ? uri : undefined)),
    commands.registerCommand('claimcheck.recordClaim', () => recordClaim(output)),
    commands.registerCommand('claimcheck.restartServer', async () => {
      output.info(l10n.t('Restarting the Claim Check server.'));
      crashes.reset();
      await client?.restart();
    }),
    commands.registerCommand('claimcheck.showOutput', () => output.show(true)),
    commands.registerCommand('claimcheck.openSource', () => openSource(output)),
    commands.registerCommand('claimcheck.rebuildSourceIndex', () => rebuildSourceIndex(output)),
    uncitedStatusItem(),
  );
  watchers.refresh();
  try {
    context.subscriptions.push(followLibraryStatus(client));
    await client.start();
  } catch (err) {
    // The commands stay registered, so that "Restart the language server" can try again.
    output.error(l10n.t('The Claim Check server did not start: {0}', err instanceof Error ? err.message : String(err)));
  }
  return client;
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** Restarts a crashed server a few times, then stops and says so. */
/**
 * Answers the server's `workspace/configuration` as VS Code would, adding to each `claimcheck`
 * section `userRecords`: the `claimcheck.records` entries of the user's own settings. Only those
 * may name record files outside the workspace; a workspace's settings (a cloned repository's
 * `.vscode/settings.json`) may not.
 */
const withUserRecords: NonNullable<NonNullable<LanguageClientOptions['middleware']>['workspace']>['configuration'] = async (params, token, next) => {
  const result = await next(params, token);
  if (!Array.isArray(result)) return result;
  return result.map((value: unknown, i) => {
    const item = params.items[i];
    if (item?.section !== 'claimcheck' || typeof value !== 'object' || value === null) return value;
    const scope = item.scopeUri ? Uri.parse(item.scopeUri) : undefined;
    const user = workspace.getConfiguration('claimcheck', scope).inspect<unknown>('records')?.globalValue;
    return { ...value, userRecords: Array.isArray(user) ? user.filter((r) => typeof r === 'string') : [] };
  });
};

function restartingErrorHandler(output: LogOutputChannel): LanguageClientOptions['errorHandler'] {
  return {
    error: (error, _message, count) => {
      output.error(l10n.t('Connection to the Claim Check server failed: {0}', error.message));
      return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
    },
    closed: () => {
      const { restart, count } = crashes.record(Date.now());
      if (restart) {
        output.warn(l10n.t('The Claim Check server stopped unexpectedly; restarting it ({0} of {1} restarts allowed in three minutes).', count, MAX_RESTARTS));
        return { action: CloseAction.Restart, handled: true };
      }
      const message = l10n.t('The Claim Check server stopped {0} times in three minutes and will not be restarted. See the output, then run “Claim Check: Restart the language server”.', count);
      output.error(message);
      return { action: CloseAction.DoNotRestart, message };
    },
  };
}

/** Watches the configured `claimcheck.records` files and globs of every workspace folder, forwarding changes to the server. */
class ExtraRecordWatchers implements Disposable {
  private watchers: Disposable[] = [];

  constructor(private readonly getClient: () => LanguageClient | undefined) {}

  refresh(): void {
    this.dispose();
    for (const folder of workspace.workspaceFolders ?? []) {
      const entries = workspace.getConfiguration('claimcheck', folder.uri).get<unknown>('records');
      if (!Array.isArray(entries)) continue;
      for (const entry of entries) {
        if (typeof entry !== 'string' || !entry.trim()) continue;
        for (const pattern of watchPatterns(folder.uri.fsPath, entry)) {
          const watcher = workspace.createFileSystemWatcher(pattern);
          const forward = (type: FileChangeType) => (uri: Uri) => {
            const c = this.getClient();
            if (c?.isRunning()) void c.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri.toString(), type }] });
          };
          this.watchers.push(watcher, watcher.onDidCreate(forward(FileChangeType.Created)), watcher.onDidChange(forward(FileChangeType.Changed)), watcher.onDidDelete(forward(FileChangeType.Deleted)));
        }
      }
    }
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }
}

/** Patterns for a records entry: a glob from its static base folder, or a file (or folder) and what is below it. */
function watchPatterns(folder: string, entry: string): RelativePattern[] {
  const absolute = path.resolve(folder, entry);
  const segments = absolute.split(/[\\/]/);
  const firstGlob = segments.findIndex((s) => /[*?[\]{}]/.test(s));
  if (firstGlob < 0) return [new RelativePattern(Uri.file(path.dirname(absolute)), path.basename(absolute)), new RelativePattern(Uri.file(absolute), '**/*.{json,yaml,yml}')];
  const base = segments.slice(0, firstGlob).join(path.sep) || path.sep;
  return [new RelativePattern(Uri.file(base), segments.slice(firstGlob).join('/'))];
}

/** The running client, or undefined after telling the writer it is not running. */
function runningClient(): LanguageClient | undefined {
  const c = client;
  if (c?.isRunning()) return c;
  void window.showWarningMessage(l10n.t('The Claim Check server is not running. Run “Claim Check: Restart the language server”.'));
  return undefined;
}

function plural(n: number, one: string, other: string): string {
  return n === 1 ? one : other;
}

/** Runs the workspace check with a cancellable progress notification and sums it up. */
async function checkWorkspace(output: LogOutputChannel): Promise<void> {
  const c = runningClient();
  if (!c) return;
  const result = await window.withProgress(
    { location: ProgressLocation.Notification, title: l10n.t('Claim Check: checking drafts'), cancellable: true },
    async (progress, token) => {
      const workDoneToken = `claimcheck-check-${Date.now()}`;
      let reported = 0;
      const listener = c.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const percentage = value.percentage ?? reported;
        progress.report({ message: value.message, increment: Math.max(0, percentage - reported) });
        reported = Math.max(reported, percentage);
      });
      try {
        return await c.sendRequest<CheckWorkspaceResult | null>(CHECK_WORKSPACE_METHOD, { workDoneToken }, token);
      } finally {
        listener.dispose();
      }
    },
  );
  if (!result) {
    void window.showWarningMessage(l10n.t('Claim Check could not check the workspace; see the output.'));
    return;
  }
  const codes = Object.entries(result.byCode)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');
  const drafts = plural(result.files, l10n.t('1 draft'), l10n.t('{0} drafts', result.files));
  const notes = (result.cancelled ? l10n.t(' (cancelled)') : '') + (result.truncated ? l10n.t(' (the first 5,000 only)') : '');
  const summary =
    result.findings === 0
      ? l10n.t('Checked {0}{1}: no findings.', drafts, notes)
      : l10n.t('Checked {0}{1}: {2} in {3} ({4}).', drafts, notes, plural(result.findings, l10n.t('1 finding'), l10n.t('{0} findings', result.findings)), plural(result.filesWithFindings, l10n.t('1 draft'), l10n.t('{0} drafts', result.filesWithFindings)), codes);
  output.info(summary);
  const showProblems = l10n.t('Show Problems');
  const choice = await window.showInformationMessage(l10n.t('Claim Check: {0}', summary), ...(result.findings > 0 ? [showProblems] : []));
  if (choice === showProblems) await commands.executeCommand('workbench.actions.view.problems');
}

/** The Markdown draft a command works on: the one given (explorer menu) or the active editor's. */
function draftUri(given: Uri | undefined): Uri | undefined {
  if (given) return given;
  const doc = window.activeTextEditor?.document;
  if (doc?.languageId === 'markdown') return doc.uri;
  void window.showWarningMessage(l10n.t('Open a Markdown draft first.'));
  return undefined;
}

/** "<draft>.bib.json" next to the draft; in the first workspace folder for an untitled one. */
function defaultExportUri(draft: Uri): Uri | undefined {
  if (draft.scheme === 'untitled') {
    const folder = workspace.workspaceFolders?.[0]?.uri;
    return folder ? Uri.joinPath(folder, 'sources.bib.json') : undefined;
  }
  const dir = Uri.joinPath(draft, '..');
  const base = path.posix.basename(draft.path).replace(MARKDOWN_FILE, '');
  return Uri.joinPath(dir, `${base}.bib.json`);
}

/** "Export cited sources as CSL-JSON": asks the server for the sources, the writer for the file. */
async function exportSources(output: LogOutputChannel, given: Uri | undefined): Promise<void> {
  const uri = draftUri(given);
  if (!uri) return;
  const c = runningClient();
  if (!c) return;
  const sources = await c.sendRequest<unknown[] | null>(CITED_SOURCES_METHOD, { textDocument: { uri: c.code2ProtocolConverter.asUri(uri) } });
  if (!sources) {
    void window.showWarningMessage(l10n.t('Claim Check could not read this draft; see the output.'));
    return;
  }
  if (sources.length === 0) {
    void window.showInformationMessage(l10n.t('This draft cites no source that the records know: there is nothing to export.'));
    return;
  }
  const target = await window.showSaveDialog({
    defaultUri: defaultExportUri(uri),
    filters: { [l10n.t('CSL-JSON bibliography')]: ['json'] },
    title: l10n.t('Export the cited sources as CSL-JSON'),
    saveLabel: l10n.t('Export'),
  });
  if (!target) return;
  await workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(sources, null, 2) + '\n'));
  const shown = workspace.asRelativePath(target);
  output.info(l10n.t('Exported {0} to {1}.', plural(sources.length, l10n.t('1 source'), l10n.t('{0} sources', sources.length)), shown));
  const open = l10n.t('Open');
  const choice = await window.showInformationMessage(l10n.t('Exported {0} to {1}. Use it with pandoc --citeproc --bibliography.', plural(sources.length, l10n.t('1 source'), l10n.t('{0} sources', sources.length)), shown), open);
  if (choice === open) await window.showTextDocument(target);
}

/** Quick-pick items: the suggested ones under one heading, the rest under another. */
function choiceItems(choices: Choice[], suggested: string[], suggestedHeading: string): Array<QuickPickItem & { id?: string }> {
  const items: Array<QuickPickItem & { id?: string }> = [];
  const isSuggested = new Set(suggested);
  const top = choices.filter((c) => isSuggested.has(c.id));
  const rest = choices.filter((c) => !isSuggested.has(c.id));
  const item = (c: Choice) => ({ id: c.id, label: c.label, description: c.id, detail: c.detail || undefined });
  if (top.length > 0) items.push({ label: suggestedHeading, kind: QuickPickItemKind.Separator }, ...top.map(item), { label: l10n.t('All'), kind: QuickPickItemKind.Separator });
  items.push(...rest.map(item));
  return items;
}

/**
 * "Record a claim from selection": the selected words become a claim's exact quote
 * (quoteVerified: the writer copied them from the source); the writer picks the program and
 * the source and says the fact in one line; the server answers the edit of
 * `.claimcheck/claims.json`, applied and saved here so that the records reload.
 */
async function recordClaim(output: LogOutputChannel): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) {
    void window.showWarningMessage(l10n.t('Select the quoted words first.'));
    return;
  }
  const c = runningClient();
  if (!c) return;
  const doc = editor.document;
  const quote = doc.getText(editor.selection);
  const sentence = sentenceAround(doc.getText(), doc.offsetAt(editor.selection.start), doc.offsetAt(editor.selection.end));
  const textDocument = { uri: c.code2ProtocolConverter.asUri(doc.uri) };
  const range: Range = editor.selection;
  const choices = await c.sendRequest<RecordChoices | null>(RECORD_CHOICES_METHOD, { textDocument, range: c.code2ProtocolConverter.asRange(range), text: sentence });
  if (!choices) {
    void window.showWarningMessage(l10n.t('Claim Check could not list the records; see the output.'));
    return;
  }
  if (!choices.claimsFile) {
    void window.showWarningMessage(l10n.t('Open a workspace folder first: claims are recorded in its .claimcheck/claims.json.'));
    return;
  }
  const program = await window.showQuickPick(choiceItems(choices.programs, choices.suggestedPrograms, l10n.t('Named in the sentence')), {
    title: l10n.t('Record a claim (1/3): the program'),
    placeHolder: l10n.t('Which program, unit or agency is the claim about?'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!program?.id) return;
  const source = await window.showQuickPick(choiceItems(choices.sources, choices.suggestedSources, l10n.t('Cited near the selection')), {
    title: l10n.t('Record a claim (2/3): the source'),
    placeHolder: l10n.t('Which source are the quoted words from?'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!source?.id) return;
  const fact = await window.showInputBox({
    title: l10n.t('Record a claim (3/3): the fact'),
    prompt: l10n.t('What the source states, in one neutral line.'),
    value: sentence,
    validateInput: (value) => (value.trim() ? undefined : l10n.t('Say in one line what the source states.')),
  });
  if (fact === undefined) return;
  // Unsaved changes to the claims file: the server edits that text, not the file on disk.
  const claimsDoc = openDocument(Uri.parse(choices.claimsFile));
  const current = claimsDoc?.isDirty ? { claimsText: claimsDoc.getText(), claimsVersion: claimsDoc.version } : {};
  const result = await c.sendRequest<RecordClaimResult | null>(RECORD_CLAIM_METHOD, { textDocument, program: program.id, source: source.id, fact, quote, ...current });
  if (!result || 'error' in result) {
    void window.showErrorMessage(result ? result.error : l10n.t('Claim Check could not record the claim; see the output.'));
    return;
  }
  const edit = await c.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!(await workspace.applyEdit(edit))) {
    void window.showErrorMessage(l10n.t('The editor did not apply the change to {0}.', workspace.asRelativePath(Uri.parse(result.uri))));
    return;
  }
  const file = await workspace.openTextDocument(Uri.parse(result.uri));
  await file.save();
  output.info(l10n.t('Recorded the claim {0} in {1}.', result.id, workspace.asRelativePath(file.uri)));
  const open = l10n.t('Open');
  const choice = await window.showInformationMessage(l10n.t('Recorded the claim {0}. Drafts that quote it are now checked against it.', result.id), open);
  if (choice === open) await window.showTextDocument(file);
}

function openDocument(uri: Uri): TextDocument | undefined {
  const key = uri.toString();
  return workspace.textDocuments.find((d) => d.uri.toString() === key);
}

function codeOf(d: Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

let libraryStatus: LibraryStatusParams | undefined;
let statusUpdate: (() => void) | undefined;

/** Keeps the library status the server sends for the status item's tooltip. */
function followLibraryStatus(c: LanguageClient): Disposable {
  return c.onNotification(LIBRARY_STATUS_METHOD, (status: LibraryStatusParams) => {
    libraryStatus = status;
    statusUpdate?.();
  });
}

/** "Open the source at this passage": the quote under the cursor, in its source document. */
async function openSource(output: LogOutputChannel): Promise<void> {
  const editor = window.activeTextEditor;
  const c = client;
  if (!editor || !c) return;
  try {
    const passage = await c.sendRequest<SourcePassage | null>(SOURCE_PASSAGE_METHOD, {
      textDocument: { uri: c.code2ProtocolConverter.asUri(editor.document.uri) },
      position: c.code2ProtocolConverter.asPosition(editor.selection.active),
    });
    if (!passage || !isSourcePassage(passage)) {
      void window.showInformationMessage(l10n.t('Claim Check: no quote from a source document here.'));
      return;
    }
    await openSourceAt(passage);
  } catch (err) {
    output.error(l10n.t('Cannot open the source: {0}', err instanceof Error ? err.message : String(err)));
  }
}

/** "Rebuild the source index": reads every source document again, with progress. */
async function rebuildSourceIndex(output: LogOutputChannel): Promise<void> {
  const c = client;
  if (!c) return;
  try {
    const status = await window.withProgress({ location: ProgressLocation.Notification, title: l10n.t('Claim Check: reading the source documents…') }, () =>
      c.sendRequest<LibraryStatusParams | null>(REBUILD_LIBRARY_METHOD, {}),
    );
    if (status) {
      libraryStatus = { ...status, text: libraryStatus?.text ?? '' };
      void window.showInformationMessage(l10n.t('Claim Check: {0} source document(s), {1} page(s); {2} could not be read.', status.documents, status.pages, status.failures));
    }
  } catch (err) {
    output.error(l10n.t('Cannot rebuild the source index: {0}', err instanceof Error ? err.message : String(err)));
  }
}

/** "$(quote) 3 uncited" for the active Markdown editor; clicking opens the Problems view. */
function uncitedStatusItem(): Disposable {
  const item: StatusBarItem = window.createStatusBarItem('claimcheck.uncited', StatusBarAlignment.Right, 100);
  item.name = l10n.t('Claim Check: uncited claims');
  item.command = 'workbench.actions.view.problems';
  const update = () => {
    const doc = window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') {
      item.hide();
      return;
    }
    const n = languages.getDiagnostics(doc.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === 'uncited-claim').length;
    item.text = `$(quote) ${l10n.t('{0} uncited', n)}`;
    const uncited =
      n === 0
        ? l10n.t('Claim Check: every claim in this draft is cited')
        : n === 1
          ? l10n.t('Claim Check: 1 claim without a source in this draft — click for the Problems view')
          : l10n.t('Claim Check: {0} claims without a source in this draft — click for the Problems view', n);
    // The writer's source documents, as the server last reported them (in the writer's language).
    item.tooltip = libraryStatus && (libraryStatus.documents > 0 || libraryStatus.failures > 0) ? `${uncited}\n${libraryStatus.text}` : uncited;
    item.show();
  };
  update();
  statusUpdate = update;
  return Disposable.from(
    item,
    window.onDidChangeActiveTextEditor(update),
    languages.onDidChangeDiagnostics((e) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) update();
    }),
  );
}
