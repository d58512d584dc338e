/**
 * Record files stay inside the workspace: `claimcheck.records` entries that point outside it,
 * and links in `.claimcheck/` that lead outside it, are not read (and the server says which),
 * unless the entries come from the user's own settings (`userRecords`, which VS Code's client
 * fills from `inspect('claimcheck.records').globalValue`).
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, type Workspace, startServer, stopServer } from './harness';

const program = (id: string, name: string) => JSON.stringify([{ id, kind: 'program', name, aliases: [name], agency: [] }], null, 2) + '\n';
const DRAFT = 'Operation Farside trained police in Guatemala.\n\nOperation Nearside trained police in Honduras.\n';

let client: TestClient;
let ws: Workspace;
let outside: string;
let loads = 1;

async function reloadWith(settings: Record<string, unknown>): Promise<void> {
  client.settings = settings;
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.recordsLoaded(++loads);
}

/** The lines of the draft that have an uncited-claim: those whose program the records know. */
async function claimLines(name: string): Promise<number[]> {
  const uri = ws.uriOf(name);
  await client.open(uri, DRAFT);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  return published.diagnostics.filter((d: Diagnostic) => d.code === 'uncited-claim').map((d) => d.range.start.line);
}

beforeAll(async () => {
  outside = mkdtempSync(join(tmpdir(), 'claimcheck-outside-'));
  writeFileSync(join(outside, 'farside.json'), program('operation-farside', 'Operation Farside'));
  ({ client, ws } = await startServer({ files: { '.claimcheck/programs.json': program('operation-nearside', 'Operation Nearside') } }));
  symlinkSync(join(outside, 'farside.json'), join(ws.dir, '.claimcheck', 'linked.json'));
});

afterAll(() => {
  stopServer({ client, ws });
  rmSync(outside, { recursive: true, force: true });
});

describe.runIf(process.platform !== 'win32')('record files outside the workspace', () => {
  it('are not read from a workspace setting or a link in .claimcheck/, and the server says which', async () => {
    await reloadWith({ records: [`${outside}/**/*.json`, join(outside, 'farside.json'), '/usr/**/*.json'] });
    expect(await claimLines('a.md')).toEqual([2]);
    const linked = await client.waitForDiagnostics(pathToFileURL(join(ws.dir, '.claimcheck', 'linked.json')).href, (p) => p.diagnostics.length > 0);
    expect(linked.diagnostics[0].message).toMatch(/^Not read: this file leads outside the workspace \(to .*farside\.json\)/);
    for (const entry of [`${outside}/**/*.json`, join(outside, 'farside.json'), '/usr/**/*.json'])
      expect(client.logs.some((l) => l.includes(`claimcheck.records "${entry}" is outside the workspace and was not read`))).toBe(true);
    // Nothing under /usr was listed, let alone reported.
    expect([...client.published.keys()].some((uri) => uri.startsWith('file:///usr/'))).toBe(false);
  });

  it('are read when the user settings name them', async () => {
    const entry = join(outside, 'farside.json');
    await reloadWith({ records: [entry], userRecords: [entry] });
    expect(await claimLines('b.md')).toEqual([0, 2]);
  });

  it('inside the workspace, a workspace setting still names them', async () => {
    writeFileSync(join(ws.dir, 'more.json'), program('operation-farside', 'Operation Farside'));
    await reloadWith({ records: ['more.json'] });
    expect(await claimLines('c.md')).toEqual([0, 2]);
  });
});
