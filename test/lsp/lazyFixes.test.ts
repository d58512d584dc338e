/**
 * Fixes are not shipped with diagnostics: a diagnostic names its finding, and the server makes
 * a fix's edit from its analysis of that version when the writer asks for it (on resolve when
 * the editor can resolve, at codeAction time otherwise), and refuses a version that has moved on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TestClient, applyEdits, capabilities, type Workspace, startServer, stopServer } from './harness';

const UNCITED = 'ICE agents created and accompany a Guatemalan Transnational Criminal Investigative Unit (TCIU) in Guatemala.';
const FIGURE = 'CBP and ICE were among the agencies that trained 5,000 Guatemalan police in 2017 alone, according to GAO.';

const editsOf = (action: CodeAction) => (action.edit!.documentChanges![0] as TextDocumentEdit).edits;

async function quickFixes(client: TestClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
}

describe('an editor that resolves code actions', () => {
  let client: TestClient;
  let ws: Workspace;
  beforeAll(async () => {
    ({ client, ws } = await startServer({ capabilities: capabilities({ resolve: true }) }));
  });
  afterAll(() => stopServer({ client, ws }));

  it('gets diagnostics that carry no edit, and fixes whose edit comes on resolve', async () => {
    const uri = ws.uriOf('resolve.md');
    const text = `# Draft\n\n${UNCITED}\n\n${FIGURE}\n`;
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length >= 2);
    // No fix text travels with a diagnostic: not the citation, not the footnote definition.
    const wire = JSON.stringify(published.diagnostics);
    expect(wire).not.toContain('newText');
    expect(wire).not.toContain('[^');
    const uncited = published.diagnostics.find((d) => d.code === 'uncited-claim')!;
    expect(uncited.data).toMatchObject({ version: 1, fixes: expect.any(Number) });

    const actions = await quickFixes(client, uri, uncited);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions[0].edit).toBeUndefined();
    expect(actions[0].title).toMatch(/footnote/);
    const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
    const fixed = applyEdits(text, editsOf(resolved));
    expect(fixed).toMatch(/Guatemala\.\[\^[^\]]+\]\n/);
    expect(fixed).toMatch(/\n\[\^[^\]]+\]: /);

    const figure = published.diagnostics.find((d) => d.code === 'figure-mismatch')!;
    const change = await quickFixes(client, uri, figure);
    const resolvedChange = await client.request<CodeAction>('codeAction/resolve', change[0]);
    expect(applyEdits(text, editsOf(resolvedChange))).toContain('trained 4,600 Guatemalan police');

    // The draft moves on: the fix is refused, on resolve and when asked for again with the old diagnostic.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Intro.\n\n' }]);
    const stale = await client.request<CodeAction>('codeAction/resolve', actions[0]);
    expect(stale.edit).toBeUndefined();
    expect(await quickFixes(client, uri, uncited)).toEqual([]);
  });

  it('refuses a fix reference that names no fix', async () => {
    const uri = ws.uriOf('forged.md');
    await client.open(uri, `${UNCITED}\n`);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
    const [action] = await quickFixes(client, uri, published.diagnostics[0]);
    for (const data of [{ ...(action.data as object), index: 99 }, { ...(action.data as object), key: '0:figure-mismatch:0:1' }, { ...(action.data as object), uri: ws.uriOf('other.md') }]) {
      const forged = await client.request<CodeAction>('codeAction/resolve', { ...action, data });
      expect(forged.edit).toBeUndefined();
    }
  });

  it('publishes a draft of many uncited claims in a size that does not grow with the fixes', async () => {
    const uri = ws.uriOf('many.md');
    const text = Array.from({ length: 300 }, () => UNCITED).join('\n\n') + '\n';
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length >= 300);
    // Beside its message, a diagnostic holds a range, a code and a reference: a few hundred bytes, whatever the fixes' footnote texts.
    for (const d of published.diagnostics) expect(JSON.stringify(d).length - String(d.message).length).toBeLessThan(300);
  });
});

describe('an editor that does not resolve code actions', () => {
  let client: TestClient;
  let ws: Workspace;
  beforeAll(async () => {
    ({ client, ws } = await startServer({ capabilities: capabilities({ resolve: false }) }));
  });
  afterAll(() => stopServer({ client, ws }));

  it('gets the edit with the code action, computed when it asks', async () => {
    const uri = ws.uriOf('plain.md');
    const text = `${UNCITED}\n`;
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
    expect(JSON.stringify(published.diagnostics)).not.toContain('newText');
    const actions = await quickFixes(client, uri, published.diagnostics[0]);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions[0].data).toBeUndefined();
    expect(applyEdits(text, editsOf(actions[0]))).toMatch(/Guatemala\.\[\^[^\]]+\]\n\n\[\^[^\]]+\]: /);
  });
});
