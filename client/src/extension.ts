/**
 * The VS Code side of Claim Check, kept thin: starts the bundled language server over IPC
 * for Markdown, forwards record-file changes, and adds three commands and a status-bar count
 * of uncited claims. Everything else happens in the server.
 */
import * as path from 'node:path';
import {
  Disposable,
  ProgressLocation,
  RelativePattern,
  StatusBarAlignment,
  Uri,
  commands,
  languages,
  window,
  workspace,
  type Diagnostic,
  type ExtensionContext,
  type LogOutputChannel,
  type StatusBarItem,
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
import type { CheckWorkspaceResult } from '../../server/src/features/workspaceCheck';

const SOURCE = 'Claim Check';
const CHECK_WORKSPACE_METHOD = 'claimcheck/checkWorkspace';
/** A server that dies this many times within RESTART_WINDOW_MS is left stopped. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<LanguageClient> {
  const output = window.createOutputChannel(SOURCE, { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
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
    initializationFailedHandler: (error) => {
      output.error(`The Claim Check server failed to start: ${error instanceof Error ? error.message : String(error)}`);
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
    commands.registerCommand('claimcheck.restartServer', async () => {
      output.info('Restarting the Claim Check server.');
      await client?.restart();
    }),
    commands.registerCommand('claimcheck.showOutput', () => output.show(true)),
    uncitedStatusItem(),
  );
  watchers.refresh();
  try {
    await client.start();
  } catch (err) {
    // The commands stay registered, so that "Restart the language server" can try again.
    output.error(`The Claim Check server did not start: ${err instanceof Error ? err.message : String(err)}`);
  }
  return client;
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** Restarts a crashed server a few times, then stops and says so. */
function restartingErrorHandler(output: LogOutputChannel): LanguageClientOptions['errorHandler'] {
  const crashes: number[] = [];
  return {
    error: (error, _message, count) => {
      output.error(`Connection to the Claim Check server failed: ${error.message}`);
      return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
    },
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0] < now - RESTART_WINDOW_MS) crashes.shift();
      if (crashes.length <= MAX_RESTARTS) {
        output.warn(`The Claim Check server stopped unexpectedly; restarting it (${crashes.length} of ${MAX_RESTARTS} restarts allowed in three minutes).`);
        return { action: CloseAction.Restart, handled: true };
      }
      const message = `The Claim Check server stopped ${crashes.length} times in three minutes and will not be restarted. See the output, then run “Claim Check: Restart the language server”.`;
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

/** Runs the workspace check with a cancellable progress notification and sums it up. */
async function checkWorkspace(output: LogOutputChannel): Promise<void> {
  const c = client;
  if (!c?.isRunning()) {
    void window.showWarningMessage('The Claim Check server is not running. Run “Claim Check: Restart the language server”.');
    return;
  }
  const result = await window.withProgress(
    { location: ProgressLocation.Notification, title: 'Claim Check: checking drafts', cancellable: true },
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
    void window.showWarningMessage('Claim Check could not check the workspace; see the output.');
    return;
  }
  const codes = Object.entries(result.byCode)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');
  const summary =
    `Checked ${result.files} draft${result.files === 1 ? '' : 's'}${result.cancelled ? ' (cancelled)' : ''}${result.truncated ? ' (the first 5,000 only)' : ''}: ` +
    (result.findings === 0 ? 'no findings.' : `${result.findings} finding${result.findings === 1 ? '' : 's'} in ${result.filesWithFindings} draft${result.filesWithFindings === 1 ? '' : 's'} (${codes}).`);
  output.info(summary);
  const choice = await window.showInformationMessage(`Claim Check: ${summary}`, ...(result.findings > 0 ? ['Show Problems'] : []));
  if (choice === 'Show Problems') await commands.executeCommand('workbench.actions.view.problems');
}

function codeOf(d: Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** "$(quote) 3 uncited" for the active Markdown editor; clicking opens the Problems view. */
function uncitedStatusItem(): Disposable {
  const item: StatusBarItem = window.createStatusBarItem('claimcheck.uncited', StatusBarAlignment.Right, 100);
  item.name = 'Claim Check: uncited claims';
  item.command = 'workbench.actions.view.problems';
  const update = () => {
    const doc = window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') {
      item.hide();
      return;
    }
    const n = languages.getDiagnostics(doc.uri).filter((d) => d.source === SOURCE && codeOf(d) === 'uncited-claim').length;
    item.text = `$(quote) ${n} uncited`;
    item.tooltip = n === 0 ? 'Claim Check: every claim in this draft is cited' : `Claim Check: ${n} claim${n === 1 ? '' : 's'} without a source in this draft — click for the Problems view`;
    item.show();
  };
  update();
  return Disposable.from(
    item,
    window.onDidChangeActiveTextEditor(update),
    languages.onDidChangeDiagnostics((e) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) update();
    }),
  );
}
