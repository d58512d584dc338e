/**
 * The recorded names nearest to a name no record knows, for "did you mean FTI Chortí?": names
 * that share a distinctive word with it (its generic words — "Operation", "Task Force",
 * "Fuerza de Tarea" — aside), written the same or within two letters' difference.
 */
import type { RecordSet } from './recordSet';
import { fold } from './aliasIndex';
import { SAME_WORD } from './nameVariants';

const GENERIC = new Set(
  'operation operacion campaign campana task force forces fuerza fuerzas tarea de del la las el los the of and y joint conjunta interagency interinstitucional interagencial inter agency united states us u s national nacional special especial unit unidad units unidades group grupo border frontera guatemala honduras el salvador mexico'.split(' '),
);

function words(name: string): string[] {
  return (name.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).map((w) => fold(w)).map((w) => SAME_WORD.get(w) ?? w).filter((w) => w.length >= 3 && !GENERIC.has(w));
}

/** Levenshtein distance, stopping early past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The recorded names' words, indexed once per record set: each word with the aliases that hold it. */
interface NameIndex {
  names: string[];
  /** word → [program index, alias index] for each time the word occurs in an alias. */
  occurrences: Map<string, Array<[number, number]>>;
  /** Per name asked about, the answer (a draft names the same unknown name many times). */
  answers: Map<string, string[]>;
  /** Per word asked about, the recorded words within two letters of it. */
  near: Map<string, string[]>;
}

const indexes = new WeakMap<RecordSet, NameIndex>();

function nameIndex(records: RecordSet): NameIndex {
  let index = indexes.get(records);
  if (index) return index;
  index = { names: [], occurrences: new Map(), answers: new Map(), near: new Map() };
  for (const { value: program } of records.programs.values()) {
    const p = index.names.push(program.name) - 1;
    [program.name, ...program.aliases].forEach((alias, a) => {
      for (const w of words(alias)) {
        let list = index!.occurrences.get(w);
        if (!list) index!.occurrences.set(w, (list = []));
        list.push([p, a]);
      }
    });
  }
  indexes.set(records, index);
  return index;
}

/** Recorded words of five letters or more within two letters' difference of `word`. */
function nearWords(index: NameIndex, word: string): string[] {
  let near = index.near.get(word);
  if (near) return near;
  near = word.length < 5 ? [] : [...index.occurrences.keys()].filter((w) => w !== word && w.length >= 5 && distance(word, w, 2) <= 2);
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
  // Each alias word scores 2 when the name has it, else 1 when it is within two letters of one of the name's words.
  const points = new Map<string, number>();
  for (const w of wanted) for (const v of nearWords(index, w)) if (!wanted.has(v)) points.set(v, 1);
  for (const w of wanted) points.set(w, 2);
  const aliasScores = new Map<number, Map<number, number>>();
  for (const [w, score] of points) {
    for (const [p, a] of index.occurrences.get(w) ?? []) {
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
