/** Hover, code actions, completion, definition and document links over a real stdio connection. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionList, Diagnostic, DocumentLink, Hover, Location, MarkupContent, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { DATA, TestClient, applyEdits, codes, type Workspace, startServer, stopServer } from './harness';

const UNCITED = 'ICE agents created and accompany a Guatemalan Transnational Criminal Investigative Unit (TCIU) in Guatemala.';
const BITMAP = 'Partner nation authorities collect biometrics through the Biometric Identification Transnational Migration Alert Program (BITMAP).';
const BITMAP_QUOTE = 'Partner nation authorities in Central America, including immigration services';

/** A user's record files written by someone hostile: markup, HTML and command links in every string. */
const HOSTILE_PROGRAMS = [
  {
    id: 'zorblax-unit',
    kind: 'program',
    name: 'Zorblax <script>alert(1)</script> Unit',
    aliases: ['Zorblax Unit'],
    agency: ['ice'],
    description: 'Click [x](command:foo) or ![img](https://evil.example/i.png) <img src=x onerror=alert(1)> **bold**',
  },
];
const HOSTILE_SOURCES = [
  {
    id: 'zorblax-report',
    type: 'report',
    title: '[click me](command:workbench.action.terminal.new) <b>report</b>',
    URL: 'https://example.org/report)<script>',
    issued: { 'date-parts': [[2020, 2, 3]] },
    note: 'A note with [a link](command:bar) and `code`.',
  },
];
const HOSTILE_CLAIMS = [
  {
    id: 'zorblax-report/trains',
    program: 'zorblax-unit',
    source: 'zorblax-report',
    fact: 'The unit trains <script>steal()</script> officers.',
    quote: '[x](command:foo) "quoted" words',
    quoteVerified: false,
  },
];

let client: TestClient;
let ws: Workspace;

beforeAll(async () => {
  const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
  ({ client, ws } = await startServer({
    files: { '.claimcheck/programs.json': json(HOSTILE_PROGRAMS), '.claimcheck/sources.json': json(HOSTILE_SOURCES), '.claimcheck/claims.json': json(HOSTILE_CLAIMS) },
  }));
});

afterAll(() => stopServer({ client, ws }));

const hover = (uri: string, line: number, character: number) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
const unescape = (markdown: string) => markdown.replace(/\\(.)/g, '$1');

async function openAndWait(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = ws.uriOf(name);
  await client.open(uri, text);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  return { uri, diagnostics: published.diagnostics };
}

function editsOf(action: CodeAction, uri: string) {
  const change = action.edit?.documentChanges?.find((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri);
  return change?.edits ?? [];
}

describe('hover', () => {
  it('shows the program card with its sources and an escaped quote', async () => {
    const text = `# Draft\n\n${BITMAP}\n`;
    const { uri } = await openAndWait('hover.md', text);
    const result = await hover(uri, 2, text.split('\n')[2].indexOf('BITMAP') + 1);
    expect(result).not.toBeNull();
    const contents = result!.contents as MarkupContent;
    expect(contents.kind).toBe('markdown');
    const plain = unescape(contents.value);
    expect(plain).toContain('Biometric Identification Transnational Migration Alert Program');
    expect(plain).toContain('U.S. Immigration and Customs Enforcement');
    expect(plain).toMatch(/Status: active/);
    expect(plain).toContain(BITMAP_QUOTE);
    expect(contents.value).toMatch(/^> Partner nation authorities/m);
    expect(plain).toContain('Quote not yet checked against the source');
    expect(contents.value.length).toBeLessThanOrEqual(6500);
    expect(result!.range?.start.line).toBe(2);
  });

  it('says which program a description was read as, and checks its claim like a named one', async () => {
    const text = '# Draft\n\nOperation Martillo began in 2012. The operation seized 40 boats in its first year.\n';
    const { uri, diagnostics } = await openAndWait('hover-described.md', text);
    const line = text.split('\n')[2];
    const result = await hover(uri, 2, line.indexOf('The operation') + 5);
    expect(result).not.toBeNull();
    const plain = unescape((result!.contents as MarkupContent).value);
    expect(plain).toContain('Operation Martillo');
    expect(plain).toMatch(/“The operation” is read as Operation Martillo/);
    expect(diagnostics.filter((d) => d.code === 'uncited-claim' && d.range.start.character >= line.indexOf('The operation')).length).toBe(1);
  });

  it('says which program a sentence that names none was read as about', async () => {
    const text = '# Draft\n\nOperation Martillo began in 2012. Boats carried 40 tons of cocaine in 2013.\n';
    const { uri } = await openAndWait('hover-carried.md', text);
    const line = text.split('\n')[2];
    const result = await hover(uri, 2, line.indexOf('Boats') + 2);
    expect(result).not.toBeNull();
    const plain = unescape((result!.contents as MarkupContent).value);
    expect(plain).toMatch(/This sentence names no program: it is read as about Operation Martillo/);
    // On the name itself, the name's card.
    const named = unescape(((await hover(uri, 2, 3))!.contents as MarkupContent).value);
    expect(named).not.toMatch(/names no program/);
  });

  it('shows the source of a citation', async () => {
    const text = '# Draft\n\nCBP trained 4,600 Guatemalan police in 2017 [@gao-18-618].\n';
    const { uri } = await openAndWait('hover-citation.md', text);
    const result = await hover(uri, 2, text.split('\n')[2].indexOf('@gao') + 3);
    const plain = unescape((result!.contents as MarkupContent).value);
    expect(plain).toContain('Central American Police Training');
    expect(plain).toContain('5 September 2018');
    expect((result!.contents as MarkupContent).value).toContain('](<https://www.gao.gov/products/GAO-18-618>)');
    // GAO-18-618 was identified, but its wording was never compared: the card says so.
    expect(plain).toContain('Document identified, wording not checked.');
    expect(plain).not.toMatch(/Wording checked/);
  });

  it('says what was checked of each source, shows the records’ notes, and dates a status by its own sources', async () => {
    const text = '# Draft\n\nThe Inter-Agency Task Forces lost U.S. support [@gonzalez-2019-04-16-letter-to-trump] [@fbi-2017-testimony-tag].\n';
    const { uri } = await openAndWait('hover-checked.md', text);
    const line = text.split('\n')[2];
    const at = async (needle: string) => unescape(((await hover(uri, 2, line.indexOf(needle) + 3))!.contents as MarkupContent).value);
    const letter = await at('@gonzalez');
    // Read only in a reproduction: the card names the copy, not the document.
    expect(letter).toContain('Wording checked against a faithful copy (orinocotribune.com).');
    expect(letter).toContain('Note: ');
    expect(letter).toContain('No primary copy of the letter was found');
    const placeholder = await at('@fbi-2017');
    expect(placeholder).toContain('Source not yet identified');
    expect(placeholder).not.toContain('Quote checked against the source');
    expect(placeholder).toContain('Quote not yet checked against the source');
    const card = await at('Task Forces');
    expect(card).toMatch(/Status: suspended/);
    expect(card).toContain('- Started 2013-12, per');
    expect(card).toMatch(/- Suspended 2019-03, per US suspends some military aid to Guatemala over vehicle use: U\.S\. Defense Department transfers/);
    expect(card).not.toMatch(/suspended since 2013/i);
  });

  it('escapes hostile record content: no HTML, no command links, only http(s) link targets', async () => {
    const text = '# Draft\n\nThe Zorblax Unit trains officers in Guatemala.\n';
    const { uri } = await openAndWait('hostile.md', text);
    const result = await hover(uri, 2, 7);
    expect(result).not.toBeNull();
    const value = (result!.contents as MarkupContent).value;
    expect(value).not.toMatch(/(?<!\\)<(script|img|b)/i);
    expect(value).toContain('\\<script\\>');
    expect(value).not.toContain('command:');
    expect(value).not.toMatch(/(?<!\\)!\[/);
    const targets = [...value.matchAll(/\]\(<?([^)>\s]*)/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(t).toMatch(/^https?:\/\//);
    // The URL's ")" and "<" are percent-encoded, so it cannot close the link early.
    expect(value).toContain('(<https://example.org/report%29%3Cscript%3E>)');
    const plain = unescape(value);
    expect(plain).toContain('Zorblax <script>alert(1)</script> Unit');
    expect(plain).toContain('Quote not yet checked against the source');
    expect(plain).toContain('.claimcheck/claims.json, line 2');
  });

  it('gives an untitled draft the workspace folder’s records', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, 'The Zorblax Unit trains officers in Guatemala.');
    await client.waitForDiagnostics(uri);
    const result = await hover(uri, 0, 6);
    expect(unescape((result!.contents as MarkupContent).value)).toContain('Zorblax <script>');
  });
});

describe('code actions', () => {
  it('applies the preferred fix of an uncited claim: a footnote reference and its definition', async () => {
    const text = `# Draft\n\n${UNCITED}\n`;
    const { uri, diagnostics } = await openAndWait('fix.md', text);
    const diagnostic = diagnostics.find((d) => d.code === 'uncited-claim')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    expect(actions.length).toBeGreaterThan(0);
    const preferred = actions.find((a) => a.isPreferred) ?? actions[0];
    expect(preferred.kind).toBe('quickfix');
    expect(preferred.diagnostics?.[0].code).toBe('uncited-claim');
    const docChange = preferred.edit!.documentChanges![0] as TextDocumentEdit;
    expect(docChange.textDocument).toEqual({ uri, version: 1 });
    const fixed = applyEdits(text, docChange.edits);
    const label = /Guatemala\.\[\^([^\]]+)\]/.exec(fixed)?.[1];
    expect(label).toBeTruthy();
    expect(fixed).toContain(`\n[^${label}]: `);
    // The fixed text no longer has the finding.
    await client.change(uri, 2, [{ text: fixed }]);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    expect(codes(after.diagnostics)).not.toContain('uncited-claim');
  });

  it('offers nothing for a diagnostic of an older version', async () => {
    const text = `# Draft\n\n${UNCITED}\n`;
    const { uri, diagnostics } = await openAndWait('stale.md', text);
    const diagnostic = diagnostics.find((d) => d.code === 'uncited-claim')!;
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Intro.\n\n' }]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    expect(actions).toEqual([]);
  });

  it('cites every uncited claim with the source action', async () => {
    const text = `# Draft\n\n${UNCITED}\n\nOperation Citadel dismantled several transnational criminal organizations.\n\nBITMAP collects biometric data in Central America.\n`;
    const { uri, diagnostics } = await openAndWait('cite-all.md', text);
    expect(codes(diagnostics).filter((c) => c === 'uncited-claim')).toHaveLength(3);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] } });
    const citeAll = actions.find((a) => a.title === 'Cite every uncited claim in this document')!;
    expect(citeAll.kind).toBe('source.claimcheck.citeAll');
    const fixed = applyEdits(text, editsOf(citeAll, uri));
    expect(fixed.match(/\[\^[^\]]+\](?!:)/g)).toHaveLength(3);
    expect(fixed).toMatch(/^\[\^[^\]]+\]: /m);
    await client.change(uri, 2, [{ text: fixed }]);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    expect(codes(after.diagnostics)).not.toContain('uncited-claim');
  });

  it('adds a record for an unknown program to the existing .claimcheck/programs.json', async () => {
    const { uri, diagnostics } = await openAndWait('unknown.md', '# Draft\n\nOperation Firewall Nine was announced.\n');
    const diagnostic = diagnostics.find((d) => d.code === 'unknown-program')!;
    expect(diagnostic).toBeTruthy();
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const add = actions.find((a) => a.title === 'Add a record for “Operation Firewall Nine”')!;
    expect(add).toBeTruthy();
    const fileUri = ws.uriOf('.claimcheck/programs.json');
    const original = readFileSync(join(ws.dir, '.claimcheck/programs.json'), 'utf8');
    const updated = JSON.parse(applyEdits(original, editsOf(add, fileUri)));
    expect(updated).toHaveLength(2);
    expect(updated[0].id).toBe('zorblax-unit');
    expect(updated[1]).toEqual({ id: 'operation-firewall-nine', kind: 'program', name: 'Operation Firewall Nine', aliases: ['Operation Firewall Nine'], agency: [] });
  });
});

describe('completion', () => {
  it('completes source ids after [@', async () => {
    const text = '# Draft\n\nICE trained police [@gao';
    const uri = ws.uriOf('complete.md');
    await client.open(uri, text);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 24 } });
    const item = list.items.find((i) => i.label === 'gao-18-618')!;
    expect(item).toBeTruthy();
    expect(item.detail).toContain('Central American Police Training');
    expect(item.detail).toContain('5 September 2018');
    expect(item.textEdit).toEqual({ range: { start: { line: 2, character: 21 }, end: { line: 2, character: 24 } }, newText: 'gao-18-618' });
    expect((item.documentation as MarkupContent).kind).toBe('markdown');
    // The hostile user source is offered too, its note escaped.
    const hostile = list.items.find((i) => i.label === 'zorblax-report')!;
    expect((hostile.documentation as MarkupContent).value).not.toContain('command:');
  });

  it('completes footnote labels after [^', async () => {
    const text = '# Draft\n\nICE trained police.[^\n\n[^gao]: GAO, <https://www.gao.gov/products/GAO-18-618>.\n';
    const uri = ws.uriOf('complete-footnote.md');
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 21 } });
    const item = list.items.find((i) => i.label === 'gao')!;
    expect(item).toBeTruthy();
    expect(item.detail).toContain('Central American Police Training');
  });

  it('offers nothing after an @ in an e-mail address', async () => {
    const uri = ws.uriOf('email.md');
    await client.open(uri, 'Write to someone@gao');
    const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 20 } });
    expect(list).toBeNull();
  });
});

describe('definition and links', () => {
  it('goes from [@gao-18-618] to its entry in the compiled dist/records/sources.json', async () => {
    const text = '# Draft\n\nCBP trained 4,600 Guatemalan police in 2017 [@gao-18-618].\n';
    const { uri } = await openAndWait('definition.md', text);
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: 2, character: text.split('\n')[2].indexOf('gao-18') + 2 } });
    expect(locations).toHaveLength(1);
    expect(decodeURIComponent(locations[0].uri)).toMatch(/\/dist\/records\/sources\.json$/);
    const lines = readFileSync(join(DATA, 'sources.json'), 'utf8').split('\n');
    const entry = lines.slice(locations[0].range.start.line, locations[0].range.start.line + 3).join('\n');
    expect(entry).toContain('"gao-18-618"');
  });

  it('shows and goes to the source of a reference link whose definition stands at the end', async () => {
    const text = '# Draft\n\nCBP trained 4,600 Guatemalan police in 2017, as [the GAO found][gao].\n\nMore text.\n\n[gao]: https://www.gao.gov/products/GAO-18-618\n';
    const { uri, diagnostics } = await openAndWait('reference-link.md', text);
    // Cited: neither uncited nor resting on its attribution alone.
    expect(codes(diagnostics)).toEqual([]);
    const at = { line: 2, character: text.split('\n')[2].indexOf('GAO found') + 2 };
    const result = await hover(uri, at.line, at.character);
    expect(unescape((result!.contents as MarkupContent).value)).toContain('Central American Police Training');
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at });
    expect(locations.map((l) => decodeURIComponent(l.uri))).toEqual([expect.stringMatching(/\/dist\/records\/sources\.json$/)]);
  });

  it('goes from a footnote reference to its definition', async () => {
    const text = '# Draft\n\nICE trained police.[^1]\n\n[^1]: GAO, <https://www.gao.gov/products/GAO-18-618>.\n';
    const { uri } = await openAndWait('footnote-definition.md', text);
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: 2, character: 21 } });
    expect(locations).toEqual([{ uri, range: expect.objectContaining({ start: { line: 4, character: 0 } }) }]);
  });

  it('links a known source URL to its record', async () => {
    const text = '# Draft\n\nCBP trained 4,600 Guatemalan police in 2017 ([GAO](https://www.gao.gov/products/GAO-18-618)).\n';
    const { uri } = await openAndWait('links.md', text);
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    expect(links).toHaveLength(1);
    const line = text.split('\n')[2];
    expect(links[0].range).toEqual({ start: { line: 2, character: line.indexOf('https') }, end: { line: 2, character: line.indexOf('618)') + 3 } });
    expect(links[0].target).toMatch(/\/dist\/records\/sources\.json#L\d+$/);
  });
});
