/**
 * The recorded names nearest to a name no record knows, for "did you mean FTI Chortí?": names
 * that share a distinctive word with it (its generic words — "Operation", "Task Force",
 * "Fuerza de Tarea" — aside), written the same or within two letters' difference.
 */
import type { RecordSet } from './recordSet';
import { fold } from './aliasIndex';
import { SAME_WORD } from './nameVariants';
import { WordTable } from './wordTable';

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

function nameIndex(records: RecordSet): NameIndex {
  const known = indexes.get(records);
  if (known) return known;
  const names: string[] = [];
  const table = new WordTable();
  // (word, program, alias) for each word of each alias, in order; then grouped by word.
  let found = new Int32Array(3 * 1024);
  let count = 0;
  for (const { value: program } of records.programs.values()) {
    const p = names.push(program.name) - 1;
    const aliases = [program.name, ...program.aliases];
    for (let a = 0; a < aliases.length; a++) {
      for (const w of words(aliases[a])) {
        if (3 * (count + 1) > found.length) {
          const bigger = new Int32Array(found.length * 2);
          bigger.set(found);
          found = bigger;
        }
        found[3 * count] = table.add(w);
        found[3 * count + 1] = p;
        found[3 * count + 2] = a;
        count++;
      }
    }
  }
  table.trim();
  const first = new Int32Array(table.size + 1);
  for (let k = 0; k < count; k++) first[found[3 * k] + 1]++;
  for (let w = 0; w < table.size; w++) first[w + 1] += first[w];
  const next = first.slice(0, table.size);
  const postings = new Int32Array(2 * count);
  for (let k = 0; k < count; k++) {
    const at = next[found[3 * k]]++;
    postings[2 * at] = found[3 * k + 1];
    postings[2 * at + 1] = found[3 * k + 2];
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

/** Where part `i` (0 to 3) of a word of `n` letters starts: its three parts, cut as evenly as can be. */
function cut(n: number, i: number): number {
  return Math.floor((i * n) / 3);
}

/** The bucket number of part `i` of a word of `n` letters, being `len` characters of `text` from `at`. */
function partHash(n: number, i: number, len: number, charAt: (k: number) => number): number {
  let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  h = Math.imul(h ^ i, 0x01000193);
  for (let k = 0; k < len; k++) h = Math.imul(h ^ charAt(k), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

/**
 * The words of a WordTable within two letters' difference (Levenshtein distance, in UTF-16 code
 * units) of a word, without comparing it with every word. Each word of five letters or more is
 * cut in three parts; two edits change at most two of them, so a word within two edits of the
 * one asked about has a part that it holds unchanged, starting at most two characters from
 * where it starts in the word itself (further right only if something was inserted before it,
 * further left only if something before it was deleted), and it is at most two letters longer
 * or shorter. The index lists each word under each of its parts (with the word's length and the
 * part's number), in buckets by hash: a question looks up, for each length within two of its
 * own, each part and each of its five places, the words listed there, and measures the distance
 * only to those whose part is the same. So a question costs the words that share a part with
 * it where they could, not the whole vocabulary. Two typed arrays: for bucket b, the words at
 * `postings[first[b]]` to `postings[first[b + 1] - 1]`, each as word number × 4 + part number.
 */
export class NearWordIndex {
  private readonly first: Int32Array;
  private readonly postings: Int32Array;
  private readonly mask: number;
  /** How many listed words the last question looked at (each part of each word it looked up). */
  visited = 0;

  constructor(private readonly table: WordTable) {
    let count = 0;
    for (let w = 0; w < table.size; w++) if (table.length(w) >= NEAR_MIN) count += 3;
    let buckets = 1;
    while (buckets * 2 < count) buckets *= 2;
    this.mask = buckets - 1;
    const first = new Int32Array(buckets + 1);
    const bucketOf = (w: number, i: number): number => {
      const n = table.length(w);
      const start = cut(n, i);
      return partHash(n, i, cut(n, i + 1) - start, (k) => table.charCodeAt(w, start + k)) & this.mask;
    };
    for (let w = 0; w < table.size; w++) if (table.length(w) >= NEAR_MIN) for (let i = 0; i < 3; i++) first[bucketOf(w, i) + 1]++;
    for (let b = 0; b < buckets; b++) first[b + 1] += first[b];
    const next = first.slice(0, buckets);
    const postings = new Int32Array(count);
    for (let w = 0; w < table.size; w++) if (table.length(w) >= NEAR_MIN) for (let i = 0; i < 3; i++) postings[next[bucketOf(w, i)]++] = 4 * w + i;
    this.first = first;
    this.postings = postings;
  }

  /** How many words it lists: the table's words of five letters or more. */
  get words(): number {
    return this.postings.length / 3;
  }

  /** The bytes its typed arrays hold. */
  get bytes(): number {
    return this.first.byteLength + this.postings.byteLength;
  }

  /** The numbers, in order, of the words of five letters or more within two letters' difference of `word`, but `self`. */
  near(word: string, self = -1): number[] {
    const { table, first, postings } = this;
    const m = word.length;
    const found: number[] = [];
    if (m < NEAR_MIN) return found;
    const seen = new Set<number>();
    this.visited = 0;
    for (let n = Math.max(NEAR_MIN, m - 2); n <= m + 2; n++) {
      for (let i = 0; i < 3; i++) {
        const start = cut(n, i);
        const len = cut(n, i + 1) - start;
        // Nothing is before the first part to be deleted, and nothing after the last but insertions.
        const lo = i === 0 ? 0 : -2;
        const hi = i === 2 ? Math.min(2, m - n) : 2;
        for (let shift = lo; shift <= hi; shift++) {
          const at = start + shift;
          if (at < 0 || at + len > m) continue;
          const b = partHash(n, i, len, (k) => word.charCodeAt(at + k)) & this.mask;
          this.visited += first[b + 1] - first[b];
          for (let k = first[b]; k < first[b + 1]; k++) {
            const p = postings[k];
            const w = p >>> 2;
            if ((p & 3) !== i || table.length(w) !== n || w === self || seen.has(w)) continue;
            let same = true;
            for (let c = 0; c < len && same; c++) same = table.charCodeAt(w, start + c) === word.charCodeAt(at + c);
            if (!same) continue;
            seen.add(w);
            if (distance(word, table, w, 2) <= 2) found.push(w);
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
