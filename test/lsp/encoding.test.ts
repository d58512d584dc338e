/** A closed draft that is not UTF-8, read from disk by "Check all drafts", gets a warning that says so. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckWorkspaceResult } from '../../server/src/protocol';
import { TestClient, codes, type Workspace, startServer, stopServer } from './harness';

const CLAIM = 'ICE agents created and accompany a Guatemalan Transnational Criminal Investigative Unit (TCIU) in Guatemala.\n';

let client: TestClient;
let ws: Workspace;

beforeAll(async () => {
  ({ client, ws } = await startServer({ files: { 'utf8.md': `# Señal\n\n${CLAIM}` } }));
  // "Señal" in Latin-1: the ñ is one byte, 0xF1, which is not UTF-8.
  writeFileSync(join(ws.dir, 'latin1.md'), Buffer.concat([Buffer.from('# Se'), Buffer.from([0xf1]), Buffer.from(`al\n\n${CLAIM}`)]));
});

afterAll(() => stopServer({ client, ws }));

describe('drafts that are not UTF-8', () => {
  it('get a warning at their start from the workspace check, and their findings still', async () => {
    const result = await client.request<CheckWorkspaceResult>('claimcheck/checkWorkspace', {});
    expect(result.files).toBe(2);
    const latin1 = await client.waitForDiagnostics(ws.uriOf('latin1.md'), (p) => p.diagnostics.length > 0);
    const warning = latin1.diagnostics.find((d) => d.code === 'not-utf8');
    expect(warning).toMatchObject({ severity: 2, source: 'Claim Check', range: { start: { line: 0, character: 0 } } });
    expect(warning?.message).toMatch(/not valid UTF-8/);
    expect(codes(latin1.diagnostics)).toContain('uncited-claim');
    const utf8 = await client.waitForDiagnostics(ws.uriOf('utf8.md'), (p) => p.diagnostics.length > 0);
    expect(codes(utf8.diagnostics)).not.toContain('not-utf8');
  });
});
