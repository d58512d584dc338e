/**
 * The command against the writer's own source documents, end to end: a PDF in
 * `.claimcheck/library/`, the same through a `.bib` file field, and through Zotero's
 * `.zotero-ft-cache`; `--library DIR`; an unreadable document reported, the rest checked.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasFont, makePdf } from '../helpers/documents';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'claimcheck.js');
const root = mkdtempSync(join(tmpdir(), 'claimcheck-cli-library-'));
const cacheDir = join(root, 'cache');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CLAIMCHECK_CACHE_DIR: cacheDir } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const PAGES = [
  ['Border Security: CBP Training of Guatemalan Police', 'A report to congressional requesters.'],
  ['Since 2015, the Transnational Criminal Investigative Unit has led to the identiﬁ-', 'cation of 36 illicit organizations, according to agency officials.'],
  ['CBP trained 4,600 Guatemalan police in 2017.'],
];

const DRAFT = [
  'The unit "has led to the identification of 36 illicit organizations" [@gao-18-618].',
  '',
  'The unit "has led to the identification of 38 illicit organizations" [@gao-18-618].',
  '',
  'GAO found that the unit "was never evaluated by anyone at all" [@gao-18-618].',
  '',
  'CBP trained 5,000 Guatemalan police [@gao-18-618].',
  '',
].join('\n');

const SOURCES = JSON.stringify([{ id: 'gao-18-618', type: 'report', title: 'Border Security: CBP Training of Guatemalan Police', number: 'GAO-18-618' }]);

interface Finding {
  code: string;
  message: string;
  range: { start: { line: number } };
  fixes: Array<{ title: string; edits: Array<{ newText: string }> }>;
}

function findings(out: string): Finding[] {
  return JSON.parse(out).files[0].findings as Finding[];
}

let pdf: Buffer;
beforeAll(async () => {
  pdf = await makePdf({ pages: PAGES });
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function expectTheChecks(list: Finding[]) {
  const on = (line: number) => list.filter((f) => f.range.start.line === line).map((f) => f.code);
  // The exact quote: nothing about it.
  expect(on(0).filter((c) => c === 'misquote' || c === 'quote-not-in-source')).toEqual([]);
  // A changed word: a misquote whose fix restores the document's wording.
  const mis = list.find((f) => f.range.start.line === 2 && f.code === 'misquote')!;
  expect(mis.message).toContain('p. 2');
  expect(mis.fixes[0].edits[0].newText).toBe('has led to the identification of 36 illicit organizations');
  // Words the document does not hold.
  expect(on(4)).toContain('quote-not-in-source');
  // A figure the document does not state.
  expect(on(6)).toContain('figure-not-in-source');
}

describe.skipIf(!hasFont && !process.env.CI)('claimcheck check with the writer’s documents', () => {
  it('checks quotes and figures against a PDF in .claimcheck/library/', () => {
    const dir = join(root, 'folder');
    mkdirSync(join(dir, '.claimcheck', 'library'), { recursive: true });
    writeFileSync(join(dir, '.claimcheck', 'sources.json'), SOURCES);
    writeFileSync(join(dir, '.claimcheck', 'library', 'gao-18-618.pdf'), pdf);
    writeFileSync(join(dir, '.claimcheck', 'library', 'broken.pdf'), '%PDF-1.7 not really');
    writeFileSync(join(dir, 'draft.md'), DRAFT);
    const r = run(['check', 'draft.md', '--format', 'json', '--fail-on', 'none'], dir);
    expect(r.code).toBe(0);
    expectTheChecks(findings(r.out));
    // The unreadable document is reported, located, and blocks nothing.
    expect(r.err).toMatch(/library[\\/]broken\.pdf:1:1: warning: The source document broken\.pdf cannot be read/);
  });

  it('does the same through a .bib file field (no sources.json) and through Zotero’s extracted text', () => {
    const dir = join(root, 'bib');
    const storage = join(root, 'Zotero', 'storage', 'AB12CD34');
    mkdirSync(join(dir, '.claimcheck'), { recursive: true });
    mkdirSync(storage, { recursive: true });
    writeFileSync(join(storage, 'GAO-18-618.pdf'), pdf);
    writeFileSync(
      join(dir, '.claimcheck', 'library.bib'),
      `@report{gao-18-618,\n  title = {Border Security: {CBP} Training of Guatemalan Police},\n  author = {{U.S. Government Accountability Office}},\n  date = {2018-09},\n  file = {Full Text PDF:${storage}/GAO-18-618.pdf:application/pdf}\n}\n`,
    );
    writeFileSync(join(dir, 'draft.md'), DRAFT);
    const viaPdf = run(['check', 'draft.md', '--format', 'json', '--fail-on', 'none'], dir);
    expectTheChecks(findings(viaPdf.out));
    // Zotero's text beside the attachment, with pages ending in form feeds, read instead of the PDF.
    writeFileSync(join(storage, '.zotero-ft-cache'), PAGES.map((p) => p.join('\n')).join('\n\f') + '\n\f');
    const viaCache = run(['check', 'draft.md', '--format', 'json', '--fail-on', 'none'], dir);
    expectTheChecks(findings(viaCache.out));
  });

  it('reads extra folders given with --library', () => {
    const dir = join(root, 'extra');
    mkdirSync(join(dir, '.claimcheck'), { recursive: true });
    mkdirSync(join(dir, 'papers'), { recursive: true });
    writeFileSync(join(dir, '.claimcheck', 'sources.json'), SOURCES);
    writeFileSync(join(dir, 'papers', 'gao-18-618.pdf'), pdf);
    writeFileSync(join(dir, 'draft.md'), DRAFT);
    const without = run(['check', 'draft.md', '--format', 'json', '--fail-on', 'none'], dir);
    expect(findings(without.out).some((f) => f.code === 'quote-not-in-source')).toBe(false);
    const withLibrary = run(['check', 'draft.md', '--format', 'json', '--fail-on', 'none', '--library', 'papers'], dir);
    expectTheChecks(findings(withLibrary.out));
  });
});
