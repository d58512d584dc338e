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

/** Levenshtein distance between `a` and word `id` of `table`, stopping early past `limit`. */
function distance(a: string, table: WordTable, id: number, limit: number): number {
  const n = table.length(id);
  if (Math.abs(a.length - n) > limit) return limit + 1;
  if (rows[0].length <= n) rows = [new Int32Array(2 * n + 2), new Int32Array(2 * n + 2)];
  let [prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (c === table.charCodeAt(id, j - 1) ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[n];
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
  if (word.length >= 5) {
    const { words: table } = index;
    const self = table.get(word);
    for (let w = 0; w < table.size; w++) if (w !== self && table.length(w) >= 5 && distance(word, table, w, 2) <= 2) near.push(w);
  }
  index.near.set(word, near);
  return near;
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
