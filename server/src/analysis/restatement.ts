/**
 * Sentences that restate a recorded excerpt: where the words on both sides of a number are the
 * words on both sides of a recorded figure in the excerpt its claim was read from ("So far, Joint
 * Task Force Alpha’s work has resulted in over 260 domestic and international arrests"), the
 * number states that figure, whatever the sentence leaves unsaid (the time "so far" means, the
 * program "today's actions" were part of). A writer who copies a release's sentence and changes
 * or mistypes its figure is told; one who copies it right agrees with it.
 *
 * The records' excerpts are indexed once per record set, by the words around each of their
 * figures; a sentence's number is then looked up by its own words around it, in constant time.
 */
import { fold } from '../records/aliasIndex';
import type { RecordSet } from '../records/recordSet';
import type { Claim, Figure } from '../records/types';
import { findNumbers, looksSpanish, statesFigure, type NumberRef } from './figures';
import { lowerBound } from '../sorted';

export interface Restated {
  claim: Claim;
  figure: Figure;
}

// Words looked at on either side of a number, and how many in all it takes to say that the sentence restates the excerpt.
const REACH = 5;
const AT_LEAST = 7;

const TOKEN = /[\p{L}\p{N}]+(?:[.,’'][\p{L}\p{N}]+)*/gu;

interface Tokens {
  starts: number[];
  words: string[];
}

/** The words of a text, folded, with every number one token "#". */
function tokens(text: string): Tokens {
  const starts: number[] = [];
  const words: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    starts.push(m.index);
    words.push(/^\p{N}/u.test(m[0]) ? '#' : fold(m[0]).replace(/’/g, "'"));
  }
  return { starts, words };
}

function key(words: string[], at: number, before: number, after: number): string {
  return `${before}|${after}|${words.slice(at - before, at).join(' ')}|#|${words.slice(at + 1, at + 1 + after).join(' ')}`;
}

const indexes = new WeakMap<RecordSet, Map<string, Restated[]>>();

/** The recorded figures by the words around them in their claims' excerpts. */
function indexOf(records: RecordSet): Map<string, Restated[]> {
  let index = indexes.get(records);
  if (index) return index;
  index = new Map();
  for (const { value: claim } of records.claims.values()) {
    const excerpt = claim.evidence?.excerpt;
    if (!excerpt || !claim.figures?.length) continue;
    const t = tokens(excerpt);
    for (const n of findNumbers(excerpt, looksSpanish(excerpt))) {
      if (n.unit === 'year') continue;
      const figure = claim.figures.find((f) => f.unit !== 'year' && statesFigure(n, f.value));
      if (!figure) continue;
      const at = t.starts.indexOf(n.start);
      if (at < 0) continue;
      const before = Math.min(AT_LEAST, at);
      const after = Math.min(AT_LEAST, t.words.length - at - 1);
      // Every window a sentence may ask for (window()): it may start or end nearer the number than the excerpt does.
      for (let b = 0; b <= before; b++) {
        for (let a = 0; a <= after; a++) {
          if (b + a < AT_LEAST || (b > REACH && a > REACH)) continue;
          const k = key(t.words, at, b, a);
          const list = index.get(k) ?? [];
          if (!list.some((r) => r.claim === claim && r.figure === figure)) list.push({ claim, figure });
          index.set(k, list);
        }
      }
    }
  }
  indexes.set(records, index);
  return index;
}

const sentenceTokens = new WeakMap<object, Tokens>();

/**
 * The recorded figures a sentence's number restates: the excerpt has the same words on both
 * sides of it, as many as the sentence has up to five, at least seven in all. `owner` keys the
 * sentence's words, read once per sentence.
 */
export function restated(records: RecordSet, owner: object, text: string, n: Pick<NumberRef, 'start'>): Restated[] {
  let t = sentenceTokens.get(owner);
  if (!t) sentenceTokens.set(owner, (t = tokens(text)));
  const at = lowerBound(t.starts.length, (i) => t.starts[i] < n.start);
  if (at >= t.starts.length || t.starts[at] !== n.start) return [];
  const [before, after] = window(at, t.words.length - at - 1);
  if (before + after < AT_LEAST) return [];
  return indexOf(records).get(key(t.words, at, before, after)) ?? [];
}

/** How many words on each side a sentence's number is looked up by: five, or more on one side where the other has fewer. */
function window(availableBefore: number, availableAfter: number): [number, number] {
  let before = Math.min(REACH, availableBefore);
  let after = Math.min(REACH, availableAfter);
  if (before + after < AT_LEAST) {
    before = Math.min(availableBefore, AT_LEAST - after);
    after = Math.min(availableAfter, AT_LEAST - before);
  }
  return [before, after];
}
