/** The editor's language: `initialize`'s locale picks Spanish or English unless `claimcheck.locale` says otherwise. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient, capabilities, codes, messageOf, waitFor, type Workspace, startServer, stopServer } from './harness';

// BITMAP's card holds a quote not yet checked against its source: the card's quote status is tested too.
const UNCITED = 'Partner nation authorities collect biometrics through the Biometric Identification Transnational Migration Alert Program (BITMAP).';
const CITED = 'CBP trained 4,600 Guatemalan police in 2017 [@gao-18-618].';
const DRAFT = `# Borrador\n\n${UNCITED}\n\n${CITED}\n`;

const unescape = (markdown: string) => markdown.replace(/\\(.)/g, '$1');

describe('locale from initialize', () => {
  let client: TestClient;
  let ws: Workspace;
  const uri = () => ws.uriOf('borrador.md');
  const hover = async (line: number, character: number) => {
    const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri() }, position: { line, character } });
    return unescape((result!.contents as MarkupContent).value);
  };

  beforeAll(async () => {
    ({ client, ws } = await startServer({ locale: 'es' }));
  });

  afterAll(() => stopServer({ client, ws }));

  it('speaks Spanish in diagnostics and fix titles when the editor does (claimcheck.locale: auto)', async () => {
    await client.open(uri(), DRAFT);
    const published = await client.waitForDiagnostics(uri(), (p) => p.version === 1);
    const uncited = published.diagnostics.find((d) => d.code === 'uncited-claim')!;
    expect(messageOf(uncited)).toMatch(/^Ninguna fuente citada para esta afirmación/);
    expect(codes(published.diagnostics)).toEqual(['uncited-claim']);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri() }, range: uncited.range, context: { diagnostics: [uncited], only: ['quickfix'] } });
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(a.title).toMatch(/^Citar «/);
  });

  it('speaks Spanish in the hover cards: headings, status sentences, quote status and dates', async () => {
    const program = await hover(2, UNCITED.indexOf('BITMAP') + 1);
    expect(program).toContain('Lo que dicen las fuentes');
    expect(program).toMatch(/Estado: activo/);
    expect(program).toContain('Cita aún no comprobada con la fuente');
    expect(program).toContain('Agencia: ');
    expect(program).not.toContain('What the sources say');
    expect(program).not.toContain('Quote not yet checked');

    const source = await hover(4, CITED.indexOf('@gao') + 2);
    expect(source).toContain('5 de septiembre de 2018');
    expect(source).toContain('Documento identificado, redacción sin comprobar');
    expect(source).not.toContain('September');
  });

  it('follows claimcheck.locale: "en" over the editor’s Spanish', async () => {
    const before = client.published.get(uri())!.length;
    client.settings = { locale: 'en' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const english = await client.waitForDiagnostics(uri(), () => client.published.get(uri())!.length > before, 'diagnostics after the locale change');
    expect(messageOf(english.diagnostics.find((d) => d.code === 'uncited-claim')!)).toMatch(/^No source cited for this claim/);
    const program = await hover(2, UNCITED.indexOf('BITMAP') + 1);
    expect(program).toContain('What the sources say');
    expect(program).toContain('Quote not yet checked against the source');
    expect(program).toMatch(/Status: active/);
    const source = await hover(4, CITED.indexOf('@gao') + 2);
    expect(source).toContain('5 September 2018');
  });

  it('goes back to the editor’s language with "auto"', async () => {
    client.settings = { locale: 'auto' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri(), (p) => p.diagnostics.some((d) => messageOf(d).startsWith('Ninguna fuente citada')), 'Spanish again');
    expect(await hover(2, UNCITED.indexOf('BITMAP') + 1)).toContain('Lo que dicen las fuentes');
  });
});

describe('locale of a client that cannot be asked for settings', () => {
  let client: TestClient;
  let ws: Workspace;

  beforeAll(async () => {
    const caps = capabilities();
    caps.workspace!.configuration = false;
    ({ client, ws } = await startServer({ capabilities: caps, locale: 'es-419' }));
  });

  afterAll(() => stopServer({ client, ws }));

  it('reads "es-419" as Spanish, and takes a pushed "en" over it', async () => {
    const uri = ws.uriOf('draft.md');
    await client.open(uri, `# Draft\n\n${UNCITED}\n`);
    const spanish = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    expect(messageOf(spanish.diagnostics.find((d) => d.code === 'uncited-claim')!)).toMatch(/^Ninguna fuente citada/);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { claimcheck: { locale: 'en' } } });
    await waitFor(() => client.latest(uri)?.diagnostics.some((d) => messageOf(d).startsWith('No source cited')) || false, 'English after the pushed setting');
  });
});

describe('record-file problems in the editor’s language', () => {
  let client: TestClient;
  let ws: Workspace;
  const BROKEN = '[\n  { "id": "x", "kind": "program", "name": 42, "aliases": ["XX"], "agency": [] }\n]\n';

  beforeAll(async () => {
    ({ client, ws } = await startServer({ locale: 'es', files: { '.claimcheck/programs.json': BROKEN } }));
  });

  afterAll(() => stopServer({ client, ws }));

  it('says them in Spanish, and in English once claimcheck.locale says so', async () => {
    const uri = ws.uriOf('.claimcheck/programs.json');
    const spanish = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(spanish.diagnostics.map(messageOf)).toEqual(['"name" debe ser un texto. (en /0/name)']);
    expect(spanish.diagnostics[0].range.start.line).toBe(1);
    client.settings = { locale: 'en' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await waitFor(() => client.latest(uri)?.diagnostics.some((d) => messageOf(d) === '"name" must be a string. (at /0/name)') || false, 'English record problems');
  });
});
