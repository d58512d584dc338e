/**
 * The recorded names nearest to a name no record knows, for "did you mean FTI Chortí?": names
 * that share a distinctive word with it (its generic words — "Operation", "Task Force",
 * "Fuerza de Tarea" — aside), written the same or within two letters' difference.
 */
import type { RecordSet } from './recordSet';
import { fold } from './aliasIndex';
import { SAME_WORD } from './nameVariants';
import { FNV_OFFSET, FNV_PRIME, finish, WordTable } from './wordTable';

const GENERIC = new Set(
  'operation operacion campaign campana task force forces fuerza fuerzas tarea de del la las el los the of and y joint conjunta interagency interinstitucional interagencial inter agency united states us u s national nacional special especial unit unidad units unidades group grupo border frontera guatemala honduras el salvador mexico'.split(' '),
);

function words(name: string): string[] {
  return (name.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).map((w) => fold(w)).map((w) => SAME_WORD.get(w) ?? w).filter((w) => w.length >= 3 && !GENERIC.has(w));
}

/** The two rows distance() works in, kept between calls. */
let rows = [new Int32Array(64), new Int32Array(64)];

/**
 * Levenshtein distance between `a` and word `id` of `table` if it is at most `limit`, else
 * `limit + 1`. Only the cells within `limit` of the diagonal are filled (a path through any other
 * costs more), and it stops once a row has none within `limit`.
 */
function distance(a: string, table: WordTable, id: number, limit: number): number {
  const m = a.length;
  const n = table.length(id);
  const over = limit + 1;
  if (Math.abs(m - n) > limit) return over;
  if (rows[0].length <= n + 1) rows = [new Int32Array(2 * n + 2), new Int32Array(2 * n + 2)];
  let prev = rows[0];
  let cur = rows[1];
  for (let j = 0; j <= n; j++) prev[j] = j <= limit ? j : over;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(n, i + limit);
    cur[lo - 1] = lo === 1 && i <= limit ? i : over;
    let best = cur[lo - 1];
    const c = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      let v = prev[j - 1] + (c === table.charCodeAt(id, j - 1) ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (v > over) v = over;
      cur[j] = v;
      if (v < best) best = v;
    }
    if (hi < n) cur[hi + 1] = over;
    if (best > limit) return over;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[n], over);
}

/**
 * The recorded names' words, indexed once per record set: each word with the aliases that hold
 * it. Compact, for it covers every program: the words in a WordTable, and the aliases that hold
 * word w at `postings[2k]` (program) and `postings[2k + 1]` (its alias: 0 the name, then its
 * aliases) for k from `first[w]` to `first[w + 1]`, a word counted once each time an alias has it.
 */
interface NameIndex {
  names: string[];
  words: WordTable;
  first: Int32Array;
  postings: Int32Array;
  /** Per name asked about, the answer (a draft names the same unknown name many times). */
  answers: Map<string, string[]>;
  /** Per word asked about, the recorded words (their numbers) within two letters of it. */
  near: Map<string, number[]>;
  /** The recorded words by their parts, built at the first word asked about that can have near words. */
  nearIndex?: NearWordIndex;
}

const indexes = new WeakMap<RecordSet, NameIndex>();

/** Calls `f` with each word of each of the program's names (0 its name, then its aliases), a word once each time a name has it. */
function forEachWord(program: { name: string; aliases: readonly string[] }, f: (word: string, alias: number) => void): void {
  for (let a = 0; a <= program.aliases.length; a++) for (const w of words(a === 0 ? program.name : program.aliases[a - 1])) f(w, a);
}

function nameIndex(records: RecordSet): NameIndex {
  const known = indexes.get(records);
  if (known) return known;
  const names: string[] = [];
  const table = new WordTable();
  // Two passes over the aliases' words: the first numbers them and counts each word's aliases,
  // the second lists them, grouped by word. (A list of every (word, program, alias) triple,
  // grown by doubling, was 12 MB with 100,000 programs, on top of the index it was copied into.)
  let counts = new Int32Array(1024);
  let count = 0;
  for (const { value: program } of records.programs.values()) {
    names.push(program.name);
    forEachWord(program, (w) => {
      const id = table.add(w);
      if (id + 2 > counts.length) {
        const bigger = new Int32Array(counts.length * 2);
        bigger.set(counts);
        counts = bigger;
      }
      counts[id + 1]++;
      count++;
    });
  }
  table.trim();
  const first = counts.slice(0, table.size + 1);
  counts = new Int32Array(0);
  for (let w = 0; w < table.size; w++) first[w + 1] += first[w];
  const next = first.slice(0, table.size);
  const postings = new Int32Array(2 * count);
  let p = 0;
  for (const { value: program } of records.programs.values()) {
    forEachWord(program, (w, a) => {
      const at = next[table.get(w)]++;
      postings[2 * at] = p;
      postings[2 * at + 1] = a;
    });
    p++;
  }
  const index: NameIndex = { names, words: table, first, postings, answers: new Map(), near: new Map() };
  indexes.set(records, index);
  return index;
}

/** Recorded words of five letters or more within two letters' difference of `word`. */
function nearWords(index: NameIndex, word: string): number[] {
  let near = index.near.get(word);
  if (near) return near;
  near = [];
  if (word.length >= NEAR_MIN) {
    index.nearIndex ??= new NearWordIndex(index.words);
    near = index.nearIndex.near(word, index.words.get(word));
  }
  if (index.near.size >= 10_000) index.near.clear();
  index.near.set(word, near);
  return near;
}

/** The shortest word that has near words. */
export const NEAR_MIN = 5;

/** Where part `i` (0 to 4) of a word of `n` letters starts: its four parts, cut as evenly as can be. */
function cut(n: number, i: number): number {
  return (i * n) >> 2;
}

/** The pairs of parts (i, j), numbered 0 to 5. */
const PAIRS: ReadonlyArray<readonly [number, number]> = [
  [0, 1],
  [0, 2],
  [0, 3],
  [1, 2],
  [1, 3],
  [2, 3],
];


/**
 * The words of a WordTable within two letters' difference (Levenshtein distance, in UTF-16 code
 * units) of a word, without comparing it with every word. Each word of five letters or more is
 * cut in four parts. Two edits change at most two of them, so a word within two edits of the
 * one asked about holds two of its parts unchanged, each shifted by the edits before it: if
 * part i is found `si` characters from where it starts and part j `sj`, the edits number at
 * least |si| (before part i) + |sj − si| (between them) + |length difference − sj| (after part
 * j), and at most two. The index lists each word under each pair of its parts (with its length
 * and the pair's number), in buckets by hash: a question looks up, for each length within two of
 * its own, each pair of parts and each pair of places the edits allow, the words listed there,
 * and measures the distance only to those that hold both parts there. So a question costs the
 * words that share half of it, where they could, not the whole vocabulary. Two typed arrays: for
 * bucket b, the words at `postings[first[b]]` to `postings[first[b + 1] - 1]`, each as word
 * number × 8 + pair number.
 */
export class NearWordIndex {
  private readonly first: Int32Array;
  private readonly postings: Int32Array;
  private readonly mask: number;
  /** How many listed words the last question looked at. */
  visited = 0;

  constructor(private readonly table: WordTable) {
    let count = 0;
    for (let w = 0; w < table.size; w++) if (table.length(w) >= NEAR_MIN) count += PAIRS.length;
    let buckets = 1;
    while (buckets * 4 < count) buckets *= 2;
    this.mask = buckets - 1;
    const first = new Int32Array(buckets + 1);
    for (let w = 0; w < table.size; w++) if (table.length(w) >= NEAR_MIN) for (let pair = 0; pair < PAIRS.length; pair++) first[this.wordBucket(w, pair) + 1]++;
    for (let b = 0; b < buckets; b++) first[b + 1] += first[b];
    const next = first.slice(0, buckets);
    const postings = new Int32Array(count);
    for (let w = 0; w < table.size; w++) if (table.length(w) >= NEAR_MIN) for (let pair = 0; pair < PAIRS.length; pair++) postings[next[this.wordBucket(w, pair)]++] = 8 * w + pair;
    this.first = first;
    this.postings = postings;
  }

  /** How many words it lists: the table's words of five letters or more. */
  get words(): number {
    return this.postings.length / PAIRS.length;
  }

  /** The bytes its typed arrays hold. */
  get bytes(): number {
    return this.first.byteLength + this.postings.byteLength;
  }

  /** The bucket of word `w` of the table under its pair of parts `pair`. */
  private wordBucket(w: number, pair: number): number {
    const { table } = this;
    const n = table.length(w);
    const [i, j] = PAIRS[pair];
    let h = Math.imul(Math.imul(FNV_OFFSET ^ n, FNV_PRIME) ^ pair, FNV_PRIME);
    for (let k = cut(n, i); k < cut(n, i + 1); k++) h = Math.imul(h ^ table.charCodeAt(w, k), FNV_PRIME);
    for (let k = cut(n, j); k < cut(n, j + 1); k++) h = Math.imul(h ^ table.charCodeAt(w, k), FNV_PRIME);
    return finish(h) & this.mask;
  }

  /** The numbers, in order, of the words of five letters or more within two letters' difference of `word`, but `self`. */
  near(word: string, self = -1): number[] {
    const { table, first, postings } = this;
    const m = word.length;
    const found: number[] = [];
    this.visited = 0;
    if (m < NEAR_MIN) return found;
    const seen = new Set<number>();
    for (let n = Math.max(NEAR_MIN, m - 2); n <= m + 2; n++) {
      for (let pair = 0; pair < PAIRS.length; pair++) {
        const [i, j] = PAIRS[pair];
        const startI = cut(n, i);
        const lenI = cut(n, i + 1) - startI;
        const startJ = cut(n, j);
        const lenJ = cut(n, j + 1) - startJ;
        // Nothing is before the first part to be deleted, and nothing after the last but insertions.
        for (let si = i === 0 ? 0 : -2; si <= 2; si++) {
          for (let sj = si - 2; sj <= si + 2; sj++) {
            if (Math.abs(si) + Math.abs(sj - si) + Math.abs(m - n - sj) > 2 || (j === 3 && sj > m - n)) continue;
            const atI = startI + si;
            const atJ = startJ + sj;
            if (atI < 0 || atJ + lenJ > m) continue;
            let h = Math.imul(Math.imul(FNV_OFFSET ^ n, FNV_PRIME) ^ pair, FNV_PRIME);
            for (let k = 0; k < lenI; k++) h = Math.imul(h ^ word.charCodeAt(atI + k), FNV_PRIME);
            for (let k = 0; k < lenJ; k++) h = Math.imul(h ^ word.charCodeAt(atJ + k), FNV_PRIME);
            const b = finish(h) & this.mask;
            this.visited += first[b + 1] - first[b];
            for (let k = first[b]; k < first[b + 1]; k++) {
              const p = postings[k];
              const w = p >>> 3;
              if ((p & 7) !== pair || table.length(w) !== n || w === self || seen.has(w)) continue;
              let same = true;
              for (let c = 0; c < lenI && same; c++) same = table.charCodeAt(w, startI + c) === word.charCodeAt(atI + c);
              for (let c = 0; c < lenJ && same; c++) same = table.charCodeAt(w, startJ + c) === word.charCodeAt(atJ + c);
              if (!same) continue;
              seen.add(w);
              if (distance(word, table, w, 2) <= 2) found.push(w);
            }
          }
        }
      }
    }
    return found.sort((a, b) => a - b);
  }
}

/** The index of the recorded names' words by their parts (built at the first call), to measure it. */
export function nearWordIndex(records: RecordSet): NearWordIndex {
  const index = nameIndex(records);
  return (index.nearIndex ??= new NearWordIndex(index.words));
}

/** Up to `max` program names nearest to `name`, best first; none when nothing is near. */
export function nearestNames(records: RecordSet, name: string, max = 2): string[] {
  const index = nameIndex(records);
  const key = `${max}\u0000${name}`;
  const known = index.answers.get(key);
  if (known) return known;
  const wanted = new Set(words(name));
  const wantedIds = new Set<number>();
  for (const w of wanted) {
    const id = index.words.get(w);
    if (id >= 0) wantedIds.add(id);
  }
  // Each alias word scores 2 when the name has it, else 1 when it is within two letters of one of the name's words.
  const points = new Map<number, number>();
  for (const w of wanted) for (const v of nearWords(index, w)) if (!wantedIds.has(v)) points.set(v, 1);
  for (const w of wantedIds) points.set(w, 2);
  const aliasScores = new Map<number, Map<number, number>>();
  for (const [w, score] of points) {
    for (let k = index.first[w]; k < index.first[w + 1]; k++) {
      const p = index.postings[2 * k];
      const a = index.postings[2 * k + 1];
      let byAlias = aliasScores.get(p);
      if (!byAlias) aliasScores.set(p, (byAlias = new Map()));
      byAlias.set(a, (byAlias.get(a) ?? 0) + score);
    }
  }
  const scored = [...aliasScores].map(([p, byAlias]) => ({ name: index.names[p], score: Math.max(...byAlias.values()) }));
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const answer = [...new Set(scored.map((s) => s.name))].slice(0, max);
  if (index.answers.size >= 10_000) index.answers.clear();
  index.answers.set(key, answer);
  return answer;
}
