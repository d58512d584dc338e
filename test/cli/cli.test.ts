/** The claimcheck command end to end: the built CLI, its formats and its exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'claimcheck.js');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const WRONG = 'CBP and ICE were among the agencies that trained 5,000 Guatemalan police in 2017 alone, according to GAO.\n';
const CLEAN = '# Notes\n\nNothing about programs here.\n';

describe('claimcheck check', () => {
  it('prints the exact JSON shape, with LSP ranges', () => {
    const dir = workspace({ 'draft.md': '😀 é\r\n\r\n' + WRONG });
    const r = run(['check', 'draft.md', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['version', 'files', 'summary']);
    expect(report.version).toBe(1);
    const file = report.files[0];
    expect(Object.keys(file)).toEqual(['path', 'mentions', 'findings']);
    expect(file.path).toBe('draft.md');
    const f = file.findings.find((x: { code: string }) => x.code === 'figure-mismatch');
    expect(Object.keys(f)).toEqual(['code', 'severity', 'message', 'range', 'programs', 'sources', 'fixes']);
    // Line 2 (after a CRLF blank line); "5,000" starts after "CBP and ICE were among the agencies that trained ".
    expect(f.range).toEqual({ start: { line: 2, character: 49 }, end: { line: 2, character: 54 } });
    expect(f.sources).toContain('gao-18-618');
    expect(f.fixes[0]).toEqual({ title: 'Change 5,000 to 4,600', edits: [{ range: f.range, newText: '4,600' }] });
    expect(file.mentions.map((m: { program: string }) => m.program)).toEqual(expect.arrayContaining(['cbp', 'ice', 'gao']));
  });

  it('exits 0 when nothing reaches --fail-on, 1 when something does', () => {
    const dir = workspace({ 'clean.md': CLEAN, 'wrong.md': WRONG });
    expect(run(['check', 'clean.md'], dir).code).toBe(0);
    expect(run(['check', 'wrong.md'], dir).code).toBe(1);
    expect(run(['check', 'wrong.md', '--fail-on', 'none'], dir).code).toBe(0);
    expect(run(['check', '.', '--fail-on', 'error'], dir).code).toBe(1);
  });

  it('exits 2 on a usage error', () => {
    const r = run(['check', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/xml/);
    expect(run(['check', 'no-such-file.md']).code).toBe(2);
  });

  it('exits 2 on a broken record file, naming file, line and field, and still checks with the rest', () => {
    const dir = workspace({
      'draft.md': 'Operation Nightjar trained police in Guatemala.\n',
      '.claimcheck/programs.json': '[\n  { "id": "nightjar", "kind": "program", "name": "Operation Nightjar", "aliases": ["Operation Nightjar"], "agency": [] },\n  { "id": "broken", "kind": "program", "name": 7, "aliases": ["X1"], "agency": [] }\n]\n',
    });
    const r = run(['check', 'draft.md', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.claimcheck\/programs\.json:3:\d+: error: "name" must be a string\. \(field \/1\/name\)/);
    const mentions = JSON.parse(r.out).files[0].mentions;
    expect(mentions.map((m: { program: string }) => m.program)).toContain('nightjar');
  });

  it('reads records given with --records, and none with --no-bundled', () => {
    const dir = workspace({ 'draft.md': WRONG });
    const none = JSON.parse(run(['check', 'draft.md', '--format', 'json', '--no-bundled'], dir).out);
    expect(none.files[0].mentions).toEqual([]);
    const withData = JSON.parse(run(['check', 'draft.md', '--format', 'json', '--no-bundled', '--records', join(ROOT, 'data')], dir).out);
    expect(withData.files[0].findings.map((f: { code: string }) => f.code)).toContain('figure-mismatch');
  });

  it('writes SARIF 2.1.0 with rule metadata', () => {
    const dir = workspace({ 'draft.md': WRONG });
    const sarif = JSON.parse(run(['check', 'draft.md', '--format', 'sarif'], dir).out);
    expect(sarif.version).toBe('2.1.0');
    const rules = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(rules).toEqual(['uncited-claim', 'attribution-without-link', 'figure-mismatch', 'misquote', 'quote-not-in-source', 'figure-not-in-source', 'citation-mismatch', 'unknown-program', 'suppression-without-reason', 'inconsistent-figure']);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'figure-mismatch');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 50, endLine: 1, endColumn: 55 });
  });

  it('prints GitHub workflow annotations', () => {
    const dir = workspace({ 'draft.md': WRONG });
    const out = run(['check', 'draft.md', '--format', 'github'], dir).out;
    // Property values escape ":" and ","; the message escapes only "%", CR and LF.
    expect(out).toBe(
      '::error file=draft.md,line=1,col=50,endLine=1,endColumn=55,title=figure-mismatch::The records give 4,600 for police trained in Guatemala in 2017, not 5,000. Source: “GAO-18-618”, 5 September 2018, not yet checked against the document. The record notes: Figure and trainer list unverified in the archived text; attribution rests on subject and timing. Read in WOLA\'s commentary of 5 June 2019, which cites GAO; not seen in the report.\n',
    );
  });

  it('lists suppressions with their reasons in stylish output', () => {
    const dir = workspace({ 'draft.md': '<!-- claimcheck-disable-next-line uncited-claim -- reason: our own 2018 report -->\nOperation Citadel dismantled networks.\n' });
    const r = run(['check', 'draft.md'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1:1 {2}suppressed uncited-claim: our own 2018 report/);
  });

  it('flags a figure that two drafts state differently, naming the other draft', () => {
    const r = run(['check', 'test/fixtures/workspace/consistency', '--format', 'json', '--fail-on', 'none']);
    expect(r.code).toBe(0);
    const files = JSON.parse(r.out).files;
    const inconsistent = files.map((f: { path: string; findings: Array<{ code: string; message: string }> }) => [f.path.split('/').pop(), f.findings.filter((x) => x.code === 'inconsistent-figure').map((x) => x.message)]);
    expect(inconsistent).toEqual([
      ['draft-a.md', [expect.stringMatching(/says 4,600 Guatemalan police; .*draft-b\.md says 6,400\./)]],
      ['draft-b.md', [expect.stringMatching(/says 6,400 Guatemalan police; .*draft-a\.md says 4,600\./)]],
    ]);
  });

  it('speaks Spanish with --locale es', () => {
    const dir = workspace({ 'borrador.md': 'La Operation Citadel desmanteló redes de tráfico.\n' });
    const r = JSON.parse(run(['check', 'borrador.md', '--format', 'json', '--locale', 'es'], dir).out);
    expect(r.files[0].findings[0].message).toMatch(/^Ninguna fuente citada para esta afirmación sobre Operation Citadel\./);
    expect(r.files[0].findings[0].fixes[0].title).toMatch(/^Citar «.+» como nota al pie$/);
  });

  it('speaks Spanish with --locale es in the stylish report and the record problems too', () => {
    const dir = workspace({
      'borrador.md': 'La Operation Citadel desmanteló redes de tráfico.\n\n<!-- claimcheck-disable-next-line uncited-claim -->\nLa TCIU investiga amenazas.\n',
      '.claimcheck/programs.json': '[\n  { "id": "x", "kind": "program", "name": 42, "aliases": ["XX"], "agency": [] }\n]\n',
    });
    const r = run(['check', 'borrador.md', '--locale', 'es', '--fail-on', 'none'], dir);
    expect(r.err).toMatch(/\.claimcheck\/programs\.json:2:\d+: error: "name" debe ser un texto\. \(campo \/0\/name\)/);
    expect(r.out).toMatch(/uncited-claim desactivado: \(sin motivo\)/);
    expect(r.out).toMatch(/^2 hallazgos \(0 errores, 1 advertencia, 0 avisos, 1 sugerencia\) en 1 archivo; \d+ menciones de programas$/m);
    const english = run(['check', 'borrador.md', '--fail-on', 'none'], dir);
    expect(english.err).toMatch(/"name" must be a string\. \(field \/0\/name\)/);
    expect(english.out).toMatch(/^2 findings \(0 errors, 1 warning, 0 info, 1 hint\) in 1 file;/m);
  });

  it('checks the bundled sample drafts', () => {
    const r = run(['check', 'examples/', '--format', 'json']);
    expect(r.code).toBe(1);
    const seed = JSON.parse(r.out).files.find((f: { path: string }) => f.path.endsWith('seed-commentary.md'));
    const codes = seed.findings.map((f: { code: string }) => f.code);
    expect(codes.filter((c: string) => c === 'figure-mismatch')).toHaveLength(2);
    expect(codes).toContain('uncited-claim');
    expect(codes).not.toContain('misquote');
  });
});
