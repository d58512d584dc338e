/** Push diagnostics over a real stdio connection: capabilities, open, UTF-16 + CRLF ranges, incremental changes, shutdown. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { TestClient, codes, waitFor, type Workspace, startServer, stopServer } from './harness';

const FIGURE = 'CBP and ICE were among the agencies that trained 5,000 Guatemalan police in 2017 alone, according to GAO.';
const UNCITED = 'ICE agents created and accompany a Guatemalan Transnational Criminal Investigative Unit (TCIU) in Guatemala.';

let client: TestClient;
let ws: Workspace;
let init: InitializeResult;

beforeAll(async () => {
  ({ client, ws, init } = await startServer({ waitForRecords: false }));
});

afterAll(() => stopServer({ client, ws }));

describe('diagnostics (push)', () => {
  it('declares its capabilities', () => {
    const caps = init.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2, save: { includeText: false } });
    expect(caps.hoverProvider).toBe(true);
    expect(caps.definitionProvider).toBe(true);
    expect(caps.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining(['@', '^']));
    expect(caps.codeActionProvider).toMatchObject({ codeActionKinds: ['quickfix', 'source.claimcheck.citeAll'] });
    expect(caps.documentLinkProvider).toBeTruthy();
    // This client cannot pull, so the server pushes and declares no diagnostic provider.
    expect(caps.diagnosticProvider).toBeUndefined();
    expect(init.serverInfo?.name).toBe('claim-check');
  });

  it('publishes uncited-claim and figure-mismatch on open', async () => {
    const uri = ws.uriOf('draft.md');
    await client.open(uri, `# Draft\n\n${FIGURE}\n\n${UNCITED}\n`);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(published.version).toBe(1);
    expect(codes(published.diagnostics)).toEqual(expect.arrayContaining(['figure-mismatch', 'uncited-claim']));
    const figure = published.diagnostics.find((d) => d.code === 'figure-mismatch')!;
    expect(figure.source).toBe('Claim Check');
    expect(figure.severity).toBe(1);
    expect(figure.message).toContain('4,600');
    expect(figure.range).toEqual({ start: { line: 2, character: 49 }, end: { line: 2, character: 54 } });
    expect(figure.codeDescription).toBeUndefined();
    // The fixes travel with the diagnostic, stamped with the version they belong to.
    expect(figure.data).toMatchObject({ version: 1, fixes: [expect.objectContaining({ title: expect.stringContaining('4,600') })] });
    const uncited = published.diagnostics.find((d) => d.code === 'uncited-claim')!;
    expect(uncited.severity).toBe(2);
    expect(uncited.range.start).toEqual({ line: 4, character: 0 });
  });

  it('counts columns in UTF-16 code units after an emoji and CRLF line ends', async () => {
    const uri = ws.uriOf('emoji.md');
    const figureLine = `Hello 😀 world. ${FIGURE}`;
    const claimLine = `Wow 🇬🇹 indeed. ${UNCITED}`;
    const text = ['# Émoji 😀 draft', '', figureLine, '', claimLine, ''].join('\r\n');
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length >= 2);
    const figure = published.diagnostics.find((d) => d.code === 'figure-mismatch')!;
    // "Hello 😀 world. " is 16 UTF-16 units (the emoji is two); "5,000" starts 49 units into the sentence.
    expect(figureLine.indexOf('5,000')).toBe(65);
    expect(figure.range).toEqual({ start: { line: 2, character: 65 }, end: { line: 2, character: 70 } });
    const uncited = published.diagnostics.find((d) => d.code === 'uncited-claim')!;
    // "Wow 🇬🇹 indeed. " is 17 units (the flag is two surrogate pairs, four units); the claim runs to the end of the line.
    expect(claimLine.indexOf('ICE')).toBe(17);
    expect(uncited.range).toEqual({ start: { line: 4, character: 17 }, end: { line: 4, character: 17 + UNCITED.length } });
  });

  it('updates diagnostics after incremental changes', async () => {
    const uri = ws.uriOf('incremental.md');
    const text = `# Draft\n\n${FIGURE}\n`;
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('figure-mismatch'));
    // Replace "5,000" by "4,600": the mismatch goes away.
    await client.change(uri, 2, [{ range: { start: { line: 2, character: 49 }, end: { line: 2, character: 54 } }, text: '4,600' }]);
    const fixed = await client.waitForDiagnostics(uri, (p) => p.version === 2, 'diagnostics of version 2');
    expect(codes(fixed.diagnostics)).not.toContain('figure-mismatch');
    // Two quick edits in a row: only the last version needs to be reported, and it is.
    await client.change(uri, 3, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: `\n${UNCITED}\n` }]);
    await client.change(uri, 4, [{ range: { start: { line: 2, character: 49 }, end: { line: 2, character: 54 } }, text: '9,999' }]);
    const latest = await client.waitForDiagnostics(uri, (p) => p.version === 4, 'diagnostics of version 4');
    expect(codes(latest.diagnostics)).toEqual(expect.arrayContaining(['figure-mismatch', 'uncited-claim']));
    const uncited = latest.diagnostics.find((d) => d.code === 'uncited-claim')!;
    expect(uncited.range.start).toEqual({ line: 4, character: 0 });
  });

  it('clears diagnostics on close', async () => {
    const uri = ws.uriOf('draft.md');
    await client.close(uri);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 'cleared diagnostics');
  });

  it('survives a pathological document and keeps answering', async () => {
    const uri = ws.uriOf('weird.md');
    const text = '\u0000[^'.repeat(50) + '\n' + '>'.repeat(500) + ' [@' + '\n```\n' + '*'.repeat(2000) + '\ud800';
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 99, character: 99 } });
    expect(hover).toBeNull();
  });

  it('checks every draft of the workspace on request, closed ones included', async () => {
    ws.file('docs/closed.md', `# Closed\n\n${FIGURE}\n`);
    ws.file('node_modules/pkg/readme.md', `${UNCITED}\n`);
    const result = await client.request<{ files: number; findings: number; byCode: Record<string, number> }>('claimcheck/checkWorkspace', {});
    expect(result.files).toBe(1);
    expect(result.byCode['figure-mismatch']).toBe(1);
    const uri = ws.uriOf('docs/closed.md');
    const published = await client.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('figure-mismatch'));
    // Not a document version: its fixes are refused until the draft is opened and checked.
    expect(published.diagnostics[0].data).toMatchObject({ version: -1 });
    expect(client.published.get(ws.uriOf('node_modules/pkg/readme.md'))).toBeUndefined();

    // Opened, the draft is checked as a document; closed again, it goes back to what its file says.
    await client.open(uri, `# Closed\n\n${FIGURE.replace('5,000', '4,600')}\n`);
    await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length === 0, 'the open draft checked');
    await client.close(uri);
    await client.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('figure-mismatch'), 'the file on disk checked again');
  });

  it('checks the drafts the command line checks: every Markdown extension, in any case', async () => {
    ws.file('notes/draft.MDOWN', `${FIGURE}\n`);
    ws.file('notes/other.mkd', `${FIGURE}\n`);
    ws.file('notes/plain.txt', `${FIGURE}\n`);
    const result = await client.request<{ files: number; byCode: Record<string, number> }>('claimcheck/checkWorkspace', {});
    expect(result.files).toBe(3);
    expect(result.byCode['figure-mismatch']).toBe(3);
    await client.waitForDiagnostics(ws.uriOf('notes/draft.MDOWN'), (p) => codes(p.diagnostics).includes('figure-mismatch'));
  });

  it('exits 0 after shutdown and exit', async () => {
    const code = await client.shutdown();
    expect(code).toBe(0);
    await waitFor(() => client.process.exitCode !== null, 'process exit');
  });
});
