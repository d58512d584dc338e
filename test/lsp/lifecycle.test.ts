/**
 * The server's lifecycle and transport over a real stdio connection: requests before
 * `initialize` and after `shutdown`, a frame whose Content-Length lies, and record files that
 * are FIFOs or links to devices (which once made the server read forever or stop answering).
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResponseError } from 'vscode-jsonrpc/node';
import { TestClient, messageOf, stopServer, tempWorkspace, waitFor } from './harness';

const HOVER = { textDocument: { uri: 'file:///nowhere/draft.md' }, position: { line: 0, character: 0 } };

async function errorOf(p: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await p;
  } catch (e) {
    return e as ResponseError<unknown>;
  }
  throw new Error('the request was answered');
}

describe('the LSP lifecycle', () => {
  it('refuses a request before initialize with -32002', async () => {
    const client = new TestClient();
    try {
      const err = await errorOf(client.request('textDocument/hover', HOVER));
      expect(err.code).toBe(-32002);
      // The server is still usable once initialised.
      await client.initialize();
      expect(await client.request('textDocument/hover', HOVER)).toBeNull();
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  });

  it('refuses requests after shutdown with -32600, then exits with 0', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      await client.request('shutdown', null);
      const err = await errorOf(client.request('textDocument/hover', HOVER));
      expect(err.code).toBe(-32600);
      const exited = new Promise<number | null>((r) => client.process.on('exit', (code) => r(code)));
      await client.connection.sendNotification('exit');
      expect(await exited).toBe(0);
    } finally {
      client.kill();
    }
  });

  it('exits (so that the client restarts it) when a frame is shorter than its Content-Length says', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const exited = new Promise<number | null>((r) => client.process.on('exit', (code) => r(code)));
      const body = JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'textDocument/hover', params: HOVER });
      client.process.stdin!.write(`Content-Length: ${body.length - 10}\r\n\r\n${body}`);
      client.process.stdin!.write(`Content-Length: ${body.length}\r\n\r\n${body}`);
      const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running'), 10_000))]);
      expect(code).toBe(1);
      expect(client.stderr).toMatch(/unreadable message on stdin/);
    } finally {
      client.kill();
    }
  });
});

describe.runIf(process.platform !== 'win32')('record files that are not regular files', () => {
  it('reports a FIFO and a link to /dev/zero in .claimcheck/, serves the rest, and shuts down', async () => {
    const ws = tempWorkspace();
    ws.file('.claimcheck/keep.txt', '');
    execFileSync('mkfifo', [join(ws.dir, '.claimcheck', 'claims.json')]);
    symlinkSync('/dev/zero', join(ws.dir, '.claimcheck', 'programs.json'));
    const client = new TestClient();
    try {
      await client.initialize({ workspace: ws });
      await client.recordsLoaded();
      const fifo = await client.waitForDiagnostics(ws.uriOf('.claimcheck/claims.json'), (p) => p.diagnostics.length > 0);
      expect(messageOf(fifo.diagnostics[0])).toMatch(/not a regular file but a FIFO/);
      const zero = await client.waitForDiagnostics(ws.uriOf('.claimcheck/programs.json'), (p) => p.diagnostics.length > 0);
      expect(messageOf(zero.diagnostics[0])).toMatch(/not a regular file but a character device/);
      const draft = ws.uriOf('draft.md');
      await client.open(draft, 'ICE agents created and accompany a Guatemalan Transnational Criminal Investigative Unit (TCIU) in Guatemala.\n');
      const published = await client.waitForDiagnostics(draft, (p) => p.diagnostics.length > 0);
      expect(published.diagnostics.some((d) => d.code === 'uncited-claim')).toBe(true);
      expect(await waitFor(() => client.shutdown(), 'shutdown', 10_000)).toBe(0);
    } finally {
      stopServer({ client, ws });
    }
  });
});
