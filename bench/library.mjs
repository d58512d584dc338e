// The source-library bench: `npm run bench:library` (`node --expose-gc bench/library.mjs`).
//
// Generates a seeded library of 2,000 text documents of about 100 KB each (LIB_DOCS to change
// the count; `--quick`: 200) in the OS temporary folder, then measures in this process:
// - building the index from the files (read, tokenise, write the disk cache), and again from
//   the disk cache in a fresh service, as a new server would;
// - memory after the build (RSS, heap, typed arrays; the word index and resident documents);
// - queries, p50 and p95 over 400 quotes of 6–30 words taken from random documents (half
//   exact, a quarter with one word changed, a quarter made of words from elsewhere):
//   `locate(key, quote)` in the cited document, `locateAnywhere(quote)` over the whole
//   library, `findNumber` and `findAlias` in the cited document;
// - the floor, in the same run: a plain String.indexOf of each exact quote in the cited
//   document's text, and in every document's text (what a search without an index costs).
// Prints a table and writes bench/library-results.json.
import { build } from 'esbuild';
import { common } from '../scripts/esbuild.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, cpus, loadavg, platform, release, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '.build');
const QUICK = process.argv.includes('--quick');
const WARM = process.argv.includes('--warm');
const DOCS = Number(process.env.LIB_DOCS ?? (QUICK ? 200 : 2000));
const DOC_BYTES = 100_000;
const QUERIES = QUICK ? 100 : 400;
const started = performance.now();
const log = (...a) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);
const gc = () => globalThis.gc?.();
const mb = (b) => Math.round(b / 1048576);
const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const at = (s.length - 1) * p;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (at - lo);
};
const r2 = (n) => Number(n.toFixed(n < 1 ? 3 : 2));

mkdirSync(OUT, { recursive: true });
await build({
  entryPoints: [join(HERE, 'libraryEntry.ts')],
  outfile: join(OUT, 'library.cjs'),
  ...common,
});
const lib = createRequire(import.meta.url)(join(OUT, 'library.cjs'));

// ---------------------------------------------------------------------------------------
// The generated library

class Rng {
  constructor(seed) {
    this.s = seed >>> 0;
  }
  next() {
    this.s = (Math.imul(this.s, 1664525) + 1013904223) >>> 0;
    return this.s / 2 ** 32;
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
}

const SYLLABLES = ['ka', 'ro', 'ti', 'men', 'sa', 'lu', 'ver', 'do', 'ni', 'gra', 'po', 'ce', 'ther', 'al', 'in', 'es', 'tor', 'mi', 'que', 'ban', 'fi', 'str', 'ou', 'ly', 'tion', 'ra', 'ge', 'pe'];
function vocabulary(n, rng) {
  const words = new Set();
  while (words.size < n) {
    let w = '';
    const len = rng.int(1, 4);
    for (let i = 0; i < len; i++) w += SYLLABLES[rng.int(0, SYLLABLES.length - 1)];
    words.add(w);
  }
  return [...words];
}

/** One document: Zipf-distributed words in sentences and paragraphs, lines wrapped (some hyphenated), pages split by form feeds. */
function documentText(rng, vocab) {
  let text = '';
  let line = '';
  let sinceFeed = 0;
  const zipf = () => vocab[Math.min(vocab.length - 1, Math.floor(vocab.length * rng.next() ** 2.5))];
  while (text.length < DOC_BYTES) {
    const words = rng.int(8, 30);
    for (let i = 0; i < words; i++) {
      let w = zipf();
      if (i === 0) w = w[0].toUpperCase() + w.slice(1);
      const roll = rng.next();
      if (roll < 0.02) w = `${rng.int(2, 999)},${String(rng.int(0, 999)).padStart(3, '0')}`;
      else if (roll < 0.03) w = `$${rng.int(1, 9)}.${rng.int(1, 9)} million`;
      else if (roll < 0.05) w = String(rng.int(1990, 2024));
      else if (roll < 0.06) w = 'ICE';
      if (i === words - 1) w += '.';
      else if (rng.next() < 0.08) w += ',';
      if (line.length + w.length + 1 > 90) {
        if (w.length > 7 && rng.next() < 0.1) {
          const cut = Math.floor(w.length / 2);
          text += `${line} ${w.slice(0, cut)}-\n`;
          line = w.slice(cut);
          continue;
        }
        text += `${line}\n`;
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    if (rng.next() < 0.2) {
      text += `${line}\n\n`;
      line = '';
    }
    sinceFeed = text.length - text.lastIndexOf('\f');
    if (sinceFeed > 3500) text += '\f';
  }
  return text + line + '\n';
}

const dataDir = join(tmpdir(), `claimcheck-bench-library-${DOCS}`);
const docsDir = join(dataDir, 'docs');
const marker = join(dataDir, 'done-v1');
if (!existsSync(marker)) {
  log(`generating ${DOCS} documents of ~${DOC_BYTES / 1000} KB in ${docsDir}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(docsDir, { recursive: true });
  const rng = new Rng(2026);
  const vocab = vocabulary(40_000, rng);
  for (let i = 0; i < DOCS; i++) writeFileSync(join(docsDir, `doc-${String(i).padStart(4, '0')}.txt`), documentText(rng, vocab));
  writeFileSync(marker, '');
}
const keys = readdirSync(docsDir).map((f) => f.replace(/\.txt$/, '')).sort();
const totalBytes = keys.reduce((n, k) => n + readFileSync(join(docsDir, `${k}.txt`)).length, 0);
log(`${keys.length} documents, ${mb(totalBytes)} MB of text`);

// ---------------------------------------------------------------------------------------
// Building the index

const cacheDir = join(dataDir, 'cache');
if (!WARM) {
  rmSync(cacheDir, { recursive: true, force: true });
  gc();
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const cold = new lib.LibraryService({ cacheDir });
  let progressCalls = 0;
  await cold.build({ folders: [docsDir] }, { onProgress: () => progressCalls++ });
  const buildColdMs = performance.now() - t0;
  const status = cold.index.status();
  log(`build from the files: ${(buildColdMs / 1000).toFixed(1)} s, ${status.documents} documents, ${status.pages} pages, ${status.words} words`);
  gc();
  const m = process.memoryUsage();
  const im = cold.index.memory();
  // The rest in a fresh process, as a new server starts: from the disk cache.
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--warm', ...(QUICK ? ['--quick'] : [])], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  if (child.status !== 0) throw new Error(`the second process failed (${child.status})`);
  const warm = JSON.parse(child.stdout);
  const results = {
    generatedAt: new Date().toISOString(),
    command: 'npm run bench:library',
    machine: { loadAverage: loadavg().map((x) => r2(x)), node: process.version, platform: `${platform()} ${release()} ${arch()}`, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' },
    library: { documents: status.documents, megabytes: mb(totalBytes), pages: status.pages, words: status.words },
    buildFromFiles: {
      seconds: r2(buildColdMs / 1000),
      progressCalls,
      rssMb: mb(m.rss),
      rssGrowthMb: mb(m.rss - rssBefore),
      heapUsedMb: mb(m.heapUsed),
      arrayBuffersMb: mb(m.arrayBuffers),
      wordIndexMb: r2(im.postings / 1048576),
      residentDocumentsMb: r2(im.resident / 1048576),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      cacheOnDiskMb: mb(readdirSync(join(cacheDir, 'library')).reduce((n, f) => n + statSync(join(cacheDir, 'library', f)).size, 0)),
    },
    ...warm,
  };
  writeFileSync(join(HERE, 'library-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
  process.exit(0);
}

// --warm: a new server's view. The summaries from the cache; no document text until a question needs it.
gc();
const rssAtStart = process.memoryUsage().rss;
let t0 = performance.now();
const warm = new lib.LibraryService({ cacheDir });
await warm.build({ folders: [docsDir] });
const buildWarmMs = performance.now() - t0;
log(`build from the disk cache: ${(buildWarmMs / 1000).toFixed(1)} s`);
gc();
const memWarm = process.memoryUsage();
const warmIndexMem = warm.index.memory();
t0 = performance.now();
await warm.build({ folders: [docsDir] });
const rebuildNoChangeMs = performance.now() - t0;
gc();

// ---------------------------------------------------------------------------------------
// Queries

const rng = new Rng(99);
const texts = new Map();
const textOf = (k) => {
  let t = texts.get(k);
  if (!t) {
    t = readFileSync(join(docsDir, `${k}.txt`), 'utf8');
    texts.set(k, t);
  }
  return t;
};
const queries = [];
for (let i = 0; i < QUERIES; i++) {
  const key = keys[rng.int(0, keys.length - 1)];
  const text = textOf(key);
  const tokens = lib.tokenizeWords(text);
  const len = rng.int(6, 30);
  const at = rng.int(0, tokens.starts.length - len - 1);
  // As a writer would copy it: a word hyphenated at a line end written whole.
  const quote = text.slice(tokens.starts[at], tokens.ends[at + len - 1]).replace(/-\n/g, '').replace(/\s+/g, ' ');
  const words = quote.split(' ');
  const kind = i % 4 === 0 || i % 4 === 1 ? 'exact' : i % 4 === 2 ? 'changed' : 'absent';
  let passage = quote;
  if (kind === 'changed') {
    words[Math.floor(words.length / 2)] = 'zzyzx';
    passage = words.join(' ');
  } else if (kind === 'absent') {
    const other = textOf(keys[rng.int(0, keys.length - 1)]).split(/\s+/);
    passage = Array.from({ length: len }, () => other[rng.int(0, other.length - 1)]).join(' ');
  }
  const number = Number((/\d[\d,]*/.exec(text.slice(tokens.starts[at])) ?? ['1990'])[0].replace(/,/g, ''));
  queries.push({ key, kind, passage, exactText: kind === 'exact' && !quote.includes('-') ? quote : undefined, number });
}
texts.clear();

/**
 * Each query's time on its first run (a document not in memory is read back from the disk
 * cache then), and the fastest of three runs: the machine is shared, and a query preempted by
 * another process only ever takes longer, so the fastest run is the steadiest estimate of the
 * code's own cost.
 */
function time(fn) {
  gc();
  const first = [];
  const fastest = [];
  for (const x of queries) {
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const s = performance.now();
      fn(x, r);
      const ms = performance.now() - s;
      if (r === 0) first.push(ms);
      best = Math.min(best, ms);
    }
    fastest.push(best);
  }
  first.fastest = fastest;
  return first;
}
const index = warm.index;
// Warm the code paths (not the documents: most are read back from the cache, as in use).
for (const x of queries.slice(0, 20)) index.locate(x.key, x.passage);

let found = { exact: 0, near: 0, none: 0 };
const locateMs = time((x, r) => {
  const m = index.locate(x.key, x.passage);
  if (r > 0) return;
  if (x.kind === 'exact' && m?.exact) found.exact++;
  if (x.kind === 'changed' && m && !m.exact && m.similarity > 0.8) found.near++;
  if (x.kind === 'absent' && (!m || m.similarity < 0.5)) found.none++;
});
let anywhereRight = 0;
const anywhereMs = time((x, r) => {
  const [m] = index.locateAnywhere(x.passage);
  if (r > 0) return;
  if (x.kind !== 'absent' && m?.document.keys.includes(x.key)) anywhereRight++;
});
const numberMs = time((x) => index.findNumber(x.key, x.number));
const aliasMs = time((x) => index.findAlias(x.key, ['Inter-Agency Task Force', 'ICE']));
const memAfterQueries = process.memoryUsage();

const peakBeforeFloor = Math.round(process.resourceUsage().maxRSS / 1024);
// The floor: String.indexOf of the exact quotes, in the cited document and in all of them.
const exactQueries = queries.filter((x) => x.exactText);
const allTexts = keys.map((k) => readFileSync(join(docsDir, `${k}.txt`), 'utf8'));
const byKey = new Map(keys.map((k, i) => [k, allTexts[i]]));
const floorOneMs = [];
floorOneMs.fastest = [];
for (const x of exactQueries) {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const s = performance.now();
    byKey.get(x.key).indexOf(x.exactText);
    const ms = performance.now() - s;
    if (r === 0) floorOneMs.push(ms);
    best = Math.min(best, ms);
  }
  floorOneMs.fastest.push(best);
}
const floorAllMs = [];
for (const x of exactQueries.slice(0, QUICK ? 20 : 40)) {
  const s = performance.now();
  for (const t of allTexts) if (t.indexOf(x.exactText) >= 0) break;
  floorAllMs.push(performance.now() - s);
}

const row = (xs) => ({
  p50: r2(q(xs, 0.5)),
  p95: r2(q(xs, 0.95)),
  max: r2(Math.max(...xs)),
  ...(xs.fastest ? { fastestOf3: { p50: r2(q(xs.fastest, 0.5)), p95: r2(q(xs.fastest, 0.95)) } } : {}),
});
const results = {
  buildFromCache: {
    seconds: r2(buildWarmMs / 1000),
    unchangedSeconds: r2(rebuildNoChangeMs / 1000),
    rssAtStartMb: mb(rssAtStart),
    rssMb: mb(memWarm.rss),
    heapUsedMb: mb(memWarm.heapUsed),
    arrayBuffersMb: mb(memWarm.arrayBuffers),
    wordIndexMb: r2(warmIndexMem.postings / 1048576),
  },
  afterQueries: { rssMb: mb(memAfterQueries.rss), residentDocumentsMb: r2(warm.index.memory().resident / 1048576), peakRssMb: peakBeforeFloor },
  queriesMs: {
    locateInCitedDocument: row(locateMs),
    locateAnywhere: row(anywhereMs),
    findNumber: row(numberMs),
    findAlias: row(aliasMs),
    floorIndexOfCitedDocument: row(floorOneMs),
    floorIndexOfWholeLibrary: row(floorAllMs),
  },
  ratios: {
    locateAnywhereP95OverFloorWholeLibraryP95: r2(q(anywhereMs, 0.95) / q(floorAllMs, 0.95)),
    locateP95OverFloorCitedDocumentP95: r2(q(locateMs, 0.95) / q(floorOneMs, 0.95)),
    locateFastestP95OverFloorFastestP95: r2(q(locateMs.fastest, 0.95) / q(floorOneMs.fastest, 0.95)),
  },
  answers: {
    exactFound: `${found.exact}/${queries.filter((x) => x.kind === 'exact').length}`,
    changedFoundAsNear: `${found.near}/${queries.filter((x) => x.kind === 'changed').length}`,
    absentNotFound: `${found.none}/${queries.filter((x) => x.kind === 'absent').length}`,
    anywhereRightDocument: `${anywhereRight}/${queries.filter((x) => x.kind !== 'absent').length}`,
  },
};
process.stdout.write(JSON.stringify(results));
