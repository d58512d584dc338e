/**
 * How well a source's recorded facts support a sentence, for ranking the citations offered:
 * Okapi BM25 (k1 = 1.2, b = 0.75) of the sentence's words over each claim's fact, quote,
 * figure labels and evidence excerpt, plus the figures and years the sentence states that a
 * claim records. A source scores as its best claim about the sentence's programs. A short
 * implementation: the documents are the few claims about the sentence's programs.
 */
import type { RecordSet } from '../records/recordSet';
import type { Claim, FigureTime, Source } from '../records/types';
import { fold } from '../records/aliasIndex';
import { readTimes, type TimeRef } from './frame';

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

// ---------------------------------------------------------------------------------------
// Time

/** The years a time covers (a period of at most 30 years; "since" and "as of" their one year). */
function yearsOf(t: Pick<TimeRef, 'kind' | 'from' | 'to'>): number[] {
  const from = Number(t.from.slice(0, 4));
  if (!Number.isFinite(from)) return [];
  const to = t.kind === 'range' && t.to ? Number(t.to.slice(0, 4)) : from;
  if (!Number.isFinite(to) || to < from || to - from > 30) return [from];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function figureYears(t: FigureTime): number[] {
  if ('in' in t) return yearsOf({ kind: 'in', from: t.in });
  if ('from' in t) return yearsOf({ kind: 'range', from: t.from, to: t.to });
  if ('asOf' in t) return yearsOf({ kind: 'asOf', from: t.asOf });
  return yearsOf({ kind: 'since', from: t.since });
}

/** The years a sentence's own time expressions cover ("in 2015", "from March to June 2019", "fiscal year 2016"). */
export function sentenceYears(text: string, skip?: ReadonlySet<number>): number[] {
  return [...new Set(readTimes(text, skip).flatMap(yearsOf))];
}

/** The year a source was issued, if its record gives one. */
function issuedYear(source: Source | undefined): number | undefined {
  const y = Number(source?.issued?.['date-parts']?.[0]?.[0]);
  return Number.isInteger(y) && y > 1900 ? y : undefined;
}

/** The years a claim speaks of: its figures' times, the years its fact states, and the year its source was issued. */
const claimYears = new WeakMap<Claim, Set<number>>();
function yearsOfClaim(records: RecordSet, claim: Claim): Set<number> {
  let ys = claimYears.get(claim);
  if (!ys) {
    ys = new Set<number>();
    for (const f of claim.figures ?? []) if (f.time) for (const y of figureYears(f.time)) ys.add(y);
    for (const t of readTimes(claim.fact)) for (const y of yearsOf(t)) ys.add(y);
    const issued = issuedYear(records.source(claim.source));
    if (issued !== undefined) ys.add(issued);
    claimYears.set(claim, ys);
  }
  return ys;
}

/**
 * Whether a claim speaks of the sentence's time: 1 when one of its years is one of the
 * sentence's, -1 when it gives years and none is, 0 when either gives none.
 */
function timeAgreement(records: RecordSet, claim: Claim, years: ReadonlySet<number>): number {
  if (years.size === 0) return 0;
  const ys = yearsOfClaim(records, claim);
  if (ys.size === 0) return 0;
  for (const y of ys) if (years.has(y)) return 1;
  return -1;
}

/**
 * Each source's support for the sentence (0 when nothing recorded matches its words or figures),
 * best first. `years` are the sentence's time (its own, else its context's): a source's score is
 * weighed by whether its best claim speaks of one of them (`time` 1: three times the score), speaks
 * only of other years (-1: a third of it) or either gives none (0: as it is) — a source about
 * another year's exercise ranks below one about the sentence's unless its words match it more than
 * nine times better.
 */
export function rankBySupport(
  records: RecordSet,
  sentence: string,
  programs: string[],
  sourceIds: string[],
  years: ReadonlySet<number> = new Set(),
): Array<{ id: string; score: number; claim?: Claim; time: number }> {
  const claims = new Map<string, Claim[]>();
  for (const id of sourceIds) claims.set(id, records.claimsFrom(id).filter((c) => programs.length === 0 || programs.includes(c.program)));
  const docs = [...claims.values()].flat().map(termsOf);
  const n = docs.length;
  if (n === 0) return sourceIds.map((id) => ({ id, score: 0, time: 0 }));
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
      return { id, score: best, claim, time: claim ? timeAgreement(records, claim, years) : 0 };
    })
    .sort((a, b) => b.score * 3 ** b.time - a.score * 3 ** a.time);
}

const COMMENT_OR_FRONT_MATTER = /<!--[\s\S]*?(?:-->|$)|^(?:---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\r?\n|$)/g;
const A_YEAR = /(?<![\p{L}\p{N}$€£.,/-])(?:19|20)\d\d(?![\p{N}]|[.,]\d|\s*%)/gu;

let lastDocument: { text: string; year: number | undefined } | undefined;

/**
 * The year a document speaks of: the year its prose writes most often (comments and front
 * matter left out), the first written of two written as often; none when it writes no year. What a
 * sentence without a time of its own is taken to speak of, for ranking the sources offered.
 * One pass over the text, kept for the last text read.
 */
export function documentYear(text: string): number | undefined {
  if (lastDocument?.text === text) return lastDocument.year;
  const counts = new Map<number, number>();
  let from = 0;
  const prose = (chunk: string) => {
    for (const m of chunk.matchAll(A_YEAR)) {
      const y = Number(m[0]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  };
  for (const m of text.matchAll(COMMENT_OR_FRONT_MATTER)) {
    prose(text.slice(from, m.index));
    from = m.index + m[0].length;
  }
  prose(text.slice(from));
  let year: number | undefined;
  let most = 0;
  for (const [y, c] of counts) if (c > most) [year, most] = [y, c];
  lastDocument = { text, year };
  return year;
}
