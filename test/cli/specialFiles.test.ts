/**
 * The command line against files that are not what they seem: links to devices, FIFOs,
 * directories with a draft's name, link loops, bytes that are not UTF-8, paths that name nothing.
 * Each case once made the command read until memory ran out, hang, or exit with no word.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'claimcheck.js');
const posix = process.platform !== 'win32';

function run(args: string[], cwd: string) {
  // A timeout, so that a regression (a hang on a FIFO, a read of /dev/zero) fails instead of stalling.
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-special-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const CLAIM = 'ICE agents created and accompany a Guatemalan Transnational Criminal Investigative Unit (TCIU) in Guatemala.\n';

describe.runIf(posix)('claimcheck check on special files', () => {
  it('skips a draft that links to /dev/zero, says so, and checks the others', () => {
    const dir = workspace({ 'drafts/a.md': CLAIM });
    symlinkSync('/dev/zero', join(dir, 'drafts', 'zero.md'));
    const r = run(['check', 'drafts', '--format', 'json', '--fail-on', 'none'], dir);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/zero\.md: skipped: it is not a regular file \(a character device\)/);
    const report = JSON.parse(r.out);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([join('drafts', 'a.md')]);
    expect(report.files[0].findings.some((f: { code: string }) => f.code === 'uncited-claim')).toBe(true);
  });

  it('does not hang on a FIFO named as a draft', () => {
    const dir = workspace({});
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    const r = run(['check', 'pipe.md'], dir);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/pipe\.md: skipped: it is not a regular file \(a FIFO\)/);
  });

  it('reports a record file that is a FIFO or a link to /dev/zero, and keeps checking', () => {
    const dir = workspace({ 'draft.md': CLAIM, '.claimcheck/keep.txt': '' });
    execFileSync('mkfifo', [join(dir, '.claimcheck', 'claims.json')]);
    symlinkSync('/dev/zero', join(dir, '.claimcheck', 'programs.json'));
    const r = run(['check', 'draft.md', '--format', 'json', '--fail-on', 'none'], dir);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/claims\.json:1:1: error: Not read: this is not a regular file but a FIFO/);
    expect(r.err).toMatch(/programs\.json:1:1: error: Not read: this is not a regular file but a character device/);
    expect(JSON.parse(r.out).files[0].findings.length).toBeGreaterThan(0);
  });

  it('skips a directory that a folder walk meets under a draft name', () => {
    const dir = workspace({ 'drafts/a.md': CLAIM, 'elsewhere/inner.md': CLAIM });
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'drafts', 'x.md'));
    const r = run(['check', 'drafts', '--fail-on', 'none'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/x\.md: skipped: it is a directory/);
  });

  it('checks a draft once when a link loop makes a glob find it again and again', () => {
    const dir = workspace({ 'notes/a.md': CLAIM });
    symlinkSync(join(dir, 'notes'), join(dir, 'notes', 'loop'));
    const r = run(['check', 'notes/**/*.md', '--format', 'json', '--fail-on', 'none'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files).toHaveLength(1);
  });

  it('warns about a draft that is not UTF-8 and still checks it', () => {
    const dir = workspace({});
    writeFileSync(join(dir, 'latin1.md'), Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from('.\n\n' + CLAIM)]));
    const r = run(['check', 'latin1.md', '--format', 'json', '--fail-on', 'none'], dir);
    expect(r.err).toMatch(/latin1\.md: warning: not valid UTF-8/);
    expect(JSON.parse(r.out).files[0].findings.length).toBeGreaterThan(0);
  });
});

describe('claimcheck usage errors that used to pass in silence', () => {
  it('refuses --records naming nothing', () => {
    const dir = workspace({ 'draft.md': CLAIM });
    const r = run(['check', 'draft.md', '--records', 'no-such-records.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--records no-such-records\.json: no such file or folder/);
  });

  it('refuses a locale it does not speak', () => {
    const dir = workspace({ 'draft.md': CLAIM });
    const r = run(['check', 'draft.md', '--locale', 'fr'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--locale.*fr/);
  });

  it('says why `sources` cannot read a directory', () => {
    const dir = workspace({ 'folder/a.md': CLAIM });
    const r = run(['sources', 'folder'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/folder: cannot be read: it is a directory/);
  });
});
