/**
 * Hostile and odd record files, beyond the catalogue in loader.test.ts: huge strings, a
 * million aliases, regular-expression characters, bytes that are not UTF-8, keys that
 * would reach a prototype, a file caught half-written. Each loads or fails with a located
 * problem; nothing hangs, and the valid entries keep serving.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentAnalyzer } from '../../server/src/analysis/incremental/analyzer';
import { readRecordFiles } from '../../server/src/node/recordFiles';
import { RecordSet } from '../../server/src/records/recordSet';
import { positionsIn } from '../../server/src/positions';

const entry = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'program', name: `Program ${id}`, aliases: [id.toUpperCase()], agency: [], ...extra });
const set = (...programs: unknown[]) => RecordSet.fromTexts([{ path: 'programs.json', text: JSON.stringify(programs, null, 2) }]);

describe('hostile record files', () => {
  it('load a 10 MB string', () => {
    const s = set(entry('aaa', { description: 'x'.repeat(10 * 1024 * 1024) }), entry('bbb'));
    expect(s.problems).toEqual([]);
    expect(s.program('aaa')?.description).toHaveLength(10 * 1024 * 1024);
  });

  it('load a million aliases and still match them', () => {
    const aliases = Array.from({ length: 1_000_000 }, (_, i) => `Unit ${i} Alpha`);
    const s = set(entry('many', { aliases }));
    expect(s.problems).toEqual([]);
    expect(s.aliasIndex.findMentions('The Unit 999999 Alpha and Unit 17 Alpha met.').map((m) => m.target)).toEqual(['many', 'many']);
  }, 60_000);

  it('treat regular-expression characters in aliases as plain text', () => {
    const s = set(entry('meta', { aliases: ['C++ (Task) [Force]* .*? $^|\\'] }), entry('aaa'));
    expect(s.problems).toEqual([]);
    expect(s.aliasIndex.findMentions('the C Task Force unit').map((m) => m.target)).toEqual(['meta']);
    expect(s.aliasIndex.findMentions('.* ( ) [ ] $ ^ | \\').map((m) => m.target)).toEqual([]);
  });

  it('refuse "constructor" and "prototype" keys as well as "__proto__"', () => {
    for (const key of ['constructor', 'prototype']) {
      const text = `[${JSON.stringify(entry('aaa'))}, { "${key}": {}, "id": "bbb", "kind": "program", "name": "B", "aliases": ["B1"], "agency": [] }]`;
      const s = RecordSet.fromTexts([{ path: 'programs.json', text }]);
      expect(s.problems.map((p) => p.message)).toEqual([`The key "${key}" is not allowed in a record.`]);
      expect([...s.programs.keys()]).toEqual(['aaa']);
    }
  });

  it('warn about bytes that are not UTF-8, with the line, and keep the entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-bytes-'));
    const path = join(dir, 'programs.json');
    const text = JSON.stringify([entry('aaa'), entry('bbb', { description: 'Latin-1: XX' })], null, 2);
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf('XX');
    bytes[at] = 0xe9; // "é" in Latin-1: not valid UTF-8 on its own
    writeFileSync(path, bytes);
    const { files } = readRecordFiles([path], false);
    const s = RecordSet.fromTexts(files);
    expect([...s.programs.keys()]).toEqual(['aaa', 'bbb']);
    const warning = s.problems.find((p) => /not valid UTF-8/.test(p.message))!;
    expect(warning).toMatchObject({ file: path, severity: 'warning' });
    expect(positionsIn(files[0].text)(warning.offset).line).toBe(text.slice(0, text.indexOf('XX')).split('\n').length - 1);
  });

  it('report a file caught half-written, then load it whole once it is complete', () => {
    const full = JSON.stringify([entry('aaa'), entry('bbb')], null, 2);
    const half = full.slice(0, Math.floor(full.length * 0.7));
    const broken = RecordSet.fromTexts([{ path: 'programs.json', text: half }]);
    expect(broken.problems[0]).toMatchObject({ file: 'programs.json', message: expect.stringMatching(/Invalid JSON/) });
    expect([...broken.programs.keys()]).toEqual(['aaa']);
    const whole = RecordSet.fromTexts([{ path: 'programs.json', text: full }]);
    expect(whole.problems).toEqual([]);
    expect([...whole.programs.keys()]).toEqual(['aaa', 'bbb']);
  });

  it('refuse a URL that is not http(s)', () => {
    const s = RecordSet.fromTexts([{ path: 'sources.json', text: JSON.stringify([{ id: 'src', type: 'report', title: 'T', URL: 'javascript:alert(1)' }]) }]);
    expect(s.sources.size).toBe(0);
    expect(s.problems[0]).toMatchObject({ field: '/0/URL' });
  });

  it('analyse a draft against records full of markup without echoing it as markup', () => {
    const programs = JSON.stringify([entry('evil', { name: '<script>alert(1)</script> [x](command:workbench.action.quit)', aliases: ['Operation Evil'] })]);
    const sources = JSON.stringify([{ id: 'src', type: 'report', title: '*bold* <img src=x onerror=alert(1)> [y](command:foo)' }]);
    const claims = JSON.stringify([{ id: 'c', program: 'evil', source: 'src', fact: 'A fact.' }]);
    const s = RecordSet.fromTexts([
      { path: 'programs.json', text: programs },
      { path: 'sources.json', text: sources },
      { path: 'claims.json', text: claims },
    ]);
    const draft = 'Operation Evil trained police.\n';
    const a = new DocumentAnalyzer(s).analyze(draft, { citationStyle: 'link', attributionCounts: true, severity: {} });
    const f = a.findings.find((x) => x.code === 'uncited-claim')!;
    // A source without an http(s) URL cannot be cited as a link: the fix falls back to a footnote, escaped.
    const inserted = f.fixes.flatMap((x) => x.edits.map((e) => e.newText)).join('\n');
    expect(inserted).not.toContain('javascript:');
    expect(inserted).toContain('\\*bold\\* \\<img src=x onerror=alert\\(1\\)\\> \\[y\\]\\(command:foo\\)');
  });
});
