/**
 * The writer's source documents over the real LSP connection: a PDF in .claimcheck/library/
 * (written by pdfkit), read in the background; quotes checked against it (misquote with the
 * document's wording as the fix, quote-not-in-source, figure-not-in-source), the hover on a
 * quote the document holds (its passage and page), "Add the page" for a Pandoc citation and
 * a footnote, the passage for "Open the source", the library status, and an unreadable
 * document reported on itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TestClient, applyEdits, codes, messageOf, waitFor, type Workspace, startServer, stopServer } from './harness';
import { hasFont, makePdf } from '../helpers/documents';

const cache = mkdtempSync(join(tmpdir(), 'claimcheck-lsp-cache-'));
process.env.CLAIMCHECK_CACHE_DIR = cache;

const PAGES = [
  ['Border Security: CBP Training of Guatemalan Police'],
  ['Since 2015, the Transnational Criminal Investigative Unit has led to the identiﬁ-', 'cation of 36 illicit organizations, according to agency officials.'],
  ['CBP trained 4,600 Guatemalan police in 2017.'],
];

const DRAFT = [
  'The unit "has led to the identification of 36 illicit organizations" [@gao-18-618].',
  '',
  'The unit "has led to the identification of 38 illicit organizations" [@gao-18-618].',
  '',
  'GAO found that the unit "was never evaluated by anyone at all" [@gao-18-618].',
  '',
  'Officials say the unit "has led to the identification of 36 illicit organizations".[^1]',
  '',
  '[^1]: GAO, Border Security, GAO-18-618.',
  '',
].join('\n');

let client: TestClient;
let ws: Workspace;
const statuses: Array<{ documents: number; pages: number; failures: number; text: string }> = [];
const uri = () => ws.uriOf('draft.md');

/** The edits of a code action to the draft, whether the server sent `changes` or `documentChanges`. */
function editsOf(action: CodeAction) {
  const edit = action.edit!;
  if (edit.changes) return edit.changes[uri()];
  const docEdit = (edit.documentChanges ?? []).find((d): d is TextDocumentEdit => 'textDocument' in d && d.textDocument.uri === uri());
  return docEdit!.edits;
}

describe.skipIf(!hasFont && !process.env.CI)('source documents over LSP', () => {
  beforeAll(async () => {
    ({ client, ws } = await startServer({
      files: {
        '.claimcheck/sources.json': JSON.stringify([{ id: 'gao-18-618', type: 'report', title: 'Border Security: CBP Training of Guatemalan Police', number: 'GAO-18-618' }]),
        '.claimcheck/claims.json': JSON.stringify([
          { id: 'mine/tciu-36', program: 'tciu', source: 'gao-18-618', fact: 'The TCIU led to the identification of 36 illicit organizations.', quote: 'has led to the identification of 36 illicit organizations', quoteVerified: false },
        ]),
        '.claimcheck/library/gao-18-618.pdf': await makePdf({ pages: PAGES }),
        '.claimcheck/library/scan.pdf': await makePdf({ pages: [[]], noText: true }),
      },
    }));
    client.connection.onNotification('claimcheck/libraryStatus', (s: (typeof statuses)[number]) => {
      statuses.push(s);
    });
    await waitFor(() => client.logs.some((l) => /source documents ready .*1 document/.test(l)), 'the source documents read', 30_000);
    await client.open(uri(), DRAFT);
  }, 60_000);

  afterAll(() => {
    stopServer({ client, ws });
    rmSync(cache, { recursive: true, force: true });
  });

  const diagnostics = () => client.waitForDiagnostics(uri(), (p) => codes(p.diagnostics).includes('quote-not-in-source'), 'diagnostics against the document');

  it('reports the changed word as a misquote with the document’s wording as the fix, and words the document does not hold', async () => {
    const { diagnostics: list } = await diagnostics();
    const on = (line: number) => list.filter((d) => d.range.start.line === line).map((d) => String(d.code));
    expect(on(0)).not.toContain('misquote');
    expect(on(0)).not.toContain('quote-not-in-source');
    const mis = list.find((d) => d.range.start.line === 2 && d.code === 'misquote')!;
    expect(messageOf(mis)).toContain('p. 2');
    expect(on(4)).toContain('quote-not-in-source');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri() }, range: mis.range, context: { diagnostics: [mis] } });
    const restore = actions.find((a) => a.title === 'Restore the document’s wording')!;
    const after = applyEdits(DRAFT, editsOf(restore));
    expect(after.split('\n')[2]).toBe('The unit "has led to the identification of 36 illicit organizations" [@gao-18-618].');
  });

  it('shows the document’s passage and page on hover over a quote it holds', async () => {
    await diagnostics();
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 0, character: 20 } });
    const value = (hover!.contents as MarkupContent).value;
    // Markdown-escaped: "p\. 2".
    expect(value).toMatch(/p\\?\. 2:/);
    expect(value).toContain('Transnational Criminal Investigative Unit has led to the identification of 36 illicit organizations');
    expect(hover!.range!.start).toEqual({ line: 0, character: 10 });
  });

  it('says on a source’s card that a recorded quote was checked against the document', async () => {
    await diagnostics();
    const other = ws.uriOf('other.md');
    await client.open(other, 'The TCIU works in Guatemala [@gao-18-618].\n');
    await client.waitForDiagnostics(other);
    // On the citation: the records' claims from GAO-18-618, the TCIU quote among them.
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 32 } });
    expect((hover!.contents as MarkupContent).value).toMatch(/Quote checked against the source document in your library \(p\\?\. 2\)/);
    await client.close(other);
  });


  it('adds the page to a Pandoc citation and to a footnote', async () => {
    await diagnostics();
    const ask = async (line: number) =>
      (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri() }, range: { start: { line, character: 30 }, end: { line, character: 30 } }, context: { diagnostics: [] as Diagnostic[] } })).find((a) => a.title === 'Add the page: p. 2');
    const pandoc = await ask(0);
    expect(applyEdits(DRAFT, editsOf(pandoc!)).split('\n')[0]).toBe('The unit "has led to the identification of 36 illicit organizations" [@gao-18-618, p. 2].');
    const footnote = await ask(6);
    expect(applyEdits(DRAFT, editsOf(footnote!)).split('\n')[8]).toBe('[^1]: GAO, Border Security, GAO-18-618, p. 2.');
    // Not on a quote the document does not hold.
    expect(await ask(4)).toBeUndefined();
  });

  it('gives the passage for "Open the source at this passage"', async () => {
    await diagnostics();
    const passage = await client.request<{ path: string; format: string; page: number } | null>('claimcheck/sourcePassage', { textDocument: { uri: uri() }, position: { line: 0, character: 20 } });
    expect(passage).toMatchObject({ format: 'pdf', page: 2 });
    expect(passage!.path.endsWith('gao-18-618.pdf')).toBe(true);
    expect(await client.request('claimcheck/sourcePassage', { textDocument: { uri: uri() }, position: { line: 8, character: 3 } })).toBeNull();
  });

  it('reports the library’s status, and a document without text on the document itself', async () => {
    await waitFor(() => statuses.some((s) => s.documents === 1 && s.failures === 1), 'the library status');
    expect(statuses.at(-1)!.text).toMatch(/Source documents: 1 \(3 pages\); 1 could not be read/);
    const scan = await client.waitForDiagnostics(ws.uriOf('.claimcheck/library/scan.pdf'), (p) => p.diagnostics.length > 0);
    expect(messageOf(scan.diagnostics[0])).toContain('no text layer');
  });

  it('rebuilds the index on request, reading every document again', async () => {
    const status = await client.request<{ documents: number; failures: number }>('claimcheck/rebuildLibrary', {});
    expect(status).toMatchObject({ documents: 1, failures: 1 });
  });
});
