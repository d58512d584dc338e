/**
 * A real third-party client: headless Neovim (Debian's 0.7.x) attaches to the bundled server
 * on a draft and reports diagnostics and a hover. Skipped where Neovim is missing, outside CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const nvim = spawnSync('nvim', ['--version']).status === 0;

describe.skipIf(!nvim && !process.env.CI)('Neovim as the client', () => {
  it('shows the server’s diagnostics and hover', () => {
    const home = mkdtempSync(join(tmpdir(), 'claimcheck-nvim-'));
    const draft = join(home, 'draft.md');
    writeFileSync(draft, '# Draft\n\nICE agents created and accompany a Guatemalan Transnational Criminal Investigative Unit (TCIU) in Guatemala.\n');
    const out = join(home, 'out.json');
    const env = {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_DATA_HOME: join(home, 'data'),
      XDG_STATE_HOME: join(home, 'state'),
      XDG_CACHE_HOME: join(home, 'cache'),
      CLAIMCHECK_SERVER: join(ROOT, 'dist', 'server.js'),
      PROBE_DOC: draft,
      PROBE_OUT: out,
      PROBE_HOVER_LINE: '2',
      PROBE_HOVER_COL: '90',
    };
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(__dirname, 'probe.lua')}`], { env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.got).toBe(true);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'uncited-claim', source: 'Claim Check', lnum: 2, col: 0, severity: 2 })]);
    expect(result.hover.contents.value).toMatch(/Transnational Criminal Investigative Units/);
  }, 90_000);
});
