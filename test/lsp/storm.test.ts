/**
 * An edit storm over the real protocol: 5,000 random incremental didChange notifications,
 * interleaved with hovers, code actions and completions. Every request is answered, the
 * server's memory stays bounded, diagnostics are never published for an older version than
 * one already published, and the final diagnostics equal a fresh check of the final text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT, TestClient, waitFor, type Workspace, startServer, stopServer } from './harness';

const EDITS = 5_000;
const PIECES = ['a', ' ', '.', '\n', '\r\n', '\n\n', '“', '”', '😀', 'ICE ', 'TCIU', ' Operation Citadel', '[^1]', '[@gao-18-618]', '2016', '4,600', '```', '> ', '- '];

let client: TestClient;
let ws: Workspace;

beforeAll(async () => {
  ({ client, ws } = await startServer());
});

afterAll(() => stopServer({ client, ws }));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();

describe('edit storm', () => {
  it('stays responsive and correct through 5,000 random edits', async () => {
    const uri = ws.uriOf('storm.md');
    const start = readFileSync(join(ROOT, 'examples', 'draft-border-training.md'), 'utf8');
    let doc = TextDocument.create(uri, 'markdown', 1, start);
    await client.open(uri, start, 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const rssBefore = rssMb(client.process.pid!);

    let seed = 20260;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pending: Array<Promise<unknown>> = [];
    for (let version = 2; version <= EDITS + 1; version++) {
      const text = doc.getText();
      const at = Math.floor(random() * (text.length + 1));
      const remove = random() < 0.4 ? Math.min(text.length - at, Math.floor(random() * 6)) : 0;
      const insert = remove > 0 && random() < 0.5 ? '' : PIECES[Math.floor(random() * PIECES.length)];
      // Never cut a surrogate pair or a CRLF in two: an editor would not.
      const safe = (o: number) => (o > 0 && o < text.length && ((text.charCodeAt(o - 1) & 0xfc00) === 0xd800 || (text[o - 1] === '\r' && text[o] === '\n')) ? o + 1 : o);
      const from = safe(at);
      const to = Math.max(from, safe(Math.min(text.length, at + remove)));
      const range = { start: doc.positionAt(from), end: doc.positionAt(to) };
      doc = TextDocument.update(doc, [{ range, text: insert }], version);
      await client.change(uri, version, [{ range, text: insert }]);
      if (version % 50 === 0) {
        const position = doc.positionAt(Math.floor(random() * doc.getText().length));
        pending.push(client.request('textDocument/hover', { textDocument: { uri }, position }));
        pending.push(client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: client.latest(uri)?.diagnostics ?? [] } }));
        pending.push(client.request('textDocument/completion', { textDocument: { uri }, position }));
      }
    }
    // Every request is answered (with a result or an empty one).
    const answers = await Promise.all(pending);
    expect(answers).toHaveLength(pending.length);

    const finalVersion = EDITS + 1;
    const final = await client.waitForDiagnostics(uri, (p) => p.version === finalVersion, 'diagnostics of the final version');
    const versions = (client.published.get(uri) ?? []).map((p) => p.version ?? 0);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));

    // A fresh check of the same text under another name gives the same diagnostics.
    const fresh = ws.uriOf('fresh.md');
    await client.open(fresh, doc.getText(), 1);
    const freshDiagnostics = await client.waitForDiagnostics(fresh, (p) => p.version === 1);
    expect(summary(final.diagnostics)).toEqual(summary(freshDiagnostics.diagnostics));

    const rssAfter = rssMb(client.process.pid!);
    expect(rssAfter - rssBefore).toBeLessThan(200);
    await waitFor(() => client.process.exitCode === null || undefined, 'server still running');
  }, 180_000);
});
