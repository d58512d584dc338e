/**
 * What the command line prints when record fields, suppression reasons and file names carry
 * escape sequences, line breaks and bidirectional overrides: a terminal must not take a title or
 * clear its screen, a CI log must not run a line as a workflow command, and the JSON and SARIF
 * reports must still parse.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'claimcheck.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const ESC = '\u001b';
const HOSTILE = `${ESC}]0;owned${'\u0007'}${ESC}[2J\u202e\r\n::error file=evil.md,line=1::injected\u2028::warning::too`;
const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-hostile-out-'));
  mkdirSync(join(dir, '.claimcheck'));
  writeFileSync(
    join(dir, '.claimcheck', 'programs.json'),
    json([{ id: 'zorblax-unit', kind: 'program', name: `Zorblax Unit ${HOSTILE}`, aliases: ['Zorblax Unit'], agency: ['ice'] }]),
  );
  writeFileSync(
    join(dir, '.claimcheck', 'sources.json'),
    json([{ id: 'zorblax-report', type: 'report', title: `Report ${HOSTILE}`, URL: 'https://example.org/r', issued: { 'date-parts': [[2020, 2, 3]] } }]),
  );
  writeFileSync(
    join(dir, '.claimcheck', 'claims.json'),
    json([{ id: 'zorblax-report/trains', program: 'zorblax-unit', source: 'zorblax-report', fact: 'The unit trains officers.' }]),
  );
  const draft = [
    'The Zorblax Unit trains officers in Guatemala.',
    '',
    `<!-- claimcheck-disable-next-line uncited-claim -- reason: ours ${HOSTILE} -->`,
    'The Zorblax Unit works with ICE in Honduras.',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'draft.md'), draft);
  // A file name can hold an escape sequence and a line break on POSIX systems.
  if (process.platform !== 'win32') writeFileSync(join(dir, `evil${ESC}[2J\n::error file=x::name.md`), draft);
  return dir;
}

/** Every character a terminal or a log reader could act on. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

describe('claimcheck prints no control characters from records, drafts or file names', () => {
  const dir = workspace();

  it('stylish: no escape sequence, and no line that a CI runner would take for a command', () => {
    const r = run(['check', '.', '--fail-on', 'none'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Zorblax Unit');
    expect(r.out).toMatch(/suppressed uncited-claim: ours \S/);
    for (const stream of [r.out, r.err]) {
      expect(stream).not.toMatch(UNSAFE);
      for (const line of stream.split('\n')) expect(line).not.toMatch(/^\s*::/);
    }
  });

  it('github: one annotation per line, and each line is one command', () => {
    const r = run(['check', '.', '--format', 'github', '--fail-on', 'none'], dir);
    const lines = r.out.split('\n').filter(Boolean);
    const json = JSON.parse(run(['check', '.', '--format', 'json', '--fail-on', 'none'], dir).out) as { summary: { findings: number } };
    expect(lines).toHaveLength(json.summary.findings);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) file=[^:,]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:,]+::/);
      // The runner reads a command from a line's start (after spaces) to the next "::"; the rest of the line is its text.
      expect(line).not.toMatch(UNSAFE);
    }
  });

  it('json and sarif stay valid, and their messages are printable too', () => {
    for (const format of ['json', 'sarif']) {
      const r = run(['check', '.', '--format', format, '--fail-on', 'none'], dir);
      const report = JSON.parse(r.out) as { files?: Array<{ findings: Array<{ message: string; fixes: Array<{ title: string }> }> }>; runs?: Array<{ results: Array<{ message: { text: string } }> }> };
      const messages = format === 'json' ? report.files!.flatMap((f) => f.findings.flatMap((x) => [x.message, ...x.fixes.map((fix) => fix.title)])) : report.runs![0].results.map((x) => x.message.text);
      expect(messages.some((m) => m.includes('Zorblax Unit'))).toBe(true);
      for (const m of messages) expect(m).not.toMatch(UNSAFE);
    }
  });

  it('records find prints a hostile name on one line', () => {
    const r = run(['records', 'find', 'Zorblax Unit', '--records', '.claimcheck'], dir);
    expect(r.out).toContain('zorblax-unit');
    expect(r.out).not.toMatch(UNSAFE);
    expect(r.out.trim().split('\n')).toHaveLength(1);
  });
});
