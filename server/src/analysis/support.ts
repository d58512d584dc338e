/**
 * How well a source's recorded facts support a sentence, for ranking the citations offered:
 * Okapi BM25 (k1 = 1.2, b = 0.75) of the sentence's words over each claim's fact, quote,
 * figure labels and evidence excerpt, plus the figures and years the sentence states that a
 * claim records. A source scores as its best claim about the sentence's programs. A short
 * implementation: the documents are the few claims about the sentence's programs.
 */
import type { RecordSet } from '../records/recordSet';
import type { Claim } from '../records/types';
import { fold } from '../records/aliasIndex';

const STOP = new Set(
  ('the a an and or of in on at to for from by with as is are was were be been has have had that this these those its their it which who ' +
    'el la los las un una y o de del en con por para que se su sus es son fue al lo como').split(' '),
);

function terms(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => fold(w)).filter((w) => w.length > 2 && !STOP.has(w));
}

function claimText(c: Claim): string {
  return [c.fact, c.quote ?? '', c.evidence?.excerpt ?? '', ...(c.figures ?? []).map((f) => `${f.label} ${f.measure ?? ''}`)].join(' ');
}

interface ClaimTerms {
  claim: Claim;
  terms: string[];
  tf: Map<string, number>;
}

/** A claim's terms, counted once: records do not change while they are loaded. */
const claimTerms = new WeakMap<Claim, ClaimTerms>();
function termsOf(claim: Claim): ClaimTerms {
  let d = claimTerms.get(claim);
  if (!d) {
    const t = terms(claimText(claim));
    const tf = new Map<string, number>();
    for (const w of t) tf.set(w, (tf.get(w) ?? 0) + 1);
    claimTerms.set(claim, (d = { claim, terms: t, tf }));
  }
  return d;
}

/** Numbers a sentence states (digits with grouping), as values. */
function numbersIn(text: string): number[] {
  return (text.match(/\d[\d,.]*/g) ?? []).map((n) => Number(n.replace(/[,.](?=\d{3}\b)/g, '').replace(',', '.'))).filter((n) => Number.isFinite(n));
}

/** Each source's support for the sentence (0 when nothing recorded matches its words or figures), best first. */
export function rankBySupport(records: RecordSet, sentence: string, programs: string[], sourceIds: string[]): Array<{ id: string; score: number; claim?: Claim }> {
  const claims = new Map<string, Claim[]>();
  for (const id of sourceIds) claims.set(id, records.claimsFrom(id).filter((c) => programs.length === 0 || programs.includes(c.program)));
  const docs = [...claims.values()].flat().map(termsOf);
  const n = docs.length;
  if (n === 0) return sourceIds.map((id) => ({ id, score: 0 }));
  const avg = docs.reduce((s, d) => s + d.terms.length, 0) / n;
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const query = [...new Set(terms(sentence))];
  const numbers = numbersIn(sentence);
  const scoreOf = (d: ClaimTerms) => {
    let score = 0;
    for (const q of query) {
      const f = d.tf.get(q);
      if (!f) continue;
      const idf = Math.log(1 + (n - (df.get(q) ?? 0) + 0.5) / ((df.get(q) ?? 0) + 0.5));
      score += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.terms.length) / (avg || 1)));
    }
    // The figures and years it states, recorded by the claim.
    for (const fig of d.claim.figures ?? []) if (numbers.includes(fig.value)) score += fig.unit === 'year' ? 1.5 : 3;
    return score;
  };
  return sourceIds
    .map((id) => {
      let best = 0;
      let claim: Claim | undefined;
      for (const c of claims.get(id) ?? []) {
        const s = scoreOf(termsOf(c));
        if (s > best) [best, claim] = [s, c];
      }
      return { id, score: best, claim };
    })
    .sort((a, b) => b.score - a.score);
}
