#!/usr/bin/env node
// Scores Claim Check on the labelled corpus of real texts (test/realtext/).
//
// The labels were written by reading each text as an editor would, never from the tool's output
// (test/realtext/README.md). This script runs the built command line on the texts, places every
// finding and mention in the labelled sentence it falls in, and prints per finding code:
// precision on labelled sentences, recall of the findings the labels expect; then mention recall,
// wrong program mappings, claim recall and how often the first citation offered supports the
// sentence. `--json` prints the same as JSON; `--check` also compares with test/realtext/floors.json
// and exits 1 when a figure falls below its floor.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = join(ROOT, 'test', 'realtext');

export const CODES = [
  'uncited-claim',
  'attribution-without-link',
  'figure-mismatch',
  'misquote',
  'citation-mismatch',
  'unknown-program',
  'inconsistent-figure',
];

/** Ids and kinds of the bundled entries, and the sources' addresses, in either record layout. */
export function loadBundledIds(root = ROOT) {
  const entries = new Map();
  const sourceUrls = new Map();
  const compiled = join(root, 'dist', 'records.json');
  const add = (e) => entries.set(e.id, e.kind);
  const addSource = (s) => {
    if (typeof s.URL === 'string') sourceUrls.set(normaliseUrl(s.URL), s.id);
  };
  if (existsSync(compiled)) {
    const data = JSON.parse(readFileSync(compiled, 'utf8'));
    for (const e of data.programs ?? []) add(e);
    for (const s of data.sources ?? []) addSource(s);
  }
  const programsDir = join(root, 'data', 'programs');
  if (existsSync(programsDir)) {
    for (const f of readdirSync(programsDir).filter((f) => f.endsWith('.json'))) {
      add(JSON.parse(readFileSync(join(programsDir, f), 'utf8')).entry);
    }
  }
  const sourcesDir = join(root, 'data', 'sources');
  if (existsSync(sourcesDir)) {
    for (const f of readdirSync(sourcesDir).filter((f) => f.endsWith('.json'))) {
      addSource(JSON.parse(readFileSync(join(sourcesDir, f), 'utf8')));
    }
  }
  for (const [file, fn] of [
    ['programs.json', add],
    ['sources.json', addSource],
  ]) {
    const p = join(root, 'data', file);
    if (existsSync(p)) for (const item of JSON.parse(readFileSync(p, 'utf8'))) fn(item);
  }
  return { entries, sourceUrls };
}

function normaliseUrl(url) {
  return url.trim().replace(/^https?:\/\/(www\.)?/i, '').replace(/[/#?]+$/, '').toLowerCase();
}

/** Offsets of line starts, for LSP positions (0-based lines, UTF-16 columns; CRLF, CR or LF). */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

function toOffset(starts, pos) {
  return (starts[pos.line] ?? starts[starts.length - 1]) + pos.character;
}

const SENTENCE_END = /[.!?…](?:["”’')\]*]|\[\^[^\]]*\])*(?=\s|$)/g;
// A period that ends an abbreviation ends no sentence unless a blank line follows: "U.S. Army",
// "EE. UU.", "D.C.", "Adm. Holsey" (a label that stops short of its sentence's end must not lose
// the rest of the sentence to "U.S.").
const ABBREVIATION = /(?:(?<![\p{L}\p{N}])(?:\p{L}\.)+|(?<![\p{L}\p{N}])(?:EE|UU|Mr|Mrs|Ms|Dr|Gen|Adm|Lt|Col|Capt|Maj|Sgt|Cpl|St|Jr|Sr|Sra|No|Nos|Vol|Inc|Corp|Dept|Gral|Cnel)\.)$/u;

/** The span of a labelled sentence: from where its text starts to its final punctuation. */
export function sentenceSpan(fileText, labelText) {
  const start = fileText.indexOf(labelText);
  if (start < 0) return undefined;
  if (fileText.indexOf(labelText, start + 1) >= 0) return { start, end: start + labelText.length, ambiguous: true };
  let end = start + labelText.length;
  if (!/[.!?…]["”’')\]*]*$/.test(labelText.trimEnd())) {
    SENTENCE_END.lastIndex = end;
    let m = SENTENCE_END.exec(fileText);
    while (m && m[0].length === 1 && ABBREVIATION.test(fileText.slice(Math.max(0, m.index - 12), m.index + 1)) && !/^\s*\n\s*\n/.test(fileText.slice(m.index + 1))) {
      m = SENTENCE_END.exec(fileText);
    }
    const paragraphEnd = fileText.slice(end).search(/\n\s*\n/);
    const candidates = [m ? m.index + m[0].length : fileText.length];
    if (paragraphEnd >= 0) candidates.push(end + paragraphEnd);
    end = Math.min(...candidates);
  }
  return { start, end };
}

/** What the labels say a sentence must and must not get, with defaults from its booleans. */
export function judgedCodes(label, { seeded }) {
  const expect = new Set(label.expect ?? []);
  const forbid = new Set(label.forbid ?? []);
  const claimOnKnown = label.claim === true;
  if (!expect.has('uncited-claim') && !forbid.has('uncited-claim')) {
    if (label.claim === false || label.cited === true || label.attributed === true) forbid.add('uncited-claim');
    else if (claimOnKnown && label.cited === false && label.attributed === false) expect.add('uncited-claim');
  }
  if (!expect.has('attribution-without-link') && (label.attributed === false || label.cited === true)) {
    forbid.add('attribution-without-link');
  }
  if (!seeded) {
    // A real, published sentence is never a wrong figure or a misquote of itself, nor inconsistent
    // with another real text, unless its label says otherwise.
    for (const code of ['figure-mismatch', 'misquote', 'inconsistent-figure']) {
      if (!expect.has(code)) forbid.add(code);
    }
  }
  for (const code of expect) forbid.delete(code);
  return { expect, forbid };
}

function runCli(paths) {
  const out = execFileSync(
    process.execPath,
    [join(ROOT, 'bin', 'claimcheck.js'), 'check', ...paths, '--format', 'json', '--fail-on', 'none'],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  return JSON.parse(out);
}

function readLabelled(dir, labelDir) {
  if (!existsSync(dir)) return [];
  const items = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const labelPath = join(labelDir, f.replace(/\.md$/, '.json'));
    if (!existsSync(labelPath)) continue;
    items.push({ path: join(dir, f), labels: JSON.parse(readFileSync(labelPath, 'utf8')) });
  }
  return items;
}

/** The address a text was read at (its first line). */
function textAddress(text) {
  return /<!--\s*source:\s*(\S+)\s*-->/.exec(text)?.[1];
}

function blankCounts() {
  return Object.fromEntries(CODES.map((c) => [c, { tp: 0, fp: 0, fn: 0, expected: 0, unjudged: 0 }]));
}

/**
 * Scores one run: `items` are the labelled files, `report` the CLI's JSON for them.
 * Returns counts per code and the recognition figures.
 */
function score(items, report, ids, { seeded }, acc, problems) {
  const byPath = new Map(report.files.map((f) => [resolve(f.path), f]));
  for (const item of items) {
    const text = readFileSync(item.path, 'utf8');
    const starts = lineStarts(text);
    const result = byPath.get(resolve(item.path)) ?? { findings: [], mentions: [] };
    const address = textAddress(text);
    const ownSource = address ? ids.sourceUrls.get(normaliseUrl(address)) : undefined;
    const sentences = [];
    for (const label of item.labels.sentences ?? []) {
      const span = sentenceSpan(text, label.text);
      if (!span) {
        problems.push(`${basename(item.path)}: label text not found: ${JSON.stringify(label.text.slice(0, 60))}`);
        continue;
      }
      if (span.ambiguous) problems.push(`${basename(item.path)}: label text occurs more than once: ${JSON.stringify(label.text.slice(0, 60))}`);
      const spanText = text.slice(span.start, span.end).toLowerCase();
      for (const m of label.mentions ?? []) {
        if (!spanText.includes(m.text.toLowerCase())) problems.push(`${basename(item.path)}: mention not in its sentence: ${JSON.stringify(m.text)} in ${JSON.stringify(label.text.slice(0, 60))}`);
      }
      sentences.push({ label, ...span, ...judgedCodes(label, { seeded }), found: new Map() });
    }
    const containing = (start, end) => {
      let best;
      let bestOverlap = 0;
      for (const s of sentences) {
        const overlap = Math.min(end, s.end) - Math.max(start, s.start);
        if (overlap > bestOverlap || (overlap === 0 && start === end && start >= s.start && start <= s.end && !best)) {
          best = s;
          bestOverlap = overlap;
        }
      }
      return best;
    };
    for (const finding of result.findings) {
      if (!CODES.includes(finding.code)) continue;
      const start = toOffset(starts, finding.range.start);
      const end = toOffset(starts, finding.range.end);
      const s = containing(start, end);
      if (!s) continue;
      if (!s.found.has(finding.code)) s.found.set(finding.code, []);
      s.found.get(finding.code).push(finding);
    }
    for (const s of sentences) {
      for (const [code, findings] of s.found) {
        const c = acc.codes[code];
        const judged = judgeFinding(code, findings, s, ids);
        if (judged === 'tp') c.tp++;
        else if (judged === 'fp') {
          c.fp++;
          acc.falsePositives.push({ file: basename(item.path), code, sentence: s.label.text.slice(0, 90), message: findings[0].message });
        } else c.unjudged++;
      }
      for (const code of s.expect) {
        if (!acc.codes[code]) continue;
        acc.codes[code].expected++;
        if (!s.found.has(code)) {
          acc.codes[code].fn++;
          acc.misses.push({ file: basename(item.path), code, sentence: s.label.text.slice(0, 90) });
        }
      }
      scoreMentions(s, result.mentions, starts, ids, acc, basename(item.path));
      scoreSuggestion(s, ids, acc, ownSource, basename(item.path));
    }
    // A carried reading of a sentence the labels do not list (one that is about no program) is wrong.
    for (const m of result.mentions) {
      if (!m.carried) continue;
      const start = toOffset(starts, m.range.start);
      const end = toOffset(starts, m.range.end);
      // (A seeded variant's labels list only the sentence seeded.)
      if (!seeded && !sentences.some((s) => start >= s.start && end <= s.end)) acc.carried.wrong.push({ file: basename(item.path), sentence: m.text.slice(0, 90), got: m.program, expected: [] });
    }
  }
}

function judgeFinding(code, findings, s, ids) {
  if (code === 'unknown-program') {
    // Right when the name is of a program no record holds, wrong when a record holds it.
    const labelled = s.label.mentions ?? [];
    const names = findings.map((f) => f.message);
    const known = labelled.some((m) => ids.entries.has(m.program) && names.some((n) => n.includes(m.text)));
    if (known) return 'fp';
    const unknown = labelled.some((m) => (m.program?.startsWith('?') || !ids.entries.has(m.program)) && names.some((n) => n.includes(m.text)));
    if (unknown || s.expect.has(code)) return 'tp';
    return s.forbid.has(code) ? 'fp' : 'unjudged';
  }
  if (s.expect.has(code)) return 'tp';
  if (s.forbid.has(code)) return 'fp';
  return 'unjudged';
}

function scoreMentions(s, mentions, starts, ids, acc, file) {
  const readings = mentions
    .map((m) => ({ ...m, start: toOffset(starts, m.range.start), end: toOffset(starts, m.range.end) }))
    .filter((m) => m.start >= s.start && m.end <= s.end);
  // A carried reading (a sentence that names no program read as about one) is not a mention: it
  // counts only for claim recall, and as right or wrong against the sentence's programs.
  const inside = readings.filter((m) => !m.carried);
  for (const t of readings) {
    if (!t.carried) continue;
    if ((s.label.programs ?? []).includes(t.program) || (s.label.mentions ?? []).some((m) => m.program === t.program)) acc.carried.right++;
    // The labels list programs, not the task forces and units they name: a reading of one where they list no program is not judged.
    else if (ids.entries.get(t.program) !== 'program' && (s.label.programs ?? []).length === 0) acc.carried.unjudged++;
    else acc.carried.wrong.push({ file, sentence: s.label.text.slice(0, 90), got: t.program, expected: s.label.programs ?? [], labelled: true });
  }
  const labelled = (s.label.mentions ?? []).filter((m) => ids.entries.has(m.program));
  for (const m of labelled) {
    acc.mentions.labelled++;
    const text = m.text.toLowerCase();
    // The tool's mentions that overlap the labelled words: one of the right program is a hit; a
    // wrong one counts as a wrong mapping only when it covers most of the labelled words (an
    // agency's name inside a longer program name is not a mapping of the program).
    const overlapping = inside.filter((t) => t.text.toLowerCase().includes(text) || text.includes(t.text.toLowerCase()));
    if (overlapping.some((t) => t.program === m.program)) {
      acc.mentions.found++;
      continue;
    }
    const covering = overlapping.find((t) => t.text.length * 2 >= m.text.length);
    if (!covering) {
      acc.mentions.missed.push({ file, text: m.text, program: m.program });
      continue;
    }
    acc.mentions.found++;
    acc.mentions.wrong.push({ file, text: m.text, expected: m.program, got: covering.program });
  }
  // A program the tool found in the sentence that the labels do not name there is a wrong mapping.
  const labelledIds = new Set([...(s.label.programs ?? []), ...(s.label.mentions ?? []).map((m) => m.program)]);
  for (const t of inside) {
    if (ids.entries.get(t.program) !== 'program' || labelledIds.has(t.program)) continue;
    if ((s.label.mentions ?? []).some((m) => m.text.toLowerCase() === t.text.toLowerCase())) continue;
    acc.mentions.spurious.push({ file, text: t.text, got: t.program });
  }
  if (s.label.claim === true && (s.label.programs ?? []).some((p) => ids.entries.get(p) === 'program')) {
    acc.claims.labelled++;
    if (readings.some((t) => s.label.programs.includes(t.program))) acc.claims.recognised++;
    else acc.claims.missed.push({ file, sentence: s.label.text.slice(0, 90), programs: s.label.programs });
  }
}

function scoreSuggestion(s, ids, acc, ownSource, file) {
  const uncited = s.found.get('uncited-claim')?.[0];
  if (!uncited || !s.expect.has('uncited-claim')) return;
  const supports = new Set(s.label.supports ?? (ownSource ? [ownSource] : []));
  if (supports.size === 0) return;
  acc.suggestions.judged++;
  const first = uncited.fixes?.[0]?.source ?? uncited.sources?.[0];
  if (first && supports.has(first)) acc.suggestions.supported++;
  else acc.suggestions.unsupported.push({ file, sentence: s.label.text.slice(0, 90), offered: first ?? null, supports: [...supports] });
}

const ratio = (a, b) => (b === 0 ? null : a / b);

/** Runs the CLI on the corpus and returns the scores. */
export function evaluate({ corpus = CORPUS } = {}) {
  const ids = loadBundledIds();
  const acc = {
    codes: blankCounts(),
    mentions: { labelled: 0, found: 0, missed: [], wrong: [], spurious: [] },
    claims: { labelled: 0, recognised: 0, missed: [] },
    carried: { right: 0, unjudged: 0, wrong: [] },
    suggestions: { judged: 0, supported: 0, unsupported: [] },
    falsePositives: [],
    misses: [],
  };
  const problems = [];
  const texts = readLabelled(join(corpus, 'texts'), join(corpus, 'labels'));
  const seeded = readLabelled(join(corpus, 'seeded'), join(corpus, 'seeded'));
  const seededAcc = { ...acc, codes: blankCounts(), falsePositives: [], misses: [] };
  if (texts.length) score(texts, runCli(texts.map((t) => t.path)), ids, { seeded: false }, acc, problems);
  // Each seeded variant alone: its figure is wrong on purpose, so it is not compared across drafts.
  for (const item of seeded) score([item], runCli([item.path]), ids, { seeded: true }, seededAcc, problems);
  const table = (codes) =>
    Object.fromEntries(
      Object.entries(codes).map(([code, c]) => [
        code,
        { ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.expected - c.fn, c.expected) },
      ]),
    );
  return {
    files: { texts: texts.length, seeded: seeded.length },
    real: table(acc.codes),
    seeded: table(seededAcc.codes),
    mentionRecall: ratio(acc.mentions.found, acc.mentions.labelled),
    mentions: { labelled: acc.mentions.labelled, found: acc.mentions.found },
    wrongMappings: acc.mentions.wrong.length,
    spuriousPrograms: acc.mentions.spurious.length,
    claimRecall: ratio(acc.claims.recognised, acc.claims.labelled),
    claims: { labelled: acc.claims.labelled, recognised: acc.claims.recognised },
    carried: { right: acc.carried.right, unjudged: acc.carried.unjudged, wrong: acc.carried.wrong.length },
    firstSuggestionSupports: ratio(acc.suggestions.supported, acc.suggestions.judged),
    suggestions: { judged: acc.suggestions.judged, supported: acc.suggestions.supported },
    details: {
      falsePositives: [...acc.falsePositives, ...seededAcc.falsePositives],
      misses: [...acc.misses, ...seededAcc.misses],
      missedMentions: acc.mentions.missed,
      wrongMappings: acc.mentions.wrong,
      spuriousPrograms: acc.mentions.spurious,
      unrecognisedClaims: acc.claims.missed,
      wrongCarried: acc.carried.wrong,
      unsupportedSuggestions: acc.suggestions.unsupported,
    },
    problems,
  };
}

const fmt = (x) => (x === null ? '–' : x.toFixed(2));

/** The report as Markdown tables (the README shows it). */
export function formatReport(r) {
  const lines = [];
  lines.push(`Corpus: ${r.files.texts} real texts, ${r.files.seeded} seeded-error variants.`, '');
  lines.push('| code | real: found right / wrong / unjudged | precision | recall (expected) | seeded: precision | seeded: recall (expected) |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const code of CODES) {
    const a = r.real[code];
    const b = r.seeded[code];
    lines.push(
      `| \`${code}\` | ${a.tp} / ${a.fp} / ${a.unjudged} | ${fmt(a.precision)} | ${fmt(a.recall)} (${a.expected}) | ${fmt(b.precision)} | ${fmt(b.recall)} (${b.expected}) |`,
    );
  }
  lines.push('');
  lines.push(`Mention recall (programs in the records): ${fmt(r.mentionRecall)} (${r.mentions.found} of ${r.mentions.labelled})`);
  lines.push(`Wrong program mappings: ${r.wrongMappings}; programs found where the labels name none: ${r.spuriousPrograms}`);
  lines.push(`Claim recall (claims about recorded programs recognised): ${fmt(r.claimRecall)} (${r.claims.recognised} of ${r.claims.labelled})`);
  lines.push(`Sentences naming no program read as about one (carried): ${r.carried.right} right / ${r.carried.wrong} wrong / ${r.carried.unjudged} unjudged`);
  lines.push(`First citation offered supports the sentence: ${fmt(r.firstSuggestionSupports)} (${r.suggestions.supported} of ${r.suggestions.judged})`);
  return lines.join('\n');
}

/** Floors from test/realtext/floors.json that the scores fall below. */
export function belowFloors(r, floors) {
  const failures = [];
  const get = (path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), r);
  for (const [path, floor] of Object.entries(floors)) {
    const value = get(path);
    if (path.endsWith('wrongMappings') || path.endsWith('.fp') || path.endsWith('.wrong')) {
      if (value > floor) failures.push(`${path}: ${value} (at most ${floor})`);
    } else if (value === null || value === undefined || value < floor) {
      failures.push(`${path}: ${value === null || value === undefined ? 'none' : value.toFixed(3)} (floor ${floor})`);
    }
  }
  return failures;
}

function main() {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean' },
      check: { type: 'boolean' },
      details: { type: 'boolean' },
      corpus: { type: 'string' },
    },
  });
  const corpus = values.corpus ? resolve(values.corpus) : CORPUS;
  const r = evaluate({ corpus });
  if (values.json) console.log(JSON.stringify(r, null, 2));
  else {
    console.log(formatReport(r));
    if (values.details) {
      const { details } = r;
      for (const [title, rows] of Object.entries(details)) {
        console.log(`\n${title} (${rows.length}):`);
        for (const row of rows) console.log('  ' + JSON.stringify(row));
      }
    }
    for (const p of r.problems) console.log(`label problem: ${p}`);
  }
  if (values.check) {
    const floors = JSON.parse(readFileSync(join(corpus, 'floors.json'), 'utf8'));
    const failures = belowFloors(r, floors);
    if (failures.length) {
      console.error(`Below the floors:\n  ${failures.join('\n  ')}`);
      process.exit(1);
    }
    if (r.problems.length) process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
