/** "Check all drafts in the workspace": consistency across drafts as diagnostics with related locations, and work-done progress. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import type { CheckWorkspaceResult } from '../../server/src/protocol';
import { ROOT, TestClient, capabilities, codes, messageOf, waitFor, type Workspace, startServer, stopServer } from './harness';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'workspace', 'consistency');
const DRAFT_A = readFileSync(join(FIXTURE, 'draft-a.md'), 'utf8');
const DRAFT_B = readFileSync(join(FIXTURE, 'draft-b.md'), 'utf8');

/** The range of the first `needle` in `text` (single-line needles). */
function rangeOf(text: string, needle: string): Range {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} is not in the text`);
  const lines = text.slice(0, offset).split('\n');
  const start = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

const inconsistent = (list: Diagnostic[]) => list.filter((d) => d.code === 'inconsistent-figure');

let client: TestClient;
let ws: Workspace;

beforeAll(async () => {
  ({ client, ws } = await startServer({
    files: { 'draft-a.md': DRAFT_A, 'draft-b.md': DRAFT_B, 'notes/unrelated.md': '# Notes\n\nNothing about any program here.\n' },
    capabilities: capabilities({ progress: true }),
  }));
});

afterAll(() => stopServer({ client, ws }));

describe('consistency across drafts', () => {
  // The open draft says 5,100 where its file on disk says 4,600: the check must read the editor's text.
  const openA = DRAFT_A.replace('4,600', '5,100');

  it('reports inconsistent-figure in both drafts, each pointing at the other, with work-done progress', async () => {
    const uriA = ws.uriOf('draft-a.md');
    const uriB = ws.uriOf('draft-b.md');
    await client.open(uriA, openA);
    await client.waitForDiagnostics(uriA, (p) => p.version === 1);

    const result = await client.request<CheckWorkspaceResult>('claimcheck/checkWorkspace', {});
    expect(result.files).toBe(3);
    expect(result.byCode['inconsistent-figure']).toBe(2);
    expect(result.filesWithFindings).toBeGreaterThanOrEqual(2);

    // The closed draft: pushed, pointing at the open draft's current text.
    const b = await client.waitForDiagnostics(uriB, (p) => inconsistent(p.diagnostics).length > 0, 'inconsistent-figure in draft-b');
    const inB = inconsistent(b.diagnostics)[0];
    expect(inB.range).toEqual(rangeOf(DRAFT_B, '6,400'));
    expect(inB.source).toBe('Claim Check');
    expect(inB.severity).toBe(2);
    expect(messageOf(inB)).toContain('5,100');
    expect(messageOf(inB)).toContain('draft-a.md');
    expect(inB.relatedInformation).toEqual([{ location: { uri: uriA, range: rangeOf(openA, '5,100') }, message: expect.stringContaining('5,100') }]);

    // The open draft: its own diagnostics, now with the cross-draft one.
    const a = await client.waitForDiagnostics(uriA, (p) => inconsistent(p.diagnostics).length > 0, 'inconsistent-figure in draft-a');
    const inA = inconsistent(a.diagnostics)[0];
    expect(inA.range).toEqual(rangeOf(openA, '5,100'));
    expect(inA.data).toMatchObject({ version: 1, fixes: [] });
    expect(inA.relatedInformation).toEqual([{ location: { uri: uriB, range: rangeOf(DRAFT_B, '6,400') }, message: expect.stringContaining('6,400') }]);

    // Progress: created by the server (no token in the request), then begin, report(s), end.
    expect(client.progressCreated).toHaveLength(1);
    const token = client.progressCreated[0];
    await waitFor(() => client.progress.some((p) => p.token === token && p.value.kind === 'end') || false, 'the end of the progress');
    const kinds = client.progress.filter((p) => p.token === token).map((p) => p.value.kind);
    expect(kinds[0]).toBe('begin');
    expect(kinds).toContain('report');
    expect(kinds[kinds.length - 1]).toBe('end');
    expect(client.progress.find((p) => p.token === token)!.value).toMatchObject({ title: 'Claim Check', cancellable: true });
  });

  it('compares again when an indexed draft is edited, and clears the other draft’s finding', async () => {
    const uriA = ws.uriOf('draft-a.md');
    const uriB = ws.uriOf('draft-b.md');
    const agreeing = DRAFT_A.replace('4,600', '6,400');
    await client.change(uriA, 2, [{ text: agreeing }]);
    const a = await client.waitForDiagnostics(uriA, (p) => p.version === 2);
    expect(codes(a.diagnostics)).not.toContain('inconsistent-figure');
    await client.waitForDiagnostics(uriB, (p) => inconsistent(p.diagnostics).length === 0, 'draft-b without inconsistent-figure');
    // Its own findings stay.
    expect(client.latest(uriB)!.diagnostics.length).toBe(client.latest(uriB)!.diagnostics.filter((d) => d.code !== 'inconsistent-figure').length);

    // Disagreeing again brings both back, the related location following the edit.
    const disagreeing = `# Draft A\n\nIntro.\n\n${DRAFT_A.slice(DRAFT_A.indexOf('U.S.')).replace('4,600', '7,000')}`;
    await client.change(uriA, 3, [{ text: disagreeing }]);
    const again = await client.waitForDiagnostics(uriB, (p) => inconsistent(p.diagnostics).length > 0, 'draft-b flagged again');
    expect(inconsistent(again.diagnostics)[0].relatedInformation?.[0].location).toEqual({ uri: uriA, range: rangeOf(disagreeing, '7,000') });
    await client.waitForDiagnostics(uriA, (p) => p.version === 3 && inconsistent(p.diagnostics).length > 0, 'draft-a flagged again');
  });

  it('goes back to the file on disk when the draft is closed', async () => {
    const uriA = ws.uriOf('draft-a.md');
    const uriB = ws.uriOf('draft-b.md');
    await client.close(uriA);
    // On disk draft-a says 4,600.
    const a = await client.waitForDiagnostics(uriA, (p) => p.version === undefined && inconsistent(p.diagnostics).some((d) => messageOf(d).includes('4,600')), 'draft-a from disk');
    expect(messageOf(inconsistent(a.diagnostics)[0])).toContain('6,400');
    expect(inconsistent(a.diagnostics)[0].range).toEqual(rangeOf(DRAFT_A, '4,600'));
    await client.waitForDiagnostics(uriB, (p) => inconsistent(p.diagnostics).some((d) => messageOf(d).includes('4,600')), 'draft-b pointing at the file on disk');
  });

  it('reports progress on the client’s own token when it sends one, and turns the check off with its severity', async () => {
    const created = client.progressCreated.length;
    await client.request('claimcheck/checkWorkspace', { workDoneToken: 'mine' });
    expect(client.progressCreated.length).toBe(created);
    await waitFor(() => client.progress.some((p) => p.token === 'mine' && p.value.kind === 'end') || false, 'progress on the client token');
    expect(client.progress.filter((p) => p.token === 'mine').map((p) => p.value.kind)[0]).toBe('begin');

    const uriB = ws.uriOf('draft-b.md');
    client.settings = { severity: { 'inconsistent-figure': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uriB, (p) => inconsistent(p.diagnostics).length === 0, 'inconsistent-figure turned off');
  });
});

describe('consistency across drafts (pull)', () => {
  let pulling: TestClient;
  let pws: Workspace;

  beforeAll(async () => {
    ({ client: pulling, ws: pws } = await startServer({ files: { 'draft-a.md': DRAFT_A, 'draft-b.md': DRAFT_B }, capabilities: capabilities({ pull: true }) }));
  });

  afterAll(() => stopServer({ client: pulling, ws: pws }));

  it('adds the cross-draft finding to the pulled report of an open draft, and asks the client to pull again', async () => {
    const uriA = pws.uriOf('draft-a.md');
    await pulling.open(uriA, DRAFT_A);
    const pull = () => pulling.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriA } });
    expect(inconsistent((await pull()).items)).toHaveLength(0);
    const refreshes = pulling.refreshRequests;
    await pulling.request('claimcheck/checkWorkspace', {});
    await waitFor(() => pulling.refreshRequests > refreshes || false, 'a diagnostic refresh');
    const report = await pull();
    expect(report.kind).toBe('full');
    const [finding] = inconsistent(report.items);
    expect(finding.range).toEqual(rangeOf(DRAFT_A, '4,600'));
    expect(finding.relatedInformation?.[0].location).toEqual({ uri: pws.uriOf('draft-b.md'), range: rangeOf(DRAFT_B, '6,400') });
    // The closed draft's are pushed.
    await pulling.waitForDiagnostics(pws.uriOf('draft-b.md'), (p) => inconsistent(p.diagnostics).length === 1);
  });
});
