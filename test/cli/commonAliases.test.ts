/**
 * Aliases that ordinary prose is full of — one or two letters, or a common English or Spanish
 * word — would make every sentence a claim about a program: they are refused, each with a
 * located problem, and the rest of the entry keeps serving.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', '..', 'bin', 'claimcheck.js');

const ALIASES = ['Zorblax Unit', 'a', 'I', 'the', 'of', 'EU', 'policía', 'ZBX', 'SAT'];

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-aliases-'));
  mkdirSync(join(dir, '.claimcheck'));
  writeFileSync(
    join(dir, '.claimcheck', 'programs.json'),
    JSON.stringify([{ id: 'zorblax-unit', kind: 'program', name: 'Zorblax Unit', aliases: ALIASES, agency: [] }], null, 2) + '\n',
  );
  writeFileSync(join(dir, 'draft.md'), 'I think the cat sat on a mat of wool in the EU.\n\nLa policía llegó tarde.\n\nThe ZBX trains officers in Guatemala.\n');
  return dir;
}

describe('aliases that are common words or too short', () => {
  const dir = workspace();
  const r = spawnSync(process.execPath, [BIN, 'check', 'draft.md', '--format', 'json', '--fail-on', 'none'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });

  it('are refused, each with a located problem naming it', () => {
    expect(r.status).toBe(2);
    for (const [alias, index] of [['a', 1], ['I', 2], ['of', 4], ['EU', 5]] as const)
      expect(r.stderr).toContain(`error: The alias "${alias}" has fewer than three letters or digits: it would be found in ordinary prose and make every sentence with it a claim; it is not used. (field /0/aliases/${index})`);
    expect(r.stderr).toMatch(/programs\.json:\d+:\d+: error: The alias "the" is a common English word.*\(field \/0\/aliases\/3\)/);
    expect(r.stderr).toMatch(/programs\.json:\d+:\d+: error: The alias "policía" is a common Spanish word.*\(field \/0\/aliases\/6\)/);
    // Acronyms in capitals stay, even when the word is common ("SAT").
    expect(r.stderr).not.toMatch(/"(ZBX|SAT|Zorblax Unit)"/);
  });

  it('do not turn ordinary sentences into claims; the entry keeps its other aliases', () => {
    const report = JSON.parse(r.stdout) as { files: Array<{ mentions: Array<{ text: string }>; findings: Array<{ code: string; range: { start: { line: number } } }> }> };
    expect(report.files[0].mentions.map((m) => m.text)).toEqual(['ZBX']);
    expect(report.files[0].findings.filter((f) => f.code === 'uncited-claim').map((f) => f.range.start.line)).toEqual([4]);
  });
});
