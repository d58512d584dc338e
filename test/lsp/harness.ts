/**
 * A real LSP client for the tests: spawns `node dist/server.js --stdio` and talks JSON-RPC
 * to it. Waits poll with a timeout; nothing sleeps for a fixed time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  ConfigurationParams,
  Diagnostic,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextEdit,
} from 'vscode-languageserver-protocol';

export const ROOT = resolve(__dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');
/** The compiled bundled records (scripts/records.mjs writes them from data/ at build). */
export const DATA = join(ROOT, 'dist', 'records');

/** Polls `probe` until it returns something other than undefined/false, or fails after `timeout` ms. */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** Client capabilities of a modern editor; `pull` adds pull diagnostics, `progress` server-initiated work-done progress. */
export function capabilities(options: { pull?: boolean; resolve?: boolean; progress?: boolean } = {}): ClientCapabilities {
  return {
    window: options.progress ? { workDoneProgress: true } : undefined,
    workspace: {
      configuration: true,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: false },
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      diagnostics: options.pull ? { refreshSupport: true } : undefined,
    },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
      diagnostic: options.pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } },
        isPreferredSupport: true,
        dataSupport: true,
        resolveSupport: options.resolve ? { properties: ['edit'] } : undefined,
      },
      definition: { linkSupport: false },
      documentLink: { tooltipSupport: true },
    },
  };
}

export interface Workspace {
  dir: string;
  uri: string;
  file(relativePath: string, text: string | Uint8Array): string;
  uriOf(relativePath: string): string;
  dispose(): void;
}

/** A temporary workspace folder. */
export function tempWorkspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-lsp-'));
  return {
    dir,
    uri: pathToFileURL(dir).href,
    file(relativePath, text) {
      const path = join(dir, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    uriOf: (relativePath) => pathToFileURL(join(dir, relativePath)).href,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export class TestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  /** Every publishDiagnostics, in order, by uri. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  refreshRequests = 0;
  /** Tokens of window/workDoneProgress/create requests, and every $/progress, in order. */
  readonly progressCreated: Array<string | number> = [];
  readonly progress: Array<{ token: string | number; value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number; cancellable?: boolean } }> = [];
  stderr = '';
  /** What the test answers to workspace/configuration for the `claimcheck` section. */
  settings: Record<string, unknown> = {};
  private exited: Promise<number | null>;

  constructor() {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "npm run build" first.`);
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolveExit) => this.process.on('exit', (code) => resolveExit(code)));
    this.process.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onRequest('workspace/configuration', (p: ConfigurationParams) => {
      this.configurationRequests.push(p);
      return p.items.map((item) => (item.section === 'claimcheck' ? this.settings : null));
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      this.progressCreated.push(p.token);
      return null;
    });
    this.connection.onNotification('$/progress', (p: TestClient['progress'][number]) => {
      this.progress.push(p);
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      return null;
    });
    this.connection.listen();
  }

  /** `locale` is the editor's display language, as VS Code sends it ("es", "es-419"). */
  async initialize(options: { workspace?: Workspace; capabilities?: ClientCapabilities; locale?: string } = {}): Promise<InitializeResult> {
    const folders = options.workspace ? [{ uri: options.workspace.uri, name: 'ws' }] : null;
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      locale: options.locale,
      rootUri: options.workspace?.uri ?? null,
      workspaceFolders: folders,
      capabilities: options.capabilities ?? capabilities(),
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Waits until the server has loaded its records (it logs once they are). */
  recordsLoaded(count = 1): Promise<true> {
    return waitFor(() => this.logs.filter((l) => l.includes('records loaded')).length >= count || false, `records loaded ×${count}`);
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, version: number, contentChanges: Array<{ range?: Range; text: string }>): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  latest(uri: string): PublishDiagnosticsParams | undefined {
    const list = this.published.get(uri);
    return list?.[list.length - 1];
  }

  /** Waits for a publishDiagnostics for `uri` that satisfies `accept` (by default: any for that version). */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, what = `diagnostics for ${uri}`): Promise<PublishDiagnosticsParams> {
    return waitFor(() => {
      const p = this.latest(uri);
      return p && accept(p) ? p : undefined;
    }, what);
  }

  /** shutdown + exit; resolves to the server's exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.process.kill();
  }
}

/** Applies LSP text edits to a text (as an editor would), using the text's own line breaks. */
export function applyEdits(text: string, edits: ReadonlyArray<TextEdit | { range: Range; newText?: string }>): string {
  const offsetAt = (p: Position) => {
    let line = 0;
    let i = 0;
    while (line < p.line && i < text.length) {
      const c = text[i];
      i++;
      if (c === '\n' || (c === '\r' && text[i] !== '\n')) line++;
    }
    return Math.min(i + p.character, text.length);
  };
  const sorted = edits
    .map((e) => {
      if (typeof e.newText !== 'string') throw new Error('Not a plain text edit');
      return { start: offsetAt(e.range.start), end: offsetAt(e.range.end), text: e.newText };
    }).sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** A diagnostic's message as text (LSP 3.18 allows Markdown messages; ours are plain). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

export interface Server {
  client: TestClient;
  ws: Workspace;
  init: InitializeResult;
}

/**
 * Starts one server on a fresh temporary workspace holding `files`, initialised with
 * `capabilities`, and (by default) waits for its records: the setup of every protocol test file.
 */
export async function startServer(
  options: { files?: Record<string, string | Uint8Array>; capabilities?: ClientCapabilities; locale?: string; waitForRecords?: boolean } = {},
): Promise<Server> {
  const ws = tempWorkspace();
  for (const [path, text] of Object.entries(options.files ?? {})) ws.file(path, text);
  const client = new TestClient();
  const init = await client.initialize({ workspace: ws, capabilities: options.capabilities, locale: options.locale });
  if (options.waitForRecords ?? true) await client.recordsLoaded();
  return { client, ws, init };
}

/** Stops what startServer started; safe when it never started. */
export function stopServer(server: Partial<Server> | undefined): void {
  server?.client?.kill();
  server?.ws?.dispose();
}

