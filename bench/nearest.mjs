// The did-you-mean search alone: `node --expose-gc bench/nearest.mjs [--programs=N] [answers.json]` (after `npm run build`).
//
// Bundles the core as bench/run.mjs does and builds the bundled records plus the 100,000 (or N)
// synthetic programs of bench/generate.ts. Then, with that record set:
// - the did-you-mean index: the time to build it (at the first name no record knows) and the
//   memory it holds (heap and typed arrays' buffers, after a full collection);
// - the time per distinct word of names no record knows: misspelt synthetic and recorded
//   names, and made-up words, each asked once (a word asked again is answered from a cache);
// - with the answers file given, writes every answer there, and the `unknown-program` messages
//   of the corpus texts and fixture drafts with the bundled records and with the 100,000
//   programs, so that two versions can be compared with `diff`.
import { build } from 'esbuild';
import { common } from '../scripts/esbuild.mjs';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(HERE, '.build');
mkdirSync(OUT, { recursive: true });
const corePath = join(OUT, 'core.cjs');
await build({ ...common, entryPoints: [join(HERE, 'entry.ts')], outfile: corePath });
const core = createRequire(import.meta.url)(corePath);
const gc = globalThis.gc ?? (() => {});
if (!globalThis.gc) console.error('run with --expose-gc for the memory figures');

const bundledFiles = core.readRecordFiles(
  core.BUNDLED_FILES.map((f) => join(core.bundledDataDir(corePath), f)),
  true,
).files;
const bundled = core.RecordSet.fromTexts(bundledFiles);
const PROGRAMS = Number(process.argv.find((a) => a.startsWith('--programs='))?.slice(11) ?? 100_000);
const big = core.RecordSet.fromTexts([...bundledFiles, ...core.generateSyntheticRecords({ programs: PROGRAMS })]);

// Names to ask about: recorded and synthetic names with one or two letters changed, and made-up words.
const rng = new core.Rng(11);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
function misspell(word) {
  let w = word;
  for (let e = rng.int(1, 2); e > 0; e--) {
    const at = rng.int(0, w.length - 1);
    const kind = rng.int(0, 2);
    const c = rng.pick(LETTERS);
    w = kind === 0 ? w.slice(0, at) + c + w.slice(at + 1) : kind === 1 ? w.slice(0, at) + w.slice(at + 1) : w.slice(0, at) + c + w.slice(at);
  }
  return w;
}
const programs = [...big.programs.values()].map((p) => p.value);
const names = [];
for (let i = 0; i < 200; i++) {
  const p = programs[rng.int(0, programs.length - 1)];
  const word = p.name.split(' ').find((w) => w.length >= 5) ?? p.name;
  names.push(`Operation ${misspell(word)}`);
}
for (let i = 0; i < 100; i++) names.push(`Operation ${Array.from({ length: rng.int(5, 11) }, () => rng.pick(LETTERS)).join('')}`);

const mem = () => {
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
};
const mb = (b) => Math.round((b / 2 ** 20) * 10) / 10;

const m0 = mem();
let t = performance.now();
core.nearestNames(big, 'Operation Zzz'); // a word too short to be near any: builds the index only
const buildMs = performance.now() - t;
const m1 = mem();
t = performance.now();
core.nearestNames(big, 'Operation Martilo');
const firstNearMs = performance.now() - t;
const m2 = mem();

const distinct = new Set();
for (const n of names) for (const w of n.split(' ').slice(1)) if (w.length >= 5) distinct.add(w.toLowerCase());
const answers = {};
t = performance.now();
for (const n of names) answers[n] = core.nearestNames(big, n);
const askMs = performance.now() - t;
const m3 = mem();
// What each question looked at (the index's own count), where the index exists.
let looked;
if (core.nearWordIndex) {
  const index = core.nearWordIndex(big);
  let visited = 0;
  let found = 0;
  t = performance.now();
  for (const w of distinct) {
    found += index.near(w).length;
    visited += index.visited;
  }
  const nearMs = performance.now() - t;
  looked = {
    indexedWords: index.words,
    indexBytesMb: mb(index.bytes),
    msPerWordIndexOnly: Math.round((nearMs / distinct.size) * 1000) / 1000,
    visitedPerWord: Math.round(visited / distinct.size),
    visitedFraction: Math.round((visited / distinct.size / (3 * index.words)) * 1e5) / 1e5,
    nearPerWord: Math.round((found / distinct.size) * 10) / 10,
  };
}

console.log(
  JSON.stringify(
    {
      programs: big.programs.size,
      nameIndexMs: Math.round(buildMs),
      nameIndexMb: { heap: mb(m1.heap - m0.heap), buffers: mb(m1.buffers - m0.buffers) },
      firstNearWordMs: Math.round(firstNearMs * 10) / 10,
      afterFirstNearWordMb: { heap: mb(m2.heap - m1.heap), buffers: mb(m2.buffers - m1.buffers) },
      names: names.length,
      distinctWords: distinct.size,
      msPerDistinctWord: Math.round((askMs / distinct.size) * 1000) / 1000,
      afterAllMb: { heap: mb(m3.heap - m1.heap), buffers: mb(m3.buffers - m1.buffers) },
      nearAnswers: Object.values(answers).filter((a) => a.length > 0).length,
      looked,
    },
    null,
    1,
  ),
);

const out = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (out) {
  const messages = {};
  const texts = [
    ...readdirSync(join(ROOT, 'test/realtext/texts')).map((f) => join(ROOT, 'test/realtext/texts', f)),
    ...readdirSync(join(ROOT, 'test/fixtures/drafts')).map((f) => join(ROOT, 'test/fixtures/drafts', f)),
  ].filter((f) => f.endsWith('.md'));
  for (const [label, records] of [
    ['bundled', bundled],
    ['100k', big],
  ]) {
    for (const f of texts) {
      const found = new core.DocumentAnalyzer(records).analyze(readFileSync(f, 'utf8')).findings.filter((x) => x.code === 'unknown-program');
      if (found.length) messages[`${label} ${f.slice(ROOT.length + 1)}`] = found.map((x) => x.message);
    }
  }
  writeFileSync(out, JSON.stringify({ answers, messages }, null, 1));
}
