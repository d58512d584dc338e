import type { CheckContext, SentenceModel } from '../analysis/model';
import { formatLike, formatNumber, looksSpanish } from '../analysis/figures';
import { SOURCE_NOUNS, sourceYear } from '../analysis/attributions';
import { formatDate, shortTitle } from '../analysis/bibliography';
import { fold } from '../records/aliasIndex';
import type { Claim, Figure, Source } from '../records/types';
import type { Check, CheckFinding } from './types';
import { recordNotes } from './describe';
import { Intervals } from '../analysis/intervals';
import { lowerBound } from '../sorted';
import { msg, type Locale } from '../l10n/messages';
import { isCopy } from '../records/verification';
import { draftDate, relativeTime, sentencePlaceKey, timeWords } from '../analysis/frame';
import { restated } from '../analysis/restatement';
import {
  figurePlace,
  figureTime,
  measureAgrees,
  measureScore,
  eventAgrees,
  placesAgree,
  sentenceFrame,
  timesAgree,
  unitClass,
  valuesAgree,
  type FigureInSentence,
  type ParagraphContext,
  type SentenceFrame,
} from '../analysis/figureMatch';

export const figureMismatch: Check = {
  code: 'figure-mismatch',
  description: 'A year, count or amount that contradicts what the records say of the same fact, or a quote dated to a year its source does not have.',
  descriptionEs: 'Un año, una cantidad o un importe que contradice lo que dicen los registros del mismo hecho, o una cita fechada en un año que su fuente no tiene.',
  docs: {
    meaning: 'A year, count or amount contradicts the records for the same fact; or a quote is dated to a year its source does not have.',
    example: '"…trained 5,000 Guatemalan police in 2017, according to GAO." (records: 4,600)',
  },
  defaultSeverity: 'error',
  *check(ctx) {
    const frames = newFrames();
    for (let i = 0; i < ctx.sentences.length; i++) {
      const s = ctx.sentences[i];
      if (s.inFootnote) continue;
      yield* figureFindings(ctx, i, frames);
      yield* quoteYearFindings(ctx, s);
    }
  },
};

/**
 * Claims a sentence speaks to: about a program it names; or, when it names none, from a
 * source it cites or attributes, or about the one program its paragraph named last.
 */
function relevantClaims(ctx: CheckContext, s: SentenceModel, paragraphPrograms: string[]): Claim[] {
  const claims = new Set<Claim>();
  const named = new Set(s.programs);
  for (const p of s.programs) for (const c of ctx.records.claimsAbout(p)) claims.add(c);
  const fromSources = (ids: string[]) => {
    for (const id of ids) for (const claim of ctx.records.claimsFrom(id)) if (named.size === 0 || named.has(claim.program)) claims.add(claim);
  };
  for (const c of [...s.citations, ...s.inheritedCitations]) fromSources(c.sources);
  for (const a of [...s.attributions, ...s.inheritedAttributions]) fromSources(a.sources);
  if (claims.size === 0 && paragraphPrograms.length === 1) for (const c of ctx.records.claimsAbout(paragraphPrograms[0])) claims.add(c);
  // A task force, police force or command it names, where it names no program: its figures are compared by the same
  // rules ("Unos 500 elementos … conformarán la FTI Jaguar"). Beside a program it names, an agency is who acts
  // ("JIATF-South … through Operation Martillo, as 69% of the disruptions…"), not what is counted.
  if (s.programs.length === 0) for (const e of s.entities ?? []) for (const c of ctx.records.claimsAbout(e)) claims.add(c);
  return [...claims];
}

// Kinds of source, either case of their first letter ("Posture Statement").
const KIND_OF_SOURCE = `(?:${['posture statement', ...SOURCE_NOUNS, 'hearing', 'audit', 'estudio', 'auditoría']
  .map((k) => k.replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => `${sp ? '\\s+' : ''}[${c.toUpperCase()}${c}]`))
  .join('|')})`;
// "GAO's 2018 report", "a 2016 HSI testimony", "the 2017 SOUTHCOM posture statement", "el informe de 2018": the year of a source, not of the fact.
const YEAR_BEFORE_KIND = new RegExp(`(?<![\\p{L}\\p{N}])(?:19|20)\\d\\d(?:\\s+(?:[\\p{Lu}][\\p{L}.’'-]*|of|del?)){0,3}\\s+${KIND_OF_SOURCE}(?![\\p{L}])`, 'gu');
const KIND_BEFORE_YEAR = new RegExp(`(?<![\\p{L}])${KIND_OF_SOURCE}\\s+(?:of|from|dated|de|del)\\s+(?:[\\p{L}]+\\s+(?:de\\s+)?)?(?:19|20)\\d\\d(?![\\p{N}])`, 'gu');

/** Offsets in a sentence's text of the years that date a source it speaks of. */
export function sourceYearOffsets(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(YEAR_BEFORE_KIND)) out.add(m.index);
  for (const m of text.matchAll(KIND_BEFORE_YEAR)) out.add(m.index + m[0].length - 4);
  return out;
}

/**
 * What one run of the check keeps per sentence: its frame, and what its paragraph has said up to
 * and including it (the last time and place, the last programs named) — carried forward sentence
 * by sentence, so that a paragraph of many sentences is read once, not once per sentence.
 */
interface Frames {
  frames: Map<number, SentenceFrame>;
  carried: Map<number, ParagraphContext>;
  programs: Map<number, { ids: string[]; programs: boolean }>;
  /** The date the writer gave the draft in its front matter (null: none). */
  date?: string | null;
  /** Each sentence's paragraph, by its first sentence. */
  starts: Map<number, number>;
  /** Per paragraph (by its first sentence), the amounts its sentences gave a time to, read up to `upTo`. */
  amounts: Map<number, { upTo: number; byValue: Map<number, Array<{ j: number; time: NonNullable<ParagraphContext['time']> }>> }>;
}

function newFrames(): Frames {
  return { frames: new Map(), carried: new Map(), programs: new Map(), starts: new Map(), amounts: new Map() };
}

/**
 * The time an earlier sentence of i's paragraph gave to an amount of `value` ("…hasta $750 millones" in
 * fiscal year 2016, then "Dentro de los $750 millones…"): each sentence of the paragraph is read once.
 */
function amountTime(ctx: CheckContext, i: number, value: number, cache: Frames): ParagraphContext['time'] {
  const start = carry(ctx, i, cache.starts, (j, before) => before ?? j);
  let index = cache.amounts.get(start);
  if (!index) cache.amounts.set(start, (index = { upTo: start - 1, byValue: new Map() }));
  for (let j = index.upTo + 1; j < i; j++) {
    for (const f of bareFrame(ctx.sentences[j]).figures) {
      if (f.class !== 'money' || f.timeFrom !== 'sentence' || !f.time) continue;
      const list = index.byValue.get(f.value) ?? [];
      list.push({ j, time: f.time });
      index.byValue.set(f.value, list);
    }
    index.upTo = j;
  }
  const list = index.byValue.get(value);
  if (!list) return undefined;
  const k = lowerBound(list.length, (x) => list[x].j < i) - 1;
  return k >= 0 ? list[k].time : undefined;
}

/** Computes `value(j, before)` for the sentences of i's paragraph up to i, each from the one before it, once. */
function carry<T>(ctx: CheckContext, i: number, memo: Map<number, T>, value: (j: number, before: T | undefined) => T): T {
  let j = i;
  while (!memo.has(j) && j > 0 && sameParagraph(ctx, j - 1, j)) j--;
  let before = memo.has(j) ? memo.get(j) : undefined;
  if (!memo.has(j)) memo.set(j, (before = value(j, undefined)));
  for (let k = j + 1; k <= i; k++) memo.set(k, (before = value(k, before)));
  return before as T;
}

/** What sentence i's paragraph has said of time and place up to and including it. */
function carriedContext(ctx: CheckContext, i: number, cache: Frames): ParagraphContext {
  return carry(ctx, i, cache.carried, (j, before) => {
    const f = bareFrame(ctx.sentences[j]);
    return { time: lastTime(f) ?? before?.time, place: sentencePlaceKey(f.places) ?? before?.place };
  });
}

/** The sentence's frame, with its paragraph's time and place where it has none (frames are kept per sentence). */
function frameOf(ctx: CheckContext, i: number, cache: Frames): SentenceFrame {
  let frame = cache.frames.get(i);
  if (frame) return frame;
  const s = ctx.sentences[i];
  const paragraph: ParagraphContext = i > 0 && sameParagraph(ctx, i - 1, i) ? { ...carriedContext(ctx, i - 1, cache) } : {};
  // "So far", "today", "este año" in a sentence with no date of its own: by the date the writer gave the draft.
  const relative = bareFrame(s).times.length === 0 ? relativeTime(s.text, (cache.date ??= draftDate(ctx.text) ?? null) ?? undefined) : undefined;
  if (relative) paragraph.time = relative;
  // A sentence with no time of its own that restates an amount its paragraph gave a time to speaks of that time.
  else if (i > 0 && bareFrame(s).times.length === 0) {
    for (const n of s.numbers) {
      const t = n.money ? amountTime(ctx, i, n.value, cache) : undefined;
      if (t) {
        paragraph.time = t;
        break;
      }
    }
  }
  if (paragraph.time === undefined) delete paragraph.time;
  if (paragraph.place === undefined) delete paragraph.place;
  // A place said of the programs the paragraph named before is not said of another one this sentence names
  // ("… $248 million for Mérida in Central America. The act also provides $37 million for a new CBSI").
  if (paragraph.place && s.programs.length > 0) {
    const before = paragraphPrograms(ctx, i, cache);
    if (before.length > 0 && !s.programs.some((p) => before.includes(p))) delete paragraph.place;
  }
  frame = sentenceFrame(s.text, excludedNumbers(s), s.programs, paragraph, sourceYearOffsets(s.text));
  cache.frames.set(i, frame);
  return frame;
}

const bareFrames = new WeakMap<SentenceModel, SentenceFrame>();

function bareFrame(s: SentenceModel): SentenceFrame {
  let f = bareFrames.get(s);
  if (!f) {
    // Its amounts too, with the times the sentence itself gives them (amountTime).
    f = sentenceFrame(s.text, s.numbers.some((n) => n.money) ? excludedNumbers(s).filter((n) => n.money) : [], s.programs, {}, sourceYearOffsets(s.text));
    bareFrames.set(s, f);
  }
  return f;
}

function lastTime(f: SentenceFrame) {
  const t = f.times[f.times.length - 1];
  if (t?.ofLaw) return { kind: 'in' as const, from: t.from };
  return t ? { kind: t.kind, from: t.from, to: t.to } : undefined;
}

/** Whether sentences j and k (j < k) are in one paragraph: no blank line, heading or list item between them. */
export function sameParagraph(ctx: CheckContext, j: number, k: number): boolean {
  const a = ctx.sentences[j];
  const b = ctx.sentences[k];
  if (a.inFootnote !== b.inFootnote || a.kind !== b.kind) return false;
  return !/\n\s*\n|\n\s*(?:[-*+]|\d+[.)]|#)\s/.test(ctx.text.slice(a.end, b.start));
}

/** The numbers a figure check reads: not inside an attribution or a matched quote. */
function excludedNumbers(s: SentenceModel): SentenceModel['numbers'] {
  const excluded = new Intervals([...s.attributions, ...s.citations, ...s.quotes.filter((q) => q.match)]);
  return s.numbers.filter((n) => !excluded.contains(s.toDocument(n.start)));
}

/** The programs the paragraph named last before sentence i. */
function paragraphPrograms(ctx: CheckContext, i: number, cache: Frames): string[] {
  if (i === 0 || !sameParagraph(ctx, i - 1, i)) return [];
  return carry(ctx, i - 1, cache.programs, (j, before) => {
    const s = ctx.sentences[j];
    if (s.programs.length > 0) return { ids: s.programs, programs: true };
    // Where the paragraph has named no program, the agency or institution it named last ("La Fuerza de Tarea Conjunta Bravo … La fuerza de tarea…").
    if (!before?.programs && s.entities?.length) return { ids: s.entities, programs: false };
    return before ?? { ids: [], programs: false };
  }).ids;
}

interface Candidate {
  claim: Claim;
  figure: Figure;
}

/** The recorded figures a sentence's number is about: same program, kind, measure, time, place. */
function agreeing(ctx: CheckContext, n: FigureInSentence, candidates: Candidate[]): Candidate[] {
  const measured = candidates.filter((c) => unitClass(c.figure.unit) === n.class && measureAgrees(n, c.figure, programWords(ctx, c.claim.program)));
  if (measured.length === 0) return [];
  // "over 2,000 MS-13 members": the figures of MS-13 members, not of gang members at large.
  const scores = measured.map((c) => measureScore(n, c.figure, programWords(ctx, c.claim.program)));
  const best = Math.max(...scores);
  const sameMeasure = measured.filter((_, k) => scores[k] === best);
  // A sentence that states no time agrees with a time only when it is the only one recorded for that measure.
  // What the sentence states narrows first; then what it leaves unsaid must be the only one recorded
  // for that measure (a recorded figure that states no time is compared only where none of them does).
  let out = sameMeasure;
  if (n.time) {
    const undated = out.every((c) => !c.figure.time);
    out = out.filter((c) => (c.figure.time ? timesAgree(n.time!, figureTime(c.figure)!) : undated));
  }
  if (n.place) {
    const unplaced = out.every((c) => !figurePlace(c.figure));
    out = out.filter((c) => (figurePlace(c.figure) ? placesAgree(n.place!, figurePlace(c.figure)!) : unplaced));
  }
  // …unless every one of them gives the same value: then a number that is not it contradicts each ("almost 400 Marines" where 2017, 2018 and 2019 all had about 300).
  const oneValue = out.every((c) => c.figure.value === out[0].figure.value && !c.figure.alternatives?.length);
  if (!n.time && !oneValue && !out.every((c) => sameRecordedTime(c.figure.time, out[0].figure.time))) return [];
  if (!n.place && !oneValue && !out.every((c) => samePlaceKey(figurePlace(c.figure), figurePlace(out[0].figure)))) return [];
  return out;
}

const programWordCache = new WeakMap<object, Map<string, Set<string>>>();

/** The words of a program's name and aliases, folded: "TCIU", "Iniciativa Mérida" name the program, not what a figure counts. */
function programWords(ctx: CheckContext, id: string): Set<string> {
  let byId = programWordCache.get(ctx.records);
  if (!byId) programWordCache.set(ctx.records, (byId = new Map()));
  let words = byId.get(id);
  if (!words) {
    const p = ctx.records.program(id);
    // Names' own words (acronyms, "Mérida", "Tecún"), not the descriptive words an alias also writes in lower case ("police training in Guatemala").
    const tokens = [p?.name ?? '', ...(p?.aliases ?? [])].flatMap((n) => n.split(/[\s()–/-]+/)).map((w) => w.replace(/[.’',]+$/, '')).filter((w) => w.length >= 3);
    const lower = new Set(tokens.filter((w) => /^\p{Ll}/u.test(w)).map(fold));
    words = new Set(tokens.filter((w) => /^\p{Lu}/u.test(w)).map(fold).filter((w) => !lower.has(w)));
    byId.set(id, words);
  }
  return words;
}

function sameRecordedTime(a: Figure['time'], b: Figure['time']): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function samePlaceKey(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

// Cues that say only that something started, not what: they never alone tie a year to an event.
const GENERIC_YEAR_CUES = new Set(['since', 'desde', 'first', 'start', 'inicio', 'year', 'ano', 'anos']);

function* figureFindings(ctx: CheckContext, i: number, cache: Frames): Iterable<CheckFinding> {
  const s = ctx.sentences[i];
  if (s.numbers.length === 0) return;
  const claims = relevantClaims(ctx, s, s.programs.length === 0 ? paragraphPrograms(ctx, i, cache) : []);
  const candidates: Candidate[] = claims.flatMap((claim) => (claim.figures ?? []).map((figure) => ({ claim, figure })));
  const frame = frameOf(ctx, i, cache);
  const locale = ctx.options.locale ?? 'en';
  const counted = candidates.filter((c) => c.figure.unit !== 'year');
  const named = [...new Set(counted.map((c) => c.claim.program))];
  for (let k = 0; k < frame.figures.length; k++) {
    const n = frame.figures[k];
    // A sentence that restates a recorded excerpt states its figure, with its time, place and program.
    const restates = restated(ctx.records, s, s.text, n);
    if (counted.length === 0 && restates.length === 0) continue;
    const own = named.length > 1 ? programNamedFor(ctx, s.text, n.end, frame.figures[k + 1]?.start ?? s.text.length, named) : undefined;
    const agree = counted.length > 0 ? agreeing(ctx, n, own ? counted.filter((c) => c.claim.program === own) : counted) : [];
    const allows = (c: Candidate) => acceptedValues(c.figure).some((v) => valuesAgree(numberOf(s, n), v, c.figure.qualifier));
    if (restates.length > 0) {
      if (restates.some(allows)) continue;
      // Unless the records give the same measure of the program, at another time or place the sentence allows, a value
      // that allows the number (a release of another year may say it in the same words): then the sentence's own time
      // and place decide, as for any other sentence.
      if (!sameMeasureAllows(ctx, n, restates, allows)) {
        yield* mismatch(ctx, s, n, restates, locale);
        continue;
      }
    }
    if (agree.length === 0) continue;
    if (agree.some(allows)) continue;
    yield* mismatch(ctx, s, n, agree, locale);
  }
  if (candidates.length === 0) return;
  yield* yearFindings(ctx, s, frame, candidates.filter((c) => c.figure.unit === 'year'), locale);
}

/** Whether a recorded figure of the restated figures' programs, of the same kind and measure, at a time and place the sentence allows, allows the number. */
function sameMeasureAllows(ctx: CheckContext, n: FigureInSentence, restates: Candidate[], allows: (c: Candidate) => boolean): boolean {
  for (const program of new Set(restates.map((r) => r.claim.program))) {
    const words = programWords(ctx, program);
    for (const claim of ctx.records.claimsAbout(program)) {
      for (const figure of claim.figures ?? []) {
        if (figure.unit === 'year' || unitClass(figure.unit) !== n.class || !measureAgrees(n, figure, words)) continue;
        // What the sentence itself says of time and place still holds.
        const time = figureTime(figure);
        const place = figurePlace(figure);
        if (n.time && n.timeFrom === 'sentence' && (!time || !timesAgree(n.time, time))) continue;
        if (n.place && n.placeFrom === 'sentence' && place && !placesAgree(n.place, place)) continue;
        if (allows({ claim, figure })) return true;
      }
    }
  }
  return false;
}

// Words of programs' names too general to tell one program from another.
const GENERIC_NAME_WORDS = new Set(['program', 'programa', 'programs', 'initiative', 'iniciativa', 'operation', 'operacion', 'task', 'force', 'fuerza', 'tarea', 'regional', 'security', 'seguridad', 'national', 'nacional', 'united', 'states', 'estados', 'unidos', 'central', 'america', 'the', 'del', 'los', 'las']);

/**
 * Of the programs a sentence names, the one an amount is given for: "$322 millones en Control
 * Internacional de Narcóticos … para la Iniciativa de Seguridad Regional de Centroamérica (CARSI),
 * $184 millones…" is CARSI's, not FMF's. Read only up to the next number or comma, after a word
 * that says what the amount is for ("for", "in", "para", "en"), and only a word of one program's
 * name that no other named program's name has.
 */
function programNamedFor(ctx: CheckContext, text: string, from: number, to: number, programs: string[]): string | undefined {
  const after = text.slice(from, Math.min(to, from + 200)).split(/[,;:]/)[0];
  if (!/^\s*(?:(?:million|billion|millones|mil\s+millones|dollars|d[oó]lares)\s+)?(?:for|in|to|on|para|en|a|de)\s/iu.test(after)) return undefined;
  const words = new Set([...after.matchAll(/[\p{L}][\p{L}\p{N}-]*/gu)].map((m) => fold(m[0])));
  const found = programs.filter((p) => [...programWords(ctx, p)].some((w) => words.has(w) && !GENERIC_NAME_WORDS.has(w) && !programs.some((q) => q !== p && programWords(ctx, q).has(w))));
  return found.length === 1 ? found[0] : undefined;
}

/** The values a figure accepts: its own and, for a contested figure, every other source's. */
function acceptedValues(f: Figure): number[] {
  return [f.value, ...(f.alternatives ?? []).map((a) => a.value)];
}

function numberOf(s: SentenceModel, n: FigureInSentence) {
  return numberAt(s, n.start) ?? { value: n.value, scale: 1, decimals: 0, qualifier: n.qualifier };
}

/** A sentence's numbers by start offset, indexed once per sentence (a long sentence holds many). */
const numbersByStart = new WeakMap<SentenceModel['numbers'], Map<number, SentenceModel['numbers'][number]>>();
export function numberAt(s: SentenceModel, start: number): SentenceModel['numbers'][number] | undefined {
  let index = numbersByStart.get(s.numbers);
  if (!index) numbersByStart.set(s.numbers, (index = new Map(s.numbers.map((x) => [x.start, x]))));
  return index.get(start);
}

/** A year the sentence gives to an event ("expanded in 2016") against the year recorded for it. */
function* yearFindings(ctx: CheckContext, s: SentenceModel, frame: SentenceFrame, years: Candidate[], locale: Locale): Iterable<CheckFinding> {
  if (years.length === 0) return;
  // Read once per sentence, not once per number: a long sentence holds many numbers.
  const skip = sourceYearOffsets(s.text);
  const ranges = new Intervals(frame.times.filter((t) => t.kind === 'range'));
  const excluded = new Intervals([...s.attributions, ...s.citations, ...s.quotes.filter((q) => q.match)]);
  // "OPDAT began providing training": the start of an activity, not of the program.
  const activities = new Set([...s.text.matchAll(/(?<![\p{L}])(began|begun|begins|started|starts|comenz[óo]|empez[óo]|inici[óo])\s+(?:\p{L}+ing|to|a)(?![\p{L}])/giu)].map((m) => fold(m[1])));
  const spanish = looksSpanish(s.text);
  const places = [...frame.places].sort((a, b) => a.start - b.start);
  const stops = offsetsOf(s.text, /[,;.]/g);
  const fullStops = offsetsOf(s.text, /[;.]\s/g);
  for (const n of s.numbers) {
    if (n.unit !== 'year' || skip.has(n.start) || ranges.contains(n.start)) continue;
    if (excluded.contains(s.toDocument(n.start))) continue;
    // The nearest place after the year in its clause, else the nearest before it in its sentence.
    const next = places[lowerBound(places.length, (k) => places[k].start < n.end)];
    const after = next && !anyWithin(stops, n.end, next.start) ? next : undefined;
    const last = lowerBound(places.length, (k) => places[k].end <= n.start) - 1;
    const before = last >= 0 && !anyWithin(fullStops, places[last].end, n.start) ? places[last] : undefined;
    const placed = sentencePlaceKey(after ? [after] : before ? [before] : []);
    const words = clauseWordsAround(s.text, n.start, n.end).filter((w) => !activities.has(w));
    const agree = years.filter((c) => {
      if (!eventAgrees(words.filter((w) => !programWords(ctx, c.claim.program).has(w)), c.figure, GENERIC_YEAR_CUES, programWords(ctx, c.claim.program), spanish)) return false;
      const fp = figurePlace(c.figure);
      // An event dated in a country happened at one of its sites ("en Comayagua, Honduras" for a task force set up in Honduras).
      const siteOf = !!placed && !!fp && fp.sites.length === 0 && placed.countries.length > 0 && placed.countries.join('|') === fp.countries.join('|');
      return !placed || !fp || siteOf || placesAgree(placed, fp);
    });
    if (agree.length === 0) continue;
    if (agree.some((c) => acceptedValues(c.figure).includes(n.value))) continue;
    const fi: FigureInSentence = { start: n.start, end: n.end, text: n.text, value: n.value, class: 'year', qualifier: 'exact', noun: [], context: words };
    yield* mismatch(ctx, s, fi, agree, locale);
  }
}

/** The offsets where `pattern` (global) matches `text`, in order. */
function offsetsOf(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(pattern)].map((m) => m.index);
}

/** Whether a sorted list of offsets holds one in [from, to). */
function anyWithin(offsets: number[], from: number, to: number): boolean {
  const k = lowerBound(offsets.length, (i) => offsets[i] < from);
  return k < offsets.length && offsets[k] < to;
}

function clauseWordsAround(text: string, start: number, end: number): string[] {
  const left = text.slice(Math.max(0, start - 80), start).split(/[;:()]/).pop() ?? '';
  const right = text.slice(end, end + 80).split(/[;:()]/)[0];
  const words = (t: string) => [...t.matchAll(/[\p{L}][\p{L}’'-]*/gu)].map((m) => fold(m[0]));
  return [...words(left).slice(-8), ...words(right).slice(0, 8)];
}

/** The finding for a number that no agreeing figure allows. */
function* mismatch(ctx: CheckContext, s: SentenceModel, n: FigureInSentence, agree: Candidate[], locale: Locale): Iterable<CheckFinding> {
  const ref = numberAt(s, n.start);
  // A value written at the draft's scale, unless that scale would hide it ("0.0 billion").
  const like = (v: number) => (!ref ? String(v) : ref.scaleWord && Math.abs(v) < 0.5 * 10 ** -ref.decimals * ref.scale ? formatNumber(v, ref.style === 'dot' ? 'dot' : 'comma') : formatLike(v, ref));
  const start = s.toDocument(n.start);
  const end = s.toDocument(n.end, true);
  const values = [...new Set(agree.map((c) => c.figure.value))];
  const contested = agree.filter((c) => (c.figure.alternatives ?? []).length > 0);
  const derived = agree.find((c) => c.figure.derived);
  const programs = [...new Set(agree.map((c) => c.claim.program))];
  const sources = [...new Set(agree.flatMap((c) => [c.claim.source, ...(c.figure.alternatives ?? []).map((a) => a.source)]))];
  if (contested.length > 0) {
    const c = contested[0];
    const givers = [{ value: c.figure.value, source: c.claim.source }, ...(c.figure.alternatives ?? [])];
    yield {
      code: 'figure-mismatch',
      start,
      end,
      atMost: 'warning',
      message: msg(locale, 'figure.contested', {
        measure: factWords(c.figure, locale),
        givers: givers.map((g) => msg(locale, 'figure.gives', { source: sourceWords(ctx, g.source, locale), value: like(g.value) })).join(msg(locale, 'figure.and')),
        written: n.text,
      }),
      programs,
      sources,
      fixes: [],
    };
    return;
  }
  if (values.length > 1) return; // Records that disagree with each other, and are not marked contested: nothing to say for sure.
  const c = agree[0];
  // Where the records give that value at several times or places, the message names none of them.
  const oneTime = agree.every((a) => sameRecordedTime(a.figure.time, c.figure.time));
  const onePlace = agree.every((a) => samePlaceKey(figurePlace(a.figure), figurePlace(c.figure)));
  const said = msg(locale, 'figure.recorded', { value: like(c.figure.value), measure: factWords(c.figure, locale, oneTime, onePlace), written: n.text, source: sourceWords(ctx, c.claim.source, locale) });
  if (derived) {
    yield {
      code: 'figure-mismatch',
      start,
      end,
      atMost: 'warning',
      message: said + msg(locale, 'figure.derived', { how: derived.figure.derived ?? '' }) + recordNotes([derived.claim], locale),
      programs,
      sources,
      fixes: [],
    };
    return;
  }
  yield {
    code: 'figure-mismatch',
    start,
    end,
    message: said + recordNotes([c.claim], locale),
    programs,
    sources,
    fixes: [{ title: msg(locale, 'fix.change', { from: n.text, to: like(c.figure.value) }), edits: [{ start, end, newText: like(c.figure.value) }], preferred: true }],
  };
}

/** What a figure counts, with its time and place in words: "police trained in Guatemala in 2017". */
function factWords(f: Figure, locale: Locale, withTime = true, withPlace = true): string {
  const measure = f.measure ?? f.label;
  const when = withTime ? timeWords(f.time, locale) : undefined;
  const said = fold(measure);
  const where = withPlace && f.place?.length && !f.place.every((p) => said.includes(fold(p))) ? `${locale === 'es' ? 'en' : 'in'} ${listWords(f.place, locale)}` : undefined;
  return [measure, where, f.unit === 'year' ? undefined : when].filter(Boolean).join(' ');
}

function listWords(items: string[], locale: Locale): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')}${msg(locale, 'and')}${items[items.length - 1]}`;
}

/** A source by short title and date, and what was checked of it, in plain words and no parentheses. */
function sourceWords(ctx: CheckContext, id: string, locale: Locale): string {
  const source = ctx.records.source(id);
  if (!source) return id;
  const [open, close] = locale === 'es' ? ['«', '»'] : ['“', '”'];
  const title = `${open}${shortTitle(source).replace(/[()]/g, '')}${close}`;
  const date = formatDate(source, locale);
  const status = figureStatus(source, locale);
  return [title, date, status].filter(Boolean).join(', ');
}

function figureStatus(source: Source, locale: Locale): string {
  const checked = source.custom?.checked;
  if (checked === 'wording') return msg(locale, isCopy(source) ? 'figure.status.copy' : 'figure.status.wording');
  if (checked === 'figures') return msg(locale, 'figure.status.figures');
  if (checked === 'document') return msg(locale, 'figure.status.document');
  return msg(locale, 'figure.status.none');
}

/** "a 2016 Southern Command release reads, “…”" where the quoted words come from a 2017 release. */
function* quoteYearFindings(ctx: CheckContext, s: SentenceModel): Iterable<CheckFinding> {
  for (const a of s.attributions) {
    if (a.year === undefined) continue;
    for (const q of s.quotes) {
      if (!q.match?.exact) continue;
      const source = ctx.records.source(q.match.claim.source);
      const year = source && sourceYear(source);
      if (!source || year === undefined || year === a.year) continue;
      const yearAt = a.text.indexOf(String(a.year));
      if (yearAt < 0) continue;
      const start = a.start + yearAt;
      const locale = ctx.options.locale ?? 'en';
      yield {
        code: 'figure-mismatch',
        start,
        end: start + 4,
        // Releases repeat their wording from year to year: that no recorded source of that year has the words is not proof that none does.
        atMost: 'warning',
        message: msg(locale, 'figure.quoteYearUnsure', { source: sourceWords(ctx, source.id, locale), year: a.year }) + recordNotes([q.match.claim], locale),
        programs: [q.match.claim.program],
        sources: [source.id],
        fixes: [{ title: msg(locale, 'fix.change', { from: a.year, to: year }), edits: [{ start, end: start + 4, newText: String(year) }] }],
      };
    }
  }
}
