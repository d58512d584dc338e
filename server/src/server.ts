/**
 * The Claim Check language server: wiring only. `node dist/server.js --stdio` or, from the
 * VS Code client, `--node-ipc`. The features live in ./features, the analysis in the core.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  StreamMessageReader,
  StreamMessageWriter,
  createConnection,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentFor, toOffset } from './positions';
import { CITE_ALL_KIND, citeAllAction, documentEdit, editSupport, fixOf, fixableDiagnostics, isCiteAllData, isFixData, quickFixes, wants, type EditSupport } from './features/codeActions';
import { TRIGGER_CHARACTERS, completions } from './features/completion';
import { definitionAt } from './features/definition';
import { DiagnosticsManager } from './features/diagnostics';
import { documentLinks } from './features/documentLinks';
import { DocumentStore } from './features/documents';
import { hoverAt } from './features/hover';
import { RecordManager } from './features/records';
import { SettingsStore } from './features/settings';
import { WorkspaceChecker } from './features/workspaceCheck';
import { citedSourcesOf } from './features/citedSources';
import { LibraryManager } from './features/library';
import { locatorFixes, sourcePassageAt } from './checks/sourceDocuments';
import {
  REBUILD_LIBRARY_METHOD,
  SOURCE_PASSAGE_METHOD,
  type LibraryStatusParams,
  type SourcePassage,
  type SourcePassageParams,
  CHECK_WORKSPACE_METHOD,
  CITED_SOURCES_METHOD,
  RECORD_CHOICES_METHOD,
  RECORD_CLAIM_METHOD,
  type CheckWorkspaceParams,
  type CitedSourcesParams,
  type RecordChoices,
  type RecordChoicesParams,
  type RecordClaimParams,
  type RecordClaimResult,
} from './protocol';
import {
  citedNear,
  claimsFilePath,
  recordChoices,
  recordClaimEdit,
} from './features/recordClaim';
import { citeEveryClaim } from './analysis/citeAll';
import { formatDate } from './analysis/bibliography';
import { pathToUri } from './features/records';
import { Lifecycle } from './features/lifecycle';

/**
 * Over stdio, a frame whose Content-Length does not match its body leaves the rest of the stream
 * unreadable: every later message would be misread. The server then says so and exits, so that
 * the client sees it stop (and restarts it) instead of waiting on a server that hears nothing.
 * Over Node IPC (VS Code's transport) Node frames the messages itself.
 */
function stdioConnection() {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((err) => {
    process.stderr.write(`Claim Check: unreadable message on stdin (${err.message.split('\n')[0]}); exiting so that the client can restart the server.\n`);
    process.exit(1);
  });
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
const lifecycle = new Lifecycle();
const documents = new TextDocuments(TextDocument);

let capabilities: ClientCapabilities = {};
let support: EditSupport = { documentChanges: false, createFile: false, resolveEdit: false };
const settings = new SettingsStore(connection, () => capabilities.workspace?.configuration === true);
let diagnostics: DiagnosticsManager | undefined;
const records = new RecordManager(connection, settings, (uri, list) => {
  if (diagnostics) diagnostics.publishExternal(uri, list);
  else connection.sendDiagnostics({ uri, diagnostics: list });
});
const store = new DocumentStore(connection, documents, records, settings);
let checker: WorkspaceChecker | undefined;
const libraries = new LibraryManager(
  connection,
  records,
  settings,
  (uri, list) => {
    if (diagnostics) diagnostics.publishExternal(uri, list);
    else connection.sendDiagnostics({ uri, diagnostics: list });
  },
  // A library that changed: the drafts are checked against what it now holds.
  safely('source documents change', async () => {
    store.invalidate();
    diagnostics?.recheckAll();
    await checker?.recheckClosed();
  }),
  () => capabilities.window?.workDoneProgress === true,
);
store.libraryFor = (uri) => libraries.libraryFor(uri);

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/** Wraps a handler so that an exception is logged and the request answers `fallback`: a bad document must not take the server down. */
function guard<P, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    lifecycle.assertServing(name);
    try {
      return await handler(params, token);
    } catch (err) {
      connection.console.error(`Claim Check: ${name} failed: ${describe(err)}`);
      return fallback;
    }
  };
}

/** The same for notifications and events. */
function safely<A extends unknown[]>(name: string, handler: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    // After shutdown only `exit` means anything.
    if (lifecycle.phase === 'shutDown') return;
    try {
      const result = handler(...args);
      if (result instanceof Promise) result.catch((err) => connection.console.error(`Claim Check: ${name} failed: ${describe(err)}`));
    } catch (err) {
      connection.console.error(`Claim Check: ${name} failed: ${describe(err)}`);
    }
  };
}

connection.onInitialize((params): InitializeResult => {
  lifecycle.phase = 'running';
  capabilities = params.capabilities;
  support = editSupport(capabilities);
  // The editor's display language ("es-419" → es), which `claimcheck.locale: auto` follows.
  settings.setEditorLocale(params.locale);
  records.setFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
  // Pull when the client can, push otherwise; never both for a document.
  const pull = capabilities.textDocument?.diagnostic !== undefined;
  diagnostics = new DiagnosticsManager(connection, documents, store, pull ? 'pull' : 'push', capabilities.workspace?.diagnostics?.refreshSupport === true);
  checker = new WorkspaceChecker(connection, documents, store, records, settings, diagnostics);
  const workspaceChecker = checker;
  diagnostics.crossDraft = (result) => workspaceChecker.crossDraftDiagnostics(result);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
      definitionProvider: true,
      documentLinkProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CITE_ALL_KIND], resolveProvider: support.resolveEdit },
      diagnosticProvider: pull ? { identifier: 'claimcheck', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'claim-check' },
  };
});

/** Records or settings changed: reload what depends on them and check the open drafts again. */
async function reloadAndRecheck(): Promise<void> {
  await records.reload();
  store.invalidate();
  diagnostics?.recheckAll();
  await checker?.recheckClosed();
  // The source documents follow in the background; only documents that changed are read again.
  void libraries.rebuild();
}

connection.onInitialized(
  safely('initialized', async () => {
    // Documents wait for the first load, so it starts before anything else can fail.
    const loading = records.reload();
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'claimcheck' })
        .catch((err) => connection.console.warn(`Claim Check: cannot register for configuration changes: ${describe(err)}`));
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        safely('workspace folders change', async (event) => {
          const uris = new Set(event.removed.map((f) => f.uri));
          const folders = [...records.workspaceFolders().filter((f) => !uris.has(f.uri)).map((f) => ({ uri: f.uri, name: f.path })), ...event.added];
          records.setFolders(folders);
          await reloadAndRecheck();
        }),
      );
    }
    await loading;
    void libraries.rebuild();
  }),
);

connection.onDidChangeConfiguration(
  safely('configuration change', async (params) => {
    settings.changed(params.settings);
    await reloadAndRecheck();
  }),
);

// A checkout or a sync tool changes many files at once: reload once they have settled.
let watchTimer: ReturnType<typeof setTimeout> | undefined;
connection.onDidChangeWatchedFiles(
  safely('watched files change', () => {
    if (watchTimer) clearTimeout(watchTimer);
    watchTimer = setTimeout(safely('records reload', reloadAndRecheck), 100);
  }),
);

const openedVersion = new Map<string, number>();
documents.onDidOpen(
  safely('open', (event) => {
    openedVersion.set(event.document.uri, event.document.version);
    diagnostics?.opened(event.document);
  }),
);
documents.onDidChangeContent(
  safely('change', (event) => {
    // TextDocuments also reports an opened document as changed; the open was handled.
    if (openedVersion.get(event.document.uri) === event.document.version) return;
    openedVersion.delete(event.document.uri);
    diagnostics?.changed(event.document);
  }),
);
documents.onDidSave(safely('save', (event) => diagnostics?.saved(event.document)));
documents.onDidClose(
  safely('close', (event) => {
    const uri = event.document.uri;
    openedVersion.delete(uri);
    diagnostics?.closed(uri);
    store.drop(uri);
    settings.forget(uri);
    checker?.closed(uri);
  }),
);

connection.languages.diagnostics.on(
  guard('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, (params, token) => {
    if (!diagnostics) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return diagnostics.pull(params, token);
  }),
);

/** The open document and the analysis of its current version; undefined when it closed or changed meanwhile. */
async function currentAnalysis(uri: string) {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const result = await store.analyse(doc);
  return result.version === doc.version ? { doc, result } : undefined;
}

connection.onHover(
  guard('hover', null, async (params) => {
    const current = await currentAnalysis(params.textDocument.uri);
    if (!current) return null;
    const { doc, result } = current;
    return hoverAt(
      {
        doc,
        text: result.text,
        analysis: result.analysis,
        records: result.records,
        displayPath: (f) => records.displayPath(f),
        locale: result.options.locale,
        sentences: result.context.sentences,
        library: result.library,
      },
      toOffset(doc, params.position),
    );
  }),
);

connection.onCompletion(
  guard('completion', null, async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    // Footnote labels may come from a slightly older version: completion must not wait for an analysis.
    const latest = store.latest(doc.uri) ?? (await store.analyse(doc));
    return completions({ doc, records: latest.records, footnotes: latest.analysis.footnotes, locale: latest.options.locale }, params.position);
  }),
);

connection.onDefinition(
  guard('definition', [], async (params) => {
    const current = await currentAnalysis(params.textDocument.uri);
    if (!current) return [];
    const { doc, result } = current;
    return definitionAt({ doc, text: result.text, analysis: result.analysis, records: result.records }, toOffset(doc, params.position));
  }),
);

connection.onDocumentLinks(
  guard('document links', [], async (params) => {
    const current = await currentAnalysis(params.textDocument.uri);
    if (!current) return [];
    const { doc, result } = current;
    return documentLinks({ doc, text: result.text, analysis: result.analysis, records: result.records, displayPath: (f) => records.displayPath(f) });
  }),
);

connection.onCodeAction(
  guard('code actions', [] as CodeAction[], async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const folder = records.folderOf(doc.uri) ?? records.workspaceFolders()[0];
    const locale = (await settings.get(doc.uri)).locale;
    // The fixes come from the analysis of the current version (cached: the diagnostics were made from it).
    const current = fixableDiagnostics(doc, params).length > 0 ? await currentAnalysis(doc.uri) : undefined;
    const actions = quickFixes(doc, params, support, folder?.path, locale, current?.doc === doc ? current.result.analysis.findings : undefined);
    if (wants(params, CodeActionKind.QuickFix)) {
      // "Add the page" for a quote the cited document holds word for word.
      const result = await store.analyse(doc);
      if (result.version === doc.version && result.library) {
        for (const fix of locatorFixes(result.context, toOffset(doc, params.range.start))) {
          actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, edit: documentEdit(doc, fix.edits, support) });
        }
      }
    }
    if (wants(params, CITE_ALL_KIND)) {
      const result = await store.analyse(doc);
      if (result.version === doc.version) {
        const hasCandidates = result.analysis.findings.some((f) => f.code === 'uncited-claim' && f.sources.length > 0);
        const action = citeAllAction(doc, hasCandidates, support, () => citeEveryClaim(result.context, result.analysis.findings), locale);
        if (action) actions.push(action);
      }
    }
    return actions;
  }),
);

connection.onShutdown(() => {
  lifecycle.phase = 'shutDown';
});

connection.onCodeActionResolve(async (action) => {
  lifecycle.assertServing('code action resolve');
  try {
    if (isFixData(action.data)) {
      const data = action.data;
      const doc = documents.get(data.uri);
      // The document changed since the fix was offered: resolve it to nothing rather than edit the wrong places.
      if (!doc || doc.version !== data.version) return action;
      const result = await store.analyse(doc);
      if (result.version !== data.version) return action;
      const fix = fixOf(result.analysis.findings, data, doc);
      return fix ? { ...action, edit: documentEdit(doc, fix.edits, support) } : action;
    }
    if (!isCiteAllData(action.data)) return action;
    const doc = documents.get(action.data.uri);
    // The document changed since the action was offered: resolve it to nothing rather than edit the wrong places.
    if (!doc || doc.version !== action.data.version) return action;
    const result = await store.analyse(doc);
    if (result.version !== action.data.version) return action;
    return { ...action, edit: documentEdit(doc, citeEveryClaim(result.context, result.analysis.findings), support) };
  } catch (err) {
    connection.console.error(`Claim Check: code action resolve failed: ${describe(err)}`);
    return action;
  }
});

connection.onRequest(
  CHECK_WORKSPACE_METHOD,
  guard('check workspace', null, (params: CheckWorkspaceParams, token) => checker?.run(params ?? {}, token) ?? null),
);

connection.onRequest(
  CITED_SOURCES_METHOD,
  guard('cited sources', null, (params: CitedSourcesParams) => (params?.textDocument?.uri ? citedSourcesOf(params.textDocument.uri, documents, store, records, settings) : null)),
);

/** The workspace folder a claim recorded from `uri` goes to: the document's, or the first. */
function claimFolder(uri: string | undefined): { uri: string; path: string } | undefined {
  return (uri ? records.folderOf(uri) : undefined) ?? records.workspaceFolders()[0];
}

connection.onRequest(
  RECORD_CHOICES_METHOD,
  guard('record choices', null, async (params: RecordChoicesParams): Promise<RecordChoices | null> => {
    await records.ready;
    const uri = params?.textDocument?.uri;
    const folder = claimFolder(uri);
    const set = records.recordsFor(uri ?? folder?.uri ?? '');
    const locale = (await settings.get(uri ?? folder?.uri)).locale;
    // In an open draft, the sources cited nearest the selection come first.
    let cited: string[] = [];
    const doc = uri ? documents.get(uri) : undefined;
    if (doc) {
      const result = await store.analyse(doc);
      const offset = params.range ? toOffset(documentFor(doc.uri, result.text), params.range.start) : 0;
      cited = citedNear(result.analysis.citations, offset);
    }
    const date = (id: string) => {
      const source = set.source(id);
      return source ? formatDate(source, locale) : undefined;
    };
    return recordChoices(set, typeof params?.text === 'string' ? params.text : undefined, cited, date, folder ? pathToUri(claimsFilePath(folder.path)) : undefined);
  }),
);

connection.onRequest(
  RECORD_CLAIM_METHOD,
  guard('record claim', null, async (params: RecordClaimParams): Promise<RecordClaimResult | null> => {
    await records.ready;
    const uri = params?.textDocument?.uri;
    const folder = claimFolder(uri);
    const locale = (await settings.get(uri ?? folder?.uri)).locale;
    return recordClaimEdit(params, records.recordsFor(uri ?? folder?.uri ?? ''), folder?.path, support, locale);
  }),
);

connection.onRequest(
  REBUILD_LIBRARY_METHOD,
  guard('rebuild source index', null, async (): Promise<LibraryStatusParams | null> => {
    await libraries.rebuild(true);
    return libraries.status();
  }),
);

connection.onRequest(
  SOURCE_PASSAGE_METHOD,
  guard('source passage', null, async (params: SourcePassageParams): Promise<SourcePassage | null> => {
    const current = await currentAnalysis(params?.textDocument?.uri ?? '');
    if (!current) return null;
    const { doc, result } = current;
    return sourcePassageAt(result.context, toOffset(doc, params.position));
  }),
);

documents.listen(connection);
connection.listen();
