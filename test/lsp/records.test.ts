/** Users' record files and settings: problems reported in the record file, reload on change, configuration through workspace/configuration. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CreateFile, Hover, MarkupContent, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TestClient, applyEdits, codes, messageOf, waitFor, type Workspace, startServer, stopServer } from './harness';

const UNCITED = 'ICE agents created and accompany a Guatemalan Transnational Criminal Investigative Unit (TCIU) in Guatemala.';

const CLAIMS_WITH_PROBLEMS = `[
  {
    "id": "mine/good",
    "program": "tciu",
    "source": "gao-18-618",
    "fact": "Zebra-striped claim from my own file."
  },
  {
    "id": "mine/dangling",
    "program": "no-such-program",
    "source": "gao-18-618",
    "fact": "A claim about a program nobody defined."
  },
  {
    "id": "mine/wrong-type",
    "program": "tciu",
    "source": "gao-18-618",
    "fact": 42
  }
]
`;
const SOURCES_BROKEN_JSON = '[\n  { "id": "mine-source", "type": "report", "title": "Mine" }\n  { "id": "oops" \n]\n';

let client: TestClient;
let ws: Workspace;

beforeAll(async () => {
  ({ client, ws } = await startServer({ files: { '.claimcheck/claims.json': CLAIMS_WITH_PROBLEMS, '.claimcheck/sources.json': SOURCES_BROKEN_JSON } }));
});

afterAll(() => stopServer({ client, ws }));

describe('record files', () => {
  it('reports problems in the record file itself, at their line, with the field', async () => {
    const claimsUri = ws.uriOf('.claimcheck/claims.json');
    const published = await client.waitForDiagnostics(claimsUri, (p) => p.diagnostics.length >= 2);
    const dangling = published.diagnostics.find((d) => messageOf(d).includes('no-such-program'))!;
    expect(dangling).toBeTruthy();
    expect(dangling.range.start.line).toBe(9);
    expect(dangling.range.start.character).toBeGreaterThan(0);
    expect(messageOf(dangling)).toContain('/1/program');
    expect(dangling.source).toBe('Claim Check');
    const wrongType = published.diagnostics.find((d) => messageOf(d).includes('/2/fact'))!;
    expect(wrongType.range.start.line).toBe(17);
    expect(wrongType.severity).toBe(1);

    const sourcesUri = ws.uriOf('.claimcheck/sources.json');
    const broken = await client.waitForDiagnostics(sourcesUri, (p) => p.diagnostics.length > 0);
    expect(broken.diagnostics.some((d) => /JSON/.test(messageOf(d)) && d.range.start.line === 2)).toBe(true);
  });

  it('keeps serving the valid records, bundled and the user’s own', async () => {
    const uri = ws.uriOf('draft.md');
    const text = `# Draft\n\n${UNCITED}\n`;
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    expect(codes(published.diagnostics)).toContain('uncited-claim');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: text.split('\n')[2].indexOf('TCIU') + 1 } });
    const plain = (hover.contents as MarkupContent).value.replace(/\\(.)/g, '$1');
    expect(plain).toContain('Zebra-striped claim from my own file.');
    expect(plain).toContain('.claimcheck/claims.json, line 2');
  });

  it('reloads when a watched record file changes, and clears fixed problems', async () => {
    const claimsUri = ws.uriOf('.claimcheck/claims.json');
    const loads = client.logs.filter((l) => l.includes('records loaded')).length;
    ws.file('.claimcheck/claims.json', JSON.stringify([JSON.parse(CLAIMS_WITH_PROBLEMS)[0]], null, 2));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: claimsUri, type: 2 }] });
    await client.recordsLoaded(loads + 1);
    await client.waitForDiagnostics(claimsUri, (p) => p.diagnostics.length === 0, 'cleared record diagnostics');
    // The other file's problems stand until it is fixed.
    expect(client.latest(ws.uriOf('.claimcheck/sources.json'))?.diagnostics.length).toBeGreaterThan(0);
  });

  it('creates .claimcheck/programs.json for "Add a record" when there is none', async () => {
    expect(existsSync(join(ws.dir, '.claimcheck/programs.json'))).toBe(false);
    const uri = ws.uriOf('unknown.md');
    await client.open(uri, '# Draft\n\nOperation Firewall Nine was announced.\n');
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const diagnostic = published.diagnostics.find((d) => d.code === 'unknown-program')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const add = actions.find((a) => a.title.startsWith('Add a record for'))!;
    const [create, edit] = add.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    const fileUri = ws.uriOf('.claimcheck/programs.json');
    expect(create).toEqual({ kind: 'create', uri: fileUri, options: { ignoreIfExists: true } });
    expect(edit.textDocument.uri).toBe(fileUri);
    expect(JSON.parse(applyEdits('', edit.edits))).toEqual([{ id: 'operation-firewall-nine', kind: 'program', name: 'Operation Firewall Nine', aliases: ['Operation Firewall Nine'], agency: [] }]);
  });
});

describe('settings', () => {
  it('reads claimcheck settings per resource and switches the citation style on a configuration change', async () => {
    expect(client.configurationRequests.some((r) => r.items.some((i) => i.section === 'claimcheck'))).toBe(true);
    const uri = ws.uriOf('style.md');
    await client.open(uri, `# Draft\n\n${UNCITED}\n`);
    const before = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const first = before.diagnostics.find((d) => d.code === 'uncited-claim')!;
    const offered = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [first], only: ['quickfix'] } });
    expect(((offered[0].edit!.documentChanges![0] as TextDocumentEdit).edits[0] as { newText: string }).newText).toMatch(/^\[\^/);

    const published = client.published.get(uri)!.length;
    const asked = client.configurationRequests.length;
    client.settings = { citationStyle: 'pandoc', severity: { 'unknown-program': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await waitFor(() => client.configurationRequests.length > asked || false, 'a workspace/configuration request');
    const after = await client.waitForDiagnostics(uri, () => client.published.get(uri)!.length > published, 'diagnostics after the configuration change');
    const diagnostic = after.diagnostics.find((d) => d.code === 'uncited-claim')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    const edits = (actions[0].edit!.documentChanges![0] as TextDocumentEdit).edits;
    expect(applyEdits('', edits).trim().length > 0 && edits.map((e) => ('newText' in e ? e.newText : '')).join('')).toMatch(/^ \[@[^\]]+\]$/);

    // The severity setting turned unknown-program off.
    const unknownUri = ws.uriOf('unknown.md');
    await client.waitForDiagnostics(unknownUri, (p) => !codes(p.diagnostics).includes('unknown-program'), 'unknown-program turned off');
  });

  it('speaks Spanish when claimcheck.locale is es', async () => {
    const uri = ws.uriOf('style.md');
    client.settings = { locale: 'es' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const spanish = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => messageOf(d).startsWith('Ninguna fuente citada')), 'a Spanish message');
    expect(codes(spanish.diagnostics)).toContain('uncited-claim');
  });

  it('exits 0 after shutdown and exit', async () => {
    expect(await client.shutdown()).toBe(0);
  });
});
