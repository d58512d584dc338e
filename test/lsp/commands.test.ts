/** The servers' side of the editor commands: "Export cited sources as CSL-JSON" and "Record a claim from selection". */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateFile, TextDocumentEdit } from 'vscode-languageserver-protocol';
import type { RecordChoices, RecordClaimResult } from '../../server/src/protocol';
import { claimSlug, stripQuotationMarks } from '../../server/src/features/recordClaim';
import { sentenceAround } from '../../client/src/sentence';
import { TestClient, applyEdits, codes, messageOf, waitFor, type Workspace, startServer, stopServer } from './harness';

const CITING = '# Draft\n\nCBP trained 4,600 Guatemalan police in 2017 [@gao-18-618].\n\nICE agents created a TCIU in Guatemala.[^1]\n\n[^1]: GAO, <https://www.gao.gov/products/GAO-18-618>.\n';
const QUOTE = 'The vetted unit shared intelligence on forty-two smuggling networks with partner prosecutors';
const NOTE = `# Notes on GAO-18-618\n\nThe report says the TCIU in Guatemala was productive: “${QUOTE}.” It gives no year.\n`;

let client: TestClient;
let ws: Workspace;

beforeAll(async () => {
  ({ client, ws } = await startServer({ files: { 'closed-draft.md': CITING } }));
});

afterAll(() => stopServer({ client, ws }));

describe('claimcheck/citedSources', () => {
  it('answers the CSL-JSON items an open draft cites, in order of first citation, each once', async () => {
    const uri = ws.uriOf('draft.md');
    await client.open(uri, CITING);
    const sources = await client.request<Array<Record<string, unknown>>>('claimcheck/citedSources', { textDocument: { uri } });
    expect(sources.map((s) => s.id)).toEqual(['gao-18-618']);
    expect(sources[0]).toMatchObject({ type: expect.any(String), title: expect.stringContaining('Central American Police Training'), URL: 'https://www.gao.gov/products/GAO-18-618' });
    expect(sources[0].issued).toEqual({ 'date-parts': [[2018, 9, 5]] });
  });

  it('reads a closed draft from disk, and answers an empty list for a draft that cites nothing', async () => {
    const closed = await client.request<Array<{ id: string }>>('claimcheck/citedSources', { textDocument: { uri: ws.uriOf('closed-draft.md') } });
    expect(closed.map((s) => s.id)).toEqual(['gao-18-618']);
    const uri = ws.uriOf('empty.md');
    await client.open(uri, '# Nothing cited\n\nJust words.\n');
    expect(await client.request('claimcheck/citedSources', { textDocument: { uri } })).toEqual([]);
    expect(await client.request('claimcheck/citedSources', { textDocument: { uri: ws.uriOf('missing.md') } })).toBeNull();
  });
});

describe('record a claim from selection', () => {
  const claimsPath = () => join(ws.dir, '.claimcheck', 'claims.json');

  it('lists programs and sources, those the sentence names or cites first', async () => {
    const uri = ws.uriOf('draft.md');
    const lines = CITING.split('\n');
    const choices = await client.request<RecordChoices>('claimcheck/recordChoices', {
      textDocument: { uri },
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 10 } },
      text: lines[4],
    });
    expect(choices.suggestedPrograms).toContain('tciu');
    expect(choices.programs[0].id).toBe(choices.suggestedPrograms[0]);
    expect(choices.programs.length).toBeGreaterThan(10);
    expect(choices.suggestedSources[0]).toBe('gao-18-618');
    expect(choices.sources[0]).toMatchObject({ id: 'gao-18-618', label: expect.stringContaining('Central American Police Training'), detail: expect.stringContaining('2018') });
    expect(choices.claimsFile).toBe(ws.uriOf('.claimcheck/claims.json'));
  });

  it('creates .claimcheck/claims.json with the claim; after the reload a changed quote of it is a misquote', async () => {
    const noteUri = ws.uriOf('notes.md');
    const selected = `“${QUOTE}.”`;
    const result = await client.request<RecordClaimResult>('claimcheck/recordClaim', {
      textDocument: { uri: noteUri },
      program: 'tciu',
      source: 'gao-18-618',
      fact: '  GAO reports that the TCIU shared intelligence on 42 smuggling networks.\n',
      quote: selected,
    });
    if ('error' in result) throw new Error(result.error);
    expect(result.id).toBe('gao-18-618/gao-reports-that-the-tciu-shared');
    expect(result.uri).toBe(ws.uriOf('.claimcheck/claims.json'));
    const [create, edit] = result.edit.documentChanges as [CreateFile, TextDocumentEdit];
    expect(create).toEqual({ kind: 'create', uri: result.uri, options: { ignoreIfExists: true } });
    const written = applyEdits('', edit.edits);
    expect(JSON.parse(written)).toEqual([
      { id: result.id, program: 'tciu', source: 'gao-18-618', fact: 'GAO reports that the TCIU shared intelligence on 42 smuggling networks.', quote: `${QUOTE}.`, quoteVerified: true },
    ]);
    // The editor applies and saves the edit; the file watcher reports it.
    const loads = client.logs.filter((l) => l.includes('records loaded')).length;
    ws.file('.claimcheck/claims.json', written);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: result.uri, type: 1 }] });
    await client.recordsLoaded(loads + 1);
    await waitFor(() => client.latest(result.uri) === undefined || client.latest(result.uri)!.diagnostics.length === 0 || false, 'a valid claims file');

    const uri = ws.uriOf('quoting.md');
    const altered = QUOTE.replace('smuggling', 'trafficking');
    await client.open(uri, `# Draft\n\nThe TCIU in Guatemala, GAO found, “${altered}.”[^1]\n\n[^1]: GAO, <https://www.gao.gov/products/GAO-18-618>.\n`);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const misquote = published.diagnostics.find((d) => d.code === 'misquote');
    expect(misquote, JSON.stringify(published.diagnostics.map(messageOf))).toBeTruthy();
    expect(messageOf(misquote!)).toContain('“trafficking” where the source has “smuggling”');
    expect(messageOf(misquote!)).toContain('GAO-18-618');

    // The exact quote is no misquote.
    const exact = ws.uriOf('exact.md');
    await client.open(exact, `# Draft\n\nThe TCIU in Guatemala, GAO found, “${QUOTE}.”[^1]\n\n[^1]: GAO, <https://www.gao.gov/products/GAO-18-618>.\n`);
    expect(codes((await client.waitForDiagnostics(exact, (p) => p.version === 1)).diagnostics)).not.toContain('misquote');
  });

  it('appends to the existing file with a unique id, keeping its formatting', async () => {
    const before = readFileSync(claimsPath(), 'utf8');
    const result = await client.request<RecordClaimResult>('claimcheck/recordClaim', {
      textDocument: { uri: ws.uriOf('notes.md') },
      program: 'tciu',
      source: 'gao-18-618',
      fact: 'GAO reports that the TCIU shared its files.',
      quote: '"shared its files with prosecutors in three countries"',
    });
    if ('error' in result) throw new Error(result.error);
    expect(result.id).toBe('gao-18-618/gao-reports-that-the-tciu-shared-2');
    const [edit] = result.edit.documentChanges as [TextDocumentEdit];
    expect(edit.textDocument.uri).toBe(result.uri);
    const after = applyEdits(before, edit.edits);
    expect(after.startsWith(before.slice(0, before.lastIndexOf('}')))).toBe(true);
    const list = JSON.parse(after) as Array<{ id: string; quote: string }>;
    expect(list.map((c) => c.id)).toEqual(['gao-18-618/gao-reports-that-the-tciu-shared', 'gao-18-618/gao-reports-that-the-tciu-shared-2']);
    expect(list[1].quote).toBe('shared its files with prosecutors in three countries');
  });

  it('edits the text the editor holds when the claims file has unsaved changes', async () => {
    const unsaved = '[\n\t{ "id": "mine/x", "program": "tciu", "source": "gao-18-618", "fact": "Unsaved." }\n]\n';
    const result = await client.request<RecordClaimResult>('claimcheck/recordClaim', {
      textDocument: { uri: ws.uriOf('notes.md') },
      program: 'tciu',
      source: 'gao-18-618',
      fact: 'Another fact.',
      quote: '«palabras citadas de la fuente»',
      claimsText: unsaved,
      claimsVersion: 7,
    });
    if ('error' in result) throw new Error(result.error);
    const [edit] = result.edit.documentChanges as [TextDocumentEdit];
    expect(edit.textDocument.version).toBe(7);
    const list = JSON.parse(applyEdits(unsaved, edit.edits)) as Array<{ id: string; quote?: string }>;
    expect(list.map((c) => c.id)).toEqual(['mine/x', 'gao-18-618/another-fact']);
    expect(list[1].quote).toBe('palabras citadas de la fuente');
  });

  it('refuses unknown programs and sources, an empty quote or fact, and a claims file that is not a list', async () => {
    const base = { textDocument: { uri: ws.uriOf('notes.md') }, program: 'tciu', source: 'gao-18-618', fact: 'A fact.', quote: '“words”' };
    const error = async (params: Record<string, unknown>) => {
      const result = await client.request<RecordClaimResult>('claimcheck/recordClaim', { ...base, ...params });
      return 'error' in result ? result.error : undefined;
    };
    expect(await error({ program: 'no-such-program' })).toContain('no-such-program');
    expect(await error({ source: 'no-such-source' })).toContain('no-such-source');
    expect(await error({ quote: ' “” ' })).toBe('Select the quoted words first.');
    expect(await error({ fact: '   ' })).toBeTruthy();
    expect(await error({ claimsText: '{ "not": "a list" }' })).toContain('is not a JSON list of claims');
  });
});

describe('record-claim helpers', () => {
  it('strips the quotation marks around a selection, and the punctuation after them', () => {
    expect(stripQuotationMarks('“has led to the identification”')).toBe('has led to the identification');
    expect(stripQuotationMarks('  "has led\n  to it."  ')).toBe('has led to it.');
    expect(stripQuotationMarks('«capacitó a 4.600 policías».')).toBe('capacitó a 4.600 policías');
    expect(stripQuotationMarks('“has led to it')).toBe('has led to it');
    expect(stripQuotationMarks('the agents’')).toBe('the agents’');
    expect(stripQuotationMarks('‘single’')).toBe('single');
  });

  it('makes a slug of the fact’s first words', () => {
    expect(claimSlug('ICE trained 4,600 Guatemalan police in 2017.')).toBe('ice-trained-4600-guatemalan-police-in');
    expect(claimSlug('La Fuerza de Tarea Tecún Umán')).toBe('la-fuerza-de-tarea-tecun-uman');
    expect(claimSlug('—')).toBe('claim');
  });

  it('prefills the fact with the selection’s sentence, as plain text', () => {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'workspace', 'consistency', 'draft-a.md'), 'utf8');
    const at = text.indexOf('4,600');
    expect(sentenceAround(text, at, at + 5)).toBe('U.S. agencies trained 4,600 Guatemalan police through Northern Triangle police training in 2017.');
    const start = NOTE.indexOf('“');
    expect(sentenceAround(NOTE, start, NOTE.indexOf('”') + 1)).toBe(`The report says the TCIU in Guatemala was productive: “${QUOTE}.”`);
    const cited = 'Intro. ICE agents created a **TCIU** in [Guatemala](https://x.example) [@gao-18-618]. Next one.';
    expect(sentenceAround(cited, cited.indexOf('TCIU'), cited.indexOf('TCIU') + 4)).toBe('ICE agents created a TCIU in Guatemala.');
  });
});
