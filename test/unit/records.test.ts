/**
 * The record layout of data/: one file per entry and per source, each valid; every verified
 * quote inside its excerpt; `claimcheck records lint` clean; users' list files of the older
 * shape still read; the per-entry shape read in .claimcheck/ with located problems.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteInExcerpt } from '../../server/src/records/evidence';
import { lintRecords } from '../../server/src/records/lint';
import { RecordSet } from '../../server/src/records/recordSet';
import { loadCommonWords } from '../../server/src/node/commonWords';
import { problemPosition, loadRecords } from '../../server/src/node/recordFiles';
import { COMMON_WORDS_TOP } from '../../server/src/cli/records';
import type { Claim } from '../../server/src/records/types';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'claimcheck.js');
const files = (dir: string) => readdirSync(join(ROOT, 'data', dir)).filter((f) => f.endsWith('.json')).map((f) => join(ROOT, 'data', dir, f));
const entryFiles = files('programs');
const sourceFiles = files('sources');
const ownRecords = () => loadRecords({ bundled: false, extra: [join(ROOT, 'data', 'programs'), join(ROOT, 'data', 'sources')] });
const run = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

describe('bundled record files', () => {
  it('are one per entry and one per source, each named after its id, and every one validates', () => {
    expect(entryFiles.length).toBeGreaterThanOrEqual(73);
    expect(sourceFiles.length).toBeGreaterThanOrEqual(59);
    for (const f of entryFiles) expect(JSON.parse(readFileSync(f, 'utf8')).entry.id + '.json').toBe(f.split('/').pop());
    for (const f of sourceFiles) expect(JSON.parse(readFileSync(f, 'utf8')).id + '.json').toBe(f.split('/').pop());
    const records = ownRecords();
    expect(records.problems).toEqual([]);
    expect(records.programs.size).toBe(entryFiles.length);
    expect(records.sources.size).toBe(sourceFiles.length);
  });

  it('hold every verified quote inside the excerpt it was read from', () => {
    const claims: Claim[] = entryFiles.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')).claims);
    const verified = claims.filter((c) => c.quote && c.quoteVerified === true);
    expect(verified.length).toBeGreaterThanOrEqual(5);
    for (const c of verified) {
      expect(c.evidence, c.id).toBeDefined();
      expect(quoteInExcerpt(c.quote!, c.evidence!.excerpt), c.id).toBe(true);
    }
    // Every excerpt is the source's words (no ellipsis inside) and reasonably short.
    for (const c of claims.filter((x) => x.evidence)) {
      expect(c.evidence!.excerpt, c.id).not.toMatch(/…|\.\.\./);
      expect(c.evidence!.excerpt.split(/\s+/).length, c.id).toBeLessThanOrEqual(80);
    }
  });

  it('say what was checked of each source, truthfully for the defects issue 15 found', () => {
    const source = (id: string) => JSON.parse(readFileSync(join(ROOT, 'data', 'sources', `${id}.json`), 'utf8'));
    const entry = (id: string) => JSON.parse(readFileSync(join(ROOT, 'data', 'programs', `${id}.json`), 'utf8'));
    // The FBI 2017 placeholder is unidentified, and none of its quotes reads as verified.
    expect(source('fbi-2017-testimony-tag').custom.checked).toBe('none');
    expect(entry('tag').claims.filter((c: Claim) => c.source === 'fbi-2017-testimony-tag' && c.quoteVerified)).toEqual([]);
    // The 2017 release whose wording was seen reads as such.
    expect(source('southcom-2017-06-01-marine-task-force-deploys').custom.checked).toBe('wording');
    // The task forces: started and suspended, each with its own date and source.
    expect(entry('iatf').entry.status).toMatchObject({ state: 'suspended', started: { date: '2013-12' }, suspended: { date: '2019-03', source: 'ap-2019-03-14-us-suspends-military-aid-guatemala' } });
    // HSToday's report carries HSToday's own title at HSToday's address.
    const hstoday = source('ice-2016-06-operation-mesoamerica-citadel');
    expect(hstoday.URL).toMatch(/^https:\/\/www\.hstoday\.us\//);
    expect(hstoday['container-title']).toBe('HSToday');
    // Nothing refers to a role towards one article any more.
    for (const f of sourceFiles) expect(JSON.parse(readFileSync(f, 'utf8')).custom.role).toBeUndefined();
  });

  it('compile into dist/records/: three lists, the sources a plain CSL-JSON array', () => {
    const dist = (f: string) => JSON.parse(readFileSync(join(ROOT, 'dist', 'records', f), 'utf8'));
    expect(dist('programs.json')).toHaveLength(entryFiles.length);
    expect(dist('sources.json')).toHaveLength(sourceFiles.length);
    const claims = dist('claims.json');
    expect(claims.every((c: Claim) => typeof c.program === 'string')).toBe(true);
    expect(claims).toHaveLength(entryFiles.reduce((n, f) => n + JSON.parse(readFileSync(f, 'utf8')).claims.length, 0));
  });

  it('lint clean: no errors and no warnings, every claim with its evidence', () => {
    const findings = lintRecords(ownRecords(), { commonWords: loadCommonWords(COMMON_WORDS_TOP) });
    expect(findings).toEqual([]);
    const cli = run(['records', 'lint', 'data', '--no-bundled']);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/\(0 error\(s\), 0 warning\(s\)\)/);
  });
});

describe('schemas', () => {
  it('are the ones scripts/schemas.mjs writes', () => {
    const script = `import('./scripts/schemas.mjs').then((m) => process.stdout.write(JSON.stringify(m.SCHEMAS)))`;
    const generated = JSON.parse(spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).stdout) as Record<string, unknown>;
    expect(Object.keys(generated).sort()).toEqual(['claims.schema.json', 'entry.schema.json', 'programs.schema.json', 'source.schema.json', 'sources.schema.json']);
    for (const [name, schema] of Object.entries(generated)) expect(JSON.parse(readFileSync(join(ROOT, 'data', 'schema', name), 'utf8')), name).toEqual(schema);
  });
});

describe('quoteInExcerpt', () => {
  const excerpt = 'The remainder will be dispersed, at the invitation of their governments, to conduct training — “tailored to each partner’s needs.”';
  it('accepts the quote whatever its quotation marks, dashes, spacing, brackets and first letter', () => {
    expect(quoteInExcerpt('conduct[ing] training - "tailored to each partner\'s needs."', excerpt)).toBe(true);
    expect(quoteInExcerpt('To  conduct\ntraining', excerpt)).toBe(true);
    expect(quoteInExcerpt('the remainder will be dispersed … to conduct training', excerpt)).toBe(true);
  });
  it('refuses a changed word, pieces out of order, or an empty quote', () => {
    expect(quoteInExcerpt('to conduct exercises', excerpt)).toBe(false);
    expect(quoteInExcerpt('to conduct training … The remainder', excerpt)).toBe(false);
    expect(quoteInExcerpt('…', excerpt)).toBe(false);
    // Case inside the quote is the source's: only its first letter may differ.
    expect(quoteInExcerpt('The Remainder will', excerpt)).toBe(false);
  });
});

describe('lint', () => {
  const entry = (id: string, aliases: string[], claims: unknown[] = []) => ({ path: `data/programs/${id}.json`, text: JSON.stringify({ entry: { id, kind: 'program', name: `The ${id} program`, aliases, agency: [] }, claims }, null, 2) });
  const source = (id: string, extra: object = {}) => ({
    path: `data/sources/${id}.json`,
    text: JSON.stringify({ id, type: 'report', title: 'T', note: 'Seen.', custom: { kind: 'report', checked: 'wording', relation: 'primary' }, ...extra }, null, 2),
  });
  const lint = (...texts: Array<{ path: string; text: string }>) => lintRecords(RecordSet.fromTexts(texts), { commonWords: loadCommonWords(COMMON_WORDS_TOP) });

  it('finds shared aliases, plural overlaps and common-word aliases, but not acronyms', () => {
    const found = lint(entry('a', ['House', 'Regional Shield Task Force', 'SAFE', 'Escudo']), entry('b', ['Regional Shield Task Forces', 'Operation Nightjar']), entry('c', ['Operación Nightjar']));
    const codes = found.map((f) => `${f.code}:${f.file}:${f.field}`);
    expect(codes).toContain('common-word-alias:data/programs/a.json:/entry/aliases/0');
    expect(found.find((f) => f.field === '/entry/aliases/3')?.message).toMatch(/common Spanish word/);
    expect(codes).not.toContain('common-word-alias:data/programs/a.json:/entry/aliases/2');
    expect(codes).toContain('overlapping-alias:data/programs/b.json:/entry/aliases/0');
    // "Operación Nightjar" is "Operation Nightjar" to the matcher: the same alias twice.
    expect(found.filter((f) => f.code === 'duplicate-alias' || (f.code === 'record-problem' && f.message.includes('Nightjar'))).length).toBeGreaterThan(0);
  });

  it('lets a common word be an alias only where its rule reads it written exactly so and in a context it needs', () => {
    const guarded = (rule: object) => {
      const e = entry('dept', ['Department of House', 'House']);
      const parsed = JSON.parse(e.text);
      parsed.entry.ambiguousAliases = [{ alias: 'House', ...rule }];
      return { path: e.path, text: JSON.stringify(parsed) };
    };
    const common = (rule: object) => lint(guarded(rule)).filter((f) => f.code === 'common-word-alias');
    expect(common({ exactCase: true, needs: ['Senate'] })).toEqual([]);
    expect(common({ exactCase: true }).length).toBe(1);
    expect(common({ needs: ['Senate'] }).length).toBe(1);
  });

  it('does not report words that two entries share when each marks them ambiguous', () => {
    const withRule = (id: string, rule: object) => {
      const e = entry(id, ['Policía Nacional Civil']);
      const parsed = JSON.parse(e.text);
      parsed.entry.ambiguousAliases = [{ alias: 'Policía Nacional Civil', ...rule }];
      return { path: e.path, text: JSON.stringify(parsed) };
    };
    const duplicates = (...texts: Array<{ path: string; text: string }>) => lint(...texts).filter((f) => f.code === 'duplicate-alias' || (f.code === 'record-problem' && f.message.includes('Policía')));
    expect(duplicates(withRule('gt', { excludes: ['El Salvador'] }), withRule('sv', { needs: ['El Salvador'] }))).toEqual([]);
    expect(duplicates(withRule('gt', { excludes: ['El Salvador'] }), entry('sv', ['Policía Nacional Civil'])).length).toBeGreaterThan(0);
  });

  it('finds verified quotes outside their excerpt, and sources with no address and no reason', () => {
    const claims = [
      { id: 's/ok', source: 's', fact: 'F.', quote: 'one two', quoteVerified: true, evidence: { url: 'https://example.org/a', excerpt: 'Zero one two three.' } },
      { id: 's/bad', source: 's', fact: 'F.', quote: 'one three', quoteVerified: true, evidence: { url: 'https://example.org/a', excerpt: 'Zero one two three.' } },
      { id: 's/none', source: 's', fact: 'F.', quote: 'one', quoteVerified: true },
    ];
    const found = lint(entry('p', ['Operation Nightjar'], claims), source('s'), source('t', { note: 'The primary URL was not found; read in a copy.' }));
    const by = (code: string) => found.filter((f) => f.code === code).map((f) => f.field);
    expect(by('quote-not-in-excerpt')).toEqual(['/claims/1/quote']);
    expect(by('verified-without-evidence')).toEqual(['/claims/2/quoteVerified']);
    expect(by('claim-without-evidence')).toEqual(['/claims/2']);
    expect(found.filter((f) => f.code === 'source-without-url').map((f) => f.message)).toEqual([expect.stringContaining('The source s has no URL')]);
  });
});

describe('loading users’ records', () => {
  it('reads list files of the older shape: status.since as started, verification as checked', () => {
    const records = RecordSet.fromTexts([
      { path: '.claimcheck/programs.json', text: JSON.stringify([{ id: 'p', kind: 'program', name: 'Operation Nightjar', aliases: ['Operation Nightjar'], agency: [], status: { state: 'active', since: '2015' } }]) },
      {
        path: '.claimcheck/sources.json',
        text: JSON.stringify([
          { id: 's1', type: 'report', title: 'A', custom: { verification: 'confirmed', documentConfirmed: true, kind: 'gao-report', agencies: [], role: 'related' } },
          { id: 's2', type: 'report', title: 'B', custom: { verification: 'probable', documentConfirmed: false, kind: 'testimony', agencies: [], role: 'seed-cited' } },
          { id: 's3', type: 'report', title: 'C', custom: { verification: 'unidentified', documentConfirmed: false, kind: 'testimony', agencies: [], role: 'seed-cited' } },
        ]),
      },
      { path: '.claimcheck/claims.json', text: JSON.stringify([{ id: 'c', program: 'p', source: 's1', fact: 'F.', figures: [{ value: 3, unit: 'week', label: 'weeks', cues: ['week'] }] }]) },
    ]);
    expect(records.problems).toEqual([]);
    expect(records.program('p')?.status?.started).toEqual({ date: '2015' });
    expect(['s1', 's2', 's3'].map((id) => records.source(id)?.custom?.checked)).toEqual(['wording', 'document', 'none']);
  });

  it('reads the per-entry shape in .claimcheck/ and locates its problems by file, line and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-records-'));
    mkdirSync(join(dir, '.claimcheck', 'programs'), { recursive: true });
    mkdirSync(join(dir, '.claimcheck', 'sources'), { recursive: true });
    const good = { entry: { id: 'nightjar', kind: 'program', name: 'Operation Nightjar', aliases: ['Operation Nightjar'], agency: [] }, claims: [{ id: 'src/one', source: 'src', fact: 'It ran.' }] };
    writeFileSync(join(dir, '.claimcheck', 'programs', 'nightjar.json'), JSON.stringify(good, null, 2));
    const bad = { entry: { id: 'other', kind: 'program', name: 'Operation Kestrel', aliases: ['Operation Kestrel'], agency: [] }, claims: [{ id: 'src/two', source: 'src', fact: 'F.', figures: [{ value: 1, unit: 'furlong', label: 'l', cues: ['x'] }] }] };
    writeFileSync(join(dir, '.claimcheck', 'programs', 'kestrel.json'), JSON.stringify(bad, null, 2));
    writeFileSync(join(dir, '.claimcheck', 'sources', 'src.json'), JSON.stringify({ id: 'src', type: 'report', title: 'T', custom: { kind: 'report', checked: 'document', relation: 'primary' } }, null, 2));
    const records = loadRecords({ bundled: false, extra: [join(dir, '.claimcheck')] });
    expect(records.program('nightjar')).toBeDefined();
    expect(records.claims.get('src/one')?.value.program).toBe('nightjar');
    const kestrel = readFileSync(join(dir, '.claimcheck', 'programs', 'kestrel.json'), 'utf8').split('\n');
    const problems = records.problems.map((p) => ({ file: p.file.split('/').slice(-2).join('/'), field: p.field, line: problemPosition(p).line, id: p.id }));
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: 'programs/kestrel.json', field: '/entry/id', line: kestrel.findIndex((l) => l.includes('"id": "other"')), id: 'problem.fileName' },
        { file: 'programs/kestrel.json', field: '/claims/0/figures/0/unit', line: kestrel.findIndex((l) => l.includes('furlong')), id: 'problem.enum' },
      ]),
    );
    const validate = run(['records', 'validate', '.claimcheck', '--no-bundled'], dir);
    expect(validate.status).toBe(1);
    expect(validate.stdout).toContain(`kestrel.json:${kestrel.findIndex((l) => l.includes('furlong')) + 1}:`);
    expect(run(['records', 'find', 'the Nightjar operation, Operación Nightjar', '--no-bundled'], dir).stdout).toContain('→ nightjar');
    expect(run(['records', 'find', 'nothing known here', '--no-bundled'], dir).status).toBe(1);
  });
});
