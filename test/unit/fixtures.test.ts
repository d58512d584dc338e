/**
 * Marker fixtures, in the manner of markdownlint: each line of a draft in
 * test/fixtures/drafts carries `<!-- expect: code … -->` for the findings that start on it;
 * every other line must have none. Each draft's whole result is snapshotted
 * (test/unit/__snapshots__/fixtures/): every finding's message, and every fix as the lines it
 * changes in the text. Then each fix is applied and the text checked again: the fixed finding
 * must be gone and every other finding still there, no new one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { structuredPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { documentFor } from '../../server/src/positions';
import type { AnalysisOptions, Finding } from '../../server/src/analysis/model';
import { analyze, applyEdits } from '../helpers/records';

const DIR = join(__dirname, '..', 'fixtures', 'drafts');
const MARKER = /<!-- expect: ([a-z\s-]+?) -->/g;

function expectedByLine(text: string): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    for (const m of line.matchAll(MARKER)) (out[i] ??= []).push(...m[1].trim().split(/\s+/));
  });
  for (const k of Object.keys(out)) out[Number(k)].sort();
  return out;
}

function actualByLine(text: string, options = {}): Record<number, string[]> {
  const doc = documentFor('file:///fixture.md', text);
  const out: Record<number, string[]> = {};
  for (const f of analyze(text, options).findings) (out[doc.positionAt(f.start).line] ??= []).push(f.code);
  for (const k of Object.keys(out)) out[Number(k)].sort();
  return out;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.md'));

/** Options a fixture asks for on its first line: `<!-- fixture: locale=es -->`. */
function fixtureOptions(text: string): Partial<AnalysisOptions> {
  const m = /^<!-- fixture: ([^>]*?) -->/.exec(text);
  return m ? Object.fromEntries(m[1].split(/\s+/).map((kv) => kv.split('='))) : {};
}

describe.each(files)('fixture %s', (file) => {
  const text = readFileSync(join(DIR, file), 'utf8');
  const options = fixtureOptions(text);

  it('reports exactly the marked findings', () => {
    expect(actualByLine(text, options)).toEqual(expectedByLine(text));
  });

  it('has no internal errors', () => {
    expect(analyze(text, options).internalErrors).toEqual([]);
  });

  it('each fix removes the finding it fixes', () => {
    const before = analyze(text, options).findings;
    for (const f of before.filter((x) => x.fixes.length > 0)) {
      const fixed = applyEdits(text, f.fixes[0].edits);
      const after = analyze(fixed, options).findings.filter((x) => x.code === f.code);
      expect(after.length, `${f.code} at ${f.start}: "${f.fixes[0].title}"`).toBeLessThan(before.filter((x) => x.code === f.code).length);
    }
  });
  it('shows every message and every fix (snapshot)', async () => {
    const doc = documentFor('file:///fixture.md', text);
    const at = (offset: number) => {
      const p = doc.positionAt(offset);
      return `${p.line + 1}:${p.character + 1}`;
    };
    const out: string[] = [];
    for (const f of analyze(text, options).findings) {
      out.push(`${at(f.start)}-${at(f.end)} ${f.severity} ${f.code}: ${f.message}`);
      for (const fix of f.fixes) {
        out.push(`  fix${fix.preferred ? ' (preferred)' : ''}: ${fix.title}`);
        const patch = structuredPatch('', '', text, applyEdits(text, fix.edits), '', '', { context: 0 });
        for (const hunk of patch.hunks) {
          out.push(`    @@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
          for (const line of hunk.lines) out.push(`    ${line}`);
        }
      }
    }
    await expect(out.join('\n') + '\n').toMatchFileSnapshot(join(__dirname, '__snapshots__', 'fixtures', `${file}.txt`));
  });

  it('each fix, applied, leaves every other finding and creates none', () => {
    const before = analyze(text, options).findings;
    for (const f of before) {
      for (const fix of f.fixes) {
        const fixed = applyEdits(text, fix.edits);
        // A finding whose sentence the fix edits (an uncited claim whose figure is corrected) spans the edited words.
        const inside = (x: Finding) => fix.edits.filter((e) => e.start >= x.start && e.end <= x.end).map((e) => ({ ...e, start: e.start - x.start, end: e.end - x.start }));
        const expected = before
          .filter((x) => x !== f)
          .map((x) => `${x.code} «${applyEdits(text.slice(x.start, x.end), inside(x))}»`)
          .sort();
        const after = findingKeys(fixed, analyze(fixed, options).findings);
        expect(after, `${f.code} at ${f.start}, fix "${fix.title}"`).toEqual(expected);
      }
    }
  });
});

/**
 * Findings as what they are and where, independent of offsets (a fix moves what follows it):
 * code and the text they span. (A message may rightly change: a restored quote puts its source
 * first among an attribution's candidates.)
 */
function findingKeys(text: string, findings: Finding[]): string[] {
  return findings.map((f) => `${f.code} «${text.slice(f.start, f.end)}»`).sort();
}
