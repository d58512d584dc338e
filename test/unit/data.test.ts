/** The bundled records are code: they validate, every alias is found, and pandoc reads the sources. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledDataDir } from '../../server/src/node/recordFiles';
import { analyze, bundledRecords } from '../helpers/records';

const records = bundledRecords();
const seed = readFileSync(join(__dirname, '..', '..', 'examples', 'seed-commentary.md'), 'utf8');

// Every program, unit, office and operation the seed names (research: mentioned_in_seed),
// except the two it names only in passing ("migration authorities", and ERO, which it never names).
const SEED_PROGRAMS = [
  'dhs-guatemala-2019', 'ice-attache-guatemala', 'ice-dlo', 'tciu', 'itat', 'operation-citadel', 'bitmap', 'cbp-oia-itad',
  'cbp-border-interdiction-training', 'ilea', 'colombian-national-police', 'miami-dade-pd', 'opdat', 'operation-regional-shield',
  'tag', 'fbi-legat', 'fbi-iod', 'iatf', 'cicig', 'spmagtf-sc', 'socsouth', 'fen', 'operation-hornet', 'operation-together-forward',
  'army-counter-tco-ops', 'beyond-the-horizon', 'pnc', 'us-troops-proposal', 'root-cause-assistance', 'fletc', 'dhs', 'cbp', 'ice',
  'hsi', 'southcom', 'fbi', 'doj', 'dea', 'state', 'gao',
];

describe('bundled records', () => {
  it('load without a single problem', () => {
    expect(records.problems).toEqual([]);
  });

  it('hold at least 114 programs, every seed source and every attributed claim', () => {
    const programs = [...records.programs.values()].filter((p) => p.value.kind === 'program');
    expect(programs.length).toBeGreaterThanOrEqual(114);
    expect(records.sources.size).toBeGreaterThanOrEqual(432);
    expect(records.claims.size).toBeGreaterThanOrEqual(589);
  });

  it('find every program the seed names in the seed itself', () => {
    const found = new Set(records.aliasIndex.findMentions(seed).map((m) => m.target));
    expect(SEED_PROGRAMS.filter((id) => !found.has(id))).toEqual([]);
  });

  it('find every alias in a sentence, as the program it names', () => {
    const missed: string[] = [];
    for (const { value: p } of records.programs.values()) {
      for (const alias of p.aliases) {
        const mentions = records.aliasIndex.findMentions(`In 2019, ${alias} was reported on.`);
        // Words two records share (each marking them ambiguous) name either, as the context decides.
        if (!mentions.some((m) => (m.target === p.id || m.others?.some((o) => o.target === p.id)) && m.alias.length > 0)) missed.push(`${p.id}: ${alias}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('mark a quote verified only where a quote exists', () => {
    for (const { value: c } of records.claims.values()) if (c.quoteVerified !== undefined && c.quoteVerified !== null) expect(c.quote, c.id).toBeTruthy();
  });

  it('carry every quote of the seed exactly, so the seed has no misquote', () => {
    expect(analyze(seed).findings.filter((f) => f.code === 'misquote')).toEqual([]);
  });

  it('never invent a URL: every URL is http(s) and sources without one say why in a note', () => {
    for (const { value: s } of records.sources.values()) {
      if (s.URL) expect(s.URL).toMatch(/^https?:\/\//);
      else expect(s.note, s.id).toBeTruthy();
    }
  });
});

const pandoc = spawnSync('pandoc', ['--version']).status === 0;

describe.skipIf(!pandoc && !process.env.CI)('pandoc round trip', () => {
  it('renders a document citing every source with no warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-pandoc-'));
    const ids = [...records.sources.keys()];
    writeFileSync(join(dir, 'all.md'), ids.map((id) => `Claim [@${id}].`).join('\n\n') + '\n');
    const result = spawnSync('pandoc', ['--citeproc', '--bibliography', join(bundledDataDir(), 'sources.json'), '-t', 'plain', join(dir, 'all.md')], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/\?\?\?|not found/);
  });
});
