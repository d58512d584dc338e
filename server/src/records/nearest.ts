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

/** Up to `max` program names nearest to `name`, best first; none when nothing is near. */
export function nearestNames(records: RecordSet, name: string, max = 2): string[] {
  const wanted = words(name);
  if (wanted.length === 0) return [];
  const scored: Array<{ name: string; score: number }> = [];
  for (const { value: program } of records.programs.values()) {
    let best = 0;
    for (const alias of [program.name, ...program.aliases]) {
      let score = 0;
      for (const w of words(alias)) {
        if (wanted.includes(w)) score += 2;
        else if (w.length >= 5 && wanted.some((x) => x.length >= 5 && distance(x, w, 2) <= 2)) score += 1;
      }
      best = Math.max(best, score);
    }
    if (best > 0) scored.push({ name: program.name, score: best });
  }
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return [...new Set(scored.map((s) => s.name))].slice(0, max);
}
