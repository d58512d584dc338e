// How the source index's structure was chosen: `node --expose-gc bench/library-alternatives.mjs`
// (after `npm run bench:library`, whose generated documents it reads; LIB_SUBSET documents of
// them, 200 by default, about 19 MB of text).
//
// Three structures over the same documents, in one process, each built, measured for memory
// (heap and typed arrays after a full GC) and asked the same 200 quotes (half exact, half with
// one word changed): the time to the right document and place, p50 and p95.
// - words: what Claim Check uses (server/src/library/): a document-level word index, and per
//   document its words as hashes in order; a quote is looked for only in the documents that
//   hold its rarest words, by voting where its words line up and aligning there;
// - shingles: a positional index of every 3-word shingle hash (doc, position), a quote found by
//   its shingles' votes;
// - MiniSearch 7 (a full-text library) over page-sized passages, a quote searched as words
//   (AND, then OR when a word was changed), and the best passage checked by indexOf.
// A suffix array is left out by arithmetic: 4 bytes per character for 191 MB of text is 764 MB
// before the text itself.
import { build } from 'esbuild';
import { common } from '../scripts/esbuild.mjs';
import MiniSearch from 'minisearch';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '.build');
const N = Number(process.env.LIB_SUBSET ?? 200);
const docsDir = join(tmpdir(), 'claimcheck-bench-library-2000', 'docs');
if (!existsSync(docsDir)) {
  console.error('Run `npm run bench:library` first: it generates the documents.');
  process.exit(2);
}
await build({
  entryPoints: [join(HERE, 'libraryEntry.ts')],
  outfile: join(OUT, 'library.cjs'),
  ...common,
});
const lib = createRequire(import.meta.url)(join(OUT, 'library.cjs'));
const gc = () => globalThis.gc?.();
const mem = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * p;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (at - lo);
};
const r2 = (n) => Number(n.toFixed(n < 1 ? 3 : 2));

const files = readdirSync(docsDir).sort().slice(0, N);
const texts = files.map((f) => readFileSync(join(docsDir, f), 'utf8'));
const megabytes = texts.reduce((n, t) => n + t.length, 0) / 1048576;

// The same quotes for all three.
let seed = 5;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const queries = [];
for (let i = 0; i < 200; i++) {
  const d = Math.floor(rnd() * texts.length);
  const words = texts[d].replace(/-\n/g, '').split(/\s+/);
  const len = 6 + Math.floor(rnd() * 25);
  const at = Math.floor(rnd() * (words.length - len - 1));
  const w = words.slice(at, at + len);
  if (i % 2) w[Math.floor(len / 2)] = 'zzyzx';
  queries.push({ doc: d, passage: w.join(' '), exact: i % 2 === 0 });
}

function run(name, buildFn, queryFn) {
  const before = mem();
  const t0 = performance.now();
  const state = buildFn();
  const buildMs = performance.now() - t0;
  const bytes = mem() - before;
  const times = [];
  let right = 0;
  for (const x of queries) {
    const s = performance.now();
    if (queryFn(state, x) === x.doc) right++;
    times.push(performance.now() - s);
  }
  const row = { name, buildSeconds: r2(buildMs / 1000), memoryMb: r2(bytes / 1048576), queryP50Ms: r2(q(times, 0.5)), queryP95Ms: r2(q(times, 0.95)), rightDocument: `${right}/${queries.length}` };
  console.error(JSON.stringify(row));
  return row;
}

const rows = [];
rows.push(
  run(
    'words (Claim Check)',
    () => {
      const index = new lib.LibraryIndex();
      texts.forEach((t, i) => index.add({ keys: [String(i)], path: String(i) }, lib.indexDocument({ format: 'text', text: t, pageStarts: [0] })));
      index.seal();
      return index;
    },
    (index, x) => Number(index.locateAnywhere(x.passage, 1)[0]?.document.keys[0] ?? -1),
  ),
);
gc();

rows.push(
  run(
    'shingles (3 words, positional)',
    () => {
      const postings = new Map();
      texts.forEach((t, d) => {
        const h = lib.tokenizeWords(t).hashes;
        for (let i = 0; i + 2 < h.length; i++) {
          const s = (Math.imul(h[i], 31) ^ Math.imul(h[i + 1], 17) ^ h[i + 2]) >>> 0;
          const v = d * 2 ** 20 + i;
          const list = postings.get(s);
          if (list) list.push(v);
          else postings.set(s, [v]);
        }
      });
      return postings;
    },
    (postings, x) => {
      const h = lib.passageQuery(x.passage).hashes;
      const votes = new Map();
      for (let i = 0; i + 2 < h.length; i++) {
        const s = (Math.imul(h[i], 31) ^ Math.imul(h[i + 1], 17) ^ h[i + 2]) >>> 0;
        for (const v of postings.get(s) ?? []) {
          const d = Math.floor(v / 2 ** 20);
          const key = d * 2 ** 20 + ((v % 2 ** 20) - i + 64);
          votes.set(key, (votes.get(key) ?? 0) + 1);
        }
      }
      let best = -1;
      let top = 0;
      for (const [k, n] of votes) if (n > top) [top, best] = [n, Math.floor(k / 2 ** 20)];
      return best;
    },
  ),
);
gc();

rows.push(
  run(
    'MiniSearch 7 over pages',
    () => {
      const ms = new MiniSearch({ fields: ['text'], storeFields: [] });
      const pages = [];
      texts.forEach((t, d) => t.split('\f').forEach((p) => pages.push({ id: pages.length, doc: d, text: p })));
      ms.addAll(pages);
      return { ms, pages };
    },
    ({ ms, pages }, x) => {
      let hits = ms.search(x.passage, { combineWith: 'AND' });
      if (hits.length === 0) hits = ms.search(x.passage, { combineWith: 'OR' });
      const page = hits[0] && pages[hits[0].id];
      if (page) page.text.replace(/-\n/g, '').replace(/\s+/g, ' ').indexOf(x.passage);
      return page ? page.doc : -1;
    },
  ),
);

const result = { generatedAt: new Date().toISOString(), command: 'node --expose-gc bench/library-alternatives.mjs', documents: N, megabytes: r2(megabytes), rows };
writeFileSync(join(HERE, 'library-alternatives.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
