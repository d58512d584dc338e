/** Pull diagnostics: a client that declares textDocument.diagnostic pulls them, and gets no pushed ones for its drafts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, DocumentDiagnosticReport, InitializeResult, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TestClient, applyEdits, capabilities, codes, waitFor, type Workspace, startServer, stopServer } from './harness';

const DRAFT = '# Draft\n\nICE agents created and accompany a Guatemalan Transnational Criminal Investigative Unit (TCIU) in Guatemala.\n';

let client: TestClient;
let ws: Workspace;
let init: InitializeResult;

beforeAll(async () => {
  ({ client, ws, init } = await startServer({ capabilities: capabilities({ pull: true, resolve: true }), waitForRecords: false }));
});

afterAll(() => stopServer({ client, ws }));

const pull = (uri: string, previousResultId?: string) => client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });

describe('diagnostics (pull)', () => {
  it('declares a diagnostic provider', () => {
    expect(init.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false, workspaceDiagnostics: false });
  });

  it('answers textDocument/diagnostic, reports unchanged for the same version, and never pushes', async () => {
    const uri = ws.uriOf('draft.md');
    await client.open(uri, DRAFT);
    const report = await pull(uri);
    expect(report.kind).toBe('full');
    if (report.kind !== 'full') return;
    expect(codes(report.items)).toContain('uncited-claim');
    expect(report.items[0].data).toMatchObject({ version: 1 });
    expect(report.resultId).toBeTruthy();

    const again = await pull(uri, report.resultId);
    expect(again).toEqual({ kind: 'unchanged', resultId: report.resultId });

    await client.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Some say ' }]);
    const changed = await pull(uri, report.resultId);
    expect(changed.kind).toBe('full');
    if (changed.kind === 'full') expect(changed.items.find((d) => d.code === 'uncited-claim')?.data).toMatchObject({ version: 2 });

    // Give a push every chance to arrive (a round trip after the change), then check there was none.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    expect(client.published.get(uri)).toBeUndefined();
  });

  it('computes the cite-all edit only when the action is resolved, and not for another version', async () => {
    const uri = ws.uriOf('resolve.md');
    await client.open(uri, DRAFT);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.claimcheck'] } });
    expect(actions).toHaveLength(1);
    expect(actions[0].edit).toBeUndefined();
    const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
    const edits = (resolved.edit!.documentChanges![0] as TextDocumentEdit).edits;
    expect(applyEdits(DRAFT, edits)).toMatch(/Guatemala\.\[\^[^\]]+\]\n\n\[\^[^\]]+\]: /);

    await client.change(uri, 2, [{ range, text: 'Intro.\n\n' }]);
    const stale = await client.request<CodeAction>('codeAction/resolve', actions[0]);
    expect(stale.edit).toBeUndefined();
  });

  it('asks the client to refresh when the settings change', async () => {
    const before = client.refreshRequests;
    client.settings = { severity: { 'uncited-claim': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await waitFor(() => client.refreshRequests > before, 'workspace/diagnostic/refresh');
    const uri = ws.uriOf('draft.md');
    const report = await pull(uri);
    expect(report.kind === 'full' && codes(report.items)).toEqual([]);
  });

  it('with run = onSave, keeps the saved version’s report until the next save', async () => {
    const refreshes = client.refreshRequests;
    client.settings = { run: 'onSave' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await waitFor(() => client.refreshRequests > refreshes, 'workspace/diagnostic/refresh');
    const uri = ws.uriOf('on-save.md');
    const figure = '# Draft\n\nCBP and ICE were among the agencies that trained 5,000 Guatemalan police in 2017 alone, according to GAO.\n';
    await client.open(uri, figure);
    const first = await pull(uri);
    expect(first.kind === 'full' && codes(first.items)).toEqual(['figure-mismatch']);
    await client.change(uri, 2, [{ range: { start: { line: 2, character: 49 }, end: { line: 2, character: 54 } }, text: '4,600' }]);
    const typed = await pull(uri, first.resultId);
    expect(typed).toEqual({ kind: 'unchanged', resultId: first.resultId });
    const saved = client.refreshRequests;
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await waitFor(() => client.refreshRequests > saved, 'a refresh after save');
    const after = await pull(uri, first.resultId);
    expect(after.kind === 'full' && codes(after.items)).toEqual([]);
  });
});
