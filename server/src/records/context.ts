/**
 * Names that mean something else here: a match of an alias a record marks as ambiguous counts
 * only in the context it needs and not in the context that rules it out (its paragraph, and the
 * words on either side: "CBP One", "ILEA Budapest", "Costa Rica’s ICE"); and in text written in
 * capitals (a headline: "EL PRECIO DEL CAFE", "THE BEST RESULTS") a one-word acronym matches
 * only where the record gives no other reading — never, as the text cannot tell.
 */
import type { RecordSet } from './recordSet';
import { fold, type Mention } from './aliasIndex';

const norm = (s: string) => ` ${fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/** Whether a paragraph is written in capitals (a headline, a title line). */
export function inCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 10 && (letters.match(/\p{Lu}/gu)?.length ?? 0) / letters.length > 0.85;
}

/**
 * What is read from a whole paragraph, kept for the last paragraph asked about: the matches of one
 * paragraph come one after another, and reading the paragraph again for each would make the cost
 * of a long paragraph grow with its length times its matches.
 */
let last: { text: string; capitals?: boolean; normalized?: string; holds?: Map<string, boolean> } = { text: '' };
function paragraphFacts(text: string): typeof last {
  if (last.text !== text) last = { text };
  return last;
}

/** Whether a match of `alias` (for `target`) at [start, end) of the paragraph `text` stands in its context. */
export function fitsContext(records: RecordSet, target: string, alias: string, text: string, start: number, end: number): boolean {
  const program = records.program(target);
  if (!program) return true;
  const matched = text.slice(start, end);
  const facts = paragraphFacts(text);
  if ((facts.capitals ??= inCapitals(text)) && !/\s/.test(matched.trim()) && /^\p{Lu}+$/u.test(matched.replace(/[^\p{L}]/gu, ''))) return false;
  const rules = program.ambiguousAliases?.filter((a) => fold(a.alias) === fold(alias));
  if (!rules || rules.length === 0) return true;
  // Whether the paragraph holds a word, or a word that begins with it ("hondureñ": "hondureños"), read once per word and paragraph.
  const holds = (w: string) => {
    const key = norm(w).trimEnd();
    const known = (facts.holds ??= new Map()).get(key);
    if (known !== undefined) return known;
    const found = (facts.normalized ??= norm(text)).includes(key);
    facts.holds.set(key, found);
    return found;
  };
  // The words after the match: a rule's word or phrase ("and local") must begin them.
  const after = norm(text.slice(end, end + 40)).trim();
  const startsAfter = (w: string) => {
    const key = norm(w).trim();
    return after === key || after.startsWith(`${key} `);
  };
  const before = norm(text.slice(Math.max(0, start - 40), start));
  // "IATFs": the alias in the plural, which a rule for the singular leaves alone.
  const written = fold(matched);
  const plural = written.length === fold(alias).length + 1 && /s$/i.test(written) && written.startsWith(fold(alias));
  return rules.every((r) => {
    if (r.singular && plural) return true;
    if (r.exactCase && matched !== r.alias) return false;
    if (r.notFollowedBy?.some(startsAfter)) return false;
    if (r.notPrecededBy?.some((w) => before.endsWith(norm(w)))) return false;
    if (r.excludes?.some(holds)) return false;
    if (r.needs && !r.needs.some(holds)) return false;
    return true;
  });
}

/**
 * The mentions that stand in their context: each as found, or — for words that several records
 * share, each marking them ambiguous — the one record whose context holds; none when no record's
 * or more than one's does (a wrong reading is worse than none).
 */
export function inContext(records: RecordSet, mentions: readonly Mention[], text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    if (!m.others) {
      if (fitsContext(records, m.target, m.alias, text, m.start, m.end)) out.push(m);
      continue;
    }
    let chosen: { target: string; alias: string; unconfirmed: boolean } | undefined;
    let fitting = 0;
    for (const r of [m, ...m.others]) {
      if (!fitsContext(records, r.target, r.alias, text, m.start, m.end)) continue;
      chosen = r;
      fitting++;
    }
    if (chosen && fitting === 1) out.push({ start: m.start, end: m.end, target: chosen.target, alias: chosen.alias, unconfirmed: chosen.unconfirmed });
  }
  return out;
}
