/**
 * Record text as it reaches the writer: in messages and fix titles it is printable (no control
 * character, bidirectional override or line break) and cut to a cap, whatever the record holds.
 */
import { describe, expect, it } from 'vitest';
import { DocumentAnalyzer } from '../../server/src/analysis/incremental/analyzer';
import { DEFAULT_OPTIONS, type AnalysisOptions } from '../../server/src/analysis/model';
import { msg } from '../../server/src/l10n/messages';
import { MAX_QUOTED_CHARS, printable } from '../../server/src/l10n/printable';
import { RecordSet } from '../../server/src/records/recordSet';

const ESC = '\u001b';
const HOSTILE = `${ESC}]0;owned\u0007${ESC}[2J\u202e\u2066\r\n::error file=x::y\u2028\u0085\t!`;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

function records(programName: string, sourceTitle: string): RecordSet {
  const json = (v: unknown) => JSON.stringify(v, null, 2);
  return RecordSet.fromTexts([
    { path: 'programs.json', text: json([{ id: 'zorblax-unit', kind: 'program', name: programName, aliases: ['Zorblax Unit'], agency: [] }]) },
    { path: 'sources.json', text: json([{ id: 'zorblax-report', type: 'report', title: sourceTitle, URL: 'https://example.org/r', issued: { 'date-parts': [[2020]] } }]) },
    { path: 'claims.json', text: json([{ id: 'zorblax-report/trains', program: 'zorblax-unit', source: 'zorblax-report', fact: 'The unit trains officers.' }]) },
  ]);
}

function analyse(set: RecordSet, text: string, options: Partial<AnalysisOptions> = {}) {
  return new DocumentAnalyzer(set).analyze(text, { ...DEFAULT_OPTIONS, ...options });
}

describe('printable', () => {
  it('drops controls and overrides, puts line breaks and tabs on one line', () => {
    expect(printable(`a${ESC}[2Jb\r\nc\u2028d\te\u202ef`)).toBe('a[2Jb c d ef');
  });

  it('cuts at the cap, never inside a surrogate pair', () => {
    const cut = printable('x'.repeat(9) + '😀'.repeat(10), 10);
    expect(cut).toBe('x'.repeat(9) + '…');
    expect(printable('ab', 10)).toBe('ab');
  });
});

describe('record text in messages and fix titles', () => {
  it('fills placeholders with printable text in every locale', () => {
    for (const locale of ['en', 'es'] as const) expect(msg(locale, 'fix.footnote', { title: HOSTILE })).not.toMatch(UNSAFE);
  });

  it('a hostile program name and source title leave messages and fix titles printable', () => {
    const set = records(`Zorblax Unit ${HOSTILE}`, `Report ${HOSTILE}`);
    for (const citationStyle of ['footnote', 'pandoc', 'link'] as const) {
      const { findings } = analyse(set, 'The Zorblax Unit trains officers in Guatemala.\n', { citationStyle });
      const uncited = findings.find((f) => f.code === 'uncited-claim');
      expect(uncited?.message).toContain('Zorblax Unit');
      expect(uncited?.fixes.length).toBeGreaterThan(0);
      for (const f of findings) {
        expect(f.message).not.toMatch(UNSAFE);
        for (const fix of f.fixes) expect(fix.title).not.toMatch(UNSAFE);
      }
    }
  });

  it('a 1,000,000-character program name is quoted to the cap, not whole', () => {
    const set = records('Zorblax Unit ' + 'n'.repeat(1_000_000), 'Report ' + 't'.repeat(1_000_000));
    const { findings } = analyse(set, 'The Zorblax Unit trains officers in Guatemala.\n');
    expect(findings.length).toBeGreaterThan(0);
    const size = JSON.stringify(findings).length;
    expect(size).toBeLessThan(20 * MAX_QUOTED_CHARS);
    for (const f of findings) expect(f.message.length).toBeLessThan(4 * MAX_QUOTED_CHARS);
  });
});
