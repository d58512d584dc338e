/**
 * Comparing like with like (DESIGN.md, "Judging a sentence against facts"): a number in a
 * sentence against a recorded figure, field by field — what is counted (the noun phrase and
 * the words around the number against the figure's measure and cues, English and Spanish),
 * when, where — and the values against what both qualifiers allow. The sentence side is a
 * plain-data frame (SentenceFrame) that can be printed for a sentence.
 */
import { fold } from '../records/aliasIndex';
import { lowerBound } from '../sorted';
import type { Figure, FigureQualifier, FigureUnit } from '../records/types';
import { isCountNoun, statesFigure, type NumberQualifier, type NumberRef } from './figures';
import { factTime, placeKey, placesAgree, readPlaces, readTimes, sentencePlaceKey, timesAgree, type PlaceKey, type PlaceRef, type TimeRef } from './frame';

/** Kinds of figure that can be compared with each other. */
export type FigureClass = 'money' | 'percent' | 'year' | 'mass' | 'week' | 'month' | 'day' | 'distance' | 'count';

export function unitClass(unit: FigureUnit | undefined): FigureClass {
  switch (unit) {
    case 'usd':
      return 'money';
    case 'percent':
      return 'percent';
    case 'year':
      return 'year';
    case 'kilogram':
    case 'ton':
      return 'mass';
    case 'week':
    case 'month':
    case 'day':
      return unit;
    case 'mile':
      return 'distance';
    default:
      return 'count';
  }
}

export function numberClass(n: NumberRef): FigureClass {
  if (n.money) return 'money';
  return unitClass(n.unit);
}

/** A number of a sentence with what the sentence says of it. */
export interface FigureInSentence {
  /** Offsets in the sentence's text. */
  start: number;
  end: number;
  text: string;
  value: number;
  class: FigureClass;
  qualifier: NumberQualifier;
  noun: string[];
  /** The words around it in its clause, folded: what it counts and what was done. */
  context: string[];
  time?: Omit<TimeRef, 'start' | 'end'>;
  /** Where the time came from: the sentence or its paragraph. */
  timeFrom?: 'sentence' | 'paragraph';
  place?: PlaceKey;
  placeFrom?: 'sentence' | 'paragraph';
}

/** The sentence frame: its figures, times and places (plain data, printable). */
export interface SentenceFrame {
  programs: string[];
  figures: FigureInSentence[];
  times: TimeRef[];
  places: PlaceRef[];
}

/** What a paragraph said before a sentence: its last time and place. */
export interface ParagraphContext {
  time?: Omit<TimeRef, 'start' | 'end'>;
  place?: PlaceKey;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.’'-]*/gu;
// A clause ends at these: the words of another clause say what its own numbers count.
const CLAUSE_BREAK = /[;:—–]|,\s+(?:and|but|while|which|y|pero|mientras)\s/u;

// How far a clause's words are looked for on either side of a number: enough for 16 words.
const CLAUSE_REACH = 400;

/** The words of the clause around [start, end), up to `before` words before and `after` after, not crossing `from` or `to` (the numbers on either side). */
function clauseWords(text: string, start: number, end: number, from = 0, to = text.length, before = 8, after = 8): string[] {
  const left = text.slice(Math.max(from, start - CLAUSE_REACH), start);
  const right = text.slice(end, Math.min(to, end + CLAUSE_REACH));
  const lb = lastBreak(left);
  const rb = right.search(CLAUSE_BREAK);
  const l = [...left.slice(lb).matchAll(WORD)].map((m) => fold(m[0])).slice(-before);
  const r = [...(rb >= 0 ? right.slice(0, rb) : right).matchAll(WORD)].map((m) => fold(m[0])).slice(0, after);
  return [...l, ...r];
}

function lastBreak(s: string): number {
  let at = 0;
  for (const m of s.matchAll(new RegExp(CLAUSE_BREAK.source, 'gu'))) at = m.index + m[0].length;
  return at;
}

const EVENT_BEFORE = /(?:launched|established|created|founded|began|started|inaugurated|announced|signed|approved|anunciad[oa]|cread[oa]|lanzad[oa]|inaugurad[oa]|fundad[oa]|firmad[oa]|aprobad[oa])\s+(?:[\p{L}.]+\s+){0,4}$/iu;

/** Times in order of start, with the running largest end, for finding the nearest to a number in log time. */
interface TimeIndex {
  times: TimeRef[];
  /** maxEndAt[i]: the index, among the first i + 1 times, of the one that ends last. */
  maxEndAt: number[];
}

function timeIndex(times: TimeRef[]): TimeIndex {
  const sorted = [...times].sort((a, b) => a.start - b.start);
  const maxEndAt: number[] = [];
  sorted.forEach((t, i) => maxEndAt.push(i > 0 && sorted[maxEndAt[i - 1]].end >= t.end ? maxEndAt[i - 1] : i));
  return { times: sorted, maxEndAt };
}

/** The time that holds for a number: the sentence's nearest time expression before it, else after it. */
function timeFor(n: { start: number; end: number }, { times, maxEndAt }: TimeIndex): TimeRef | undefined {
  if (times.length <= 1) return times[0];
  // The nearest: "launched in 2007 for which Congress has appropriated almost $3.8 billion since FY2008".
  // A time before the number counts three characters further than one after it, so "before" wins only when nearer.
  const distance = (t: TimeRef) => (t.end <= n.start ? n.start - t.end + 3 : t.start >= n.end ? t.start - n.end : 0);
  const k = lowerBound(times.length, (i) => times[i].start < n.end);
  const candidates = [times[k], k > 0 ? times[maxEndAt[k - 1]] : undefined].filter((t): t is TimeRef => t !== undefined);
  return candidates.sort((a, b) => distance(a) - distance(b) || a.start - b.start)[0];
}

/** Whether [start, end) lies inside one of the times. */
function insideTime(n: { start: number; end: number }, { times, maxEndAt }: TimeIndex): boolean {
  const k = lowerBound(times.length, (i) => times[i].start <= n.start);
  return k > 0 && times[maxEndAt[k - 1]].end >= n.end;
}

/**
 * The frame of a sentence: each number with what it counts, its qualifier, time and place.
 * Numbers inside a date ("June 1, 2013"), and years, are not figures of it; `skipYears` are
 * offsets of years that date a source ("2018 testimony").
 */
export function sentenceFrame(text: string, numbers: Array<NumberRef & { text: string }>, programs: string[], paragraph: ParagraphContext = {}, skipYears: ReadonlySet<number> = new Set()): SentenceFrame {
  const allTimes = readTimes(text, skipYears);
  // "which was launched in January 2012": the date of an event, not of the sentence's figures, when the sentence has another.
  const eventTime = (t: TimeRef) => EVENT_BEFORE.test(text.slice(Math.max(0, t.start - 40), t.start));
  const times = allTimes.some((t) => !eventTime(t)) ? allTimes.filter((t) => !eventTime(t)) : allTimes;
  const places = [...readPlaces(text)].sort((a, b) => a.start - b.start);
  const timed = timeIndex(times);
  // "CENTAM Guardian 24", "Title 42", "Exercise 2024": a number after a capitalised word, counting nothing, is part of a name.
  const inName = (n: NumberRef) => (n.noun ?? []).length === 0 && !n.money && /(?<![.!?]\s*|^)\b\p{Lu}[\p{L}-]*\s+$/u.test(text.slice(Math.max(0, n.start - 30), n.start)) && !/^(?:In|En|By|Since|Desde|From|About|Over|Some|Unos|Unas|More|Más|Nearly|Almost|Casi)\s+$/.test(text.slice(Math.max(0, n.start - 8), n.start).replace(/^.*?(\p{Lu})/u, '$1'));
  const counted = numbers.filter((n) => n.unit !== 'year' && !insideTime(n, timed) && !inName(n));
  const firstOfClass = new Map<FigureClass, number>();
  const previousOfClass = new Map<FigureClass, number>();
  const figures: FigureInSentence[] = counted.map((n, i) => {
    const cls = numberClass(n);
    // A list of amounts shares the words before its first one: "appropriated some $1.3 billion for …, $248 million for …".
    if (!firstOfClass.has(cls)) firstOfClass.set(cls, i);
    const f = firstOfClass.get(cls)!;
    const first = counted[f];
    const previous = previousOfClass.has(cls) ? counted[previousOfClass.get(cls)!] : undefined;
    previousOfClass.set(cls, i);
    // Only a plain list: no verb of its own between the previous amount and this one ("…, and disbursed at least $189 million").
    const plainList = previous && !/(?:ed|ado|ido|ó)\s|[;:]/iu.test(text.slice(previous.end, n.start));
    const shared = first !== n && plainList ? clauseWords(text, first.start, first.start, f > 0 ? counted[f - 1].end : 0, text.length, 16, 0) : [];
    const t = timeFor(n, timed);
    // A place after the number holds for it only in its own part of the sentence ("36 organizations to date, many with linkages across Central America").
    const next = places[lowerBound(places.length, (k) => places[k].start < n.end)];
    const after = next && !/[,;]/.test(text.slice(n.end, next.start)) ? next : undefined;
    const last = places[lowerBound(places.length, (k) => places[k].end <= n.start) - 1];
    const sentencePlace = sentencePlaceKey(after ? [after] : last ? [last] : []);
    const place = sentencePlace ?? paragraph.place;
    return {
      start: n.start,
      end: n.end,
      text: n.text,
      value: n.value,
      class: numberClass(n),
      qualifier: n.qualifier ?? 'exact',
      noun: n.noun ?? [],
      context: [...shared, ...clauseWords(text, n.start, n.end, i > 0 ? counted[i - 1].end : 0, i + 1 < counted.length ? counted[i + 1].start : text.length)],
      time: t ? { kind: t.kind, from: t.from, to: t.to } : paragraph.time,
      timeFrom: t ? 'sentence' : paragraph.time ? 'paragraph' : undefined,
      place,
      placeFrom: sentencePlace ? 'sentence' : paragraph.place ? 'paragraph' : undefined,
    };
  });
  pairRangeEnds(text, figures, times);
  return { programs, figures, times, places };
}

/** "From fiscal year 2011 through fiscal year 2013 … increased from 32,065 to 40,864": each end of the change takes its end of the period. */
function pairRangeEnds(text: string, figures: FigureInSentence[], times: TimeRef[]): void {
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i];
    const b = figures[i + 1];
    const t = a.time;
    if (!t || t.kind !== 'range' || a.class !== b.class) continue;
    if (!/(?:from|de|desde)\s+(?:about\s+|some\s+|unos?\s+)?\$?\s*$/i.test(text.slice(Math.max(0, a.start - 20), a.start))) continue;
    if (!/^\s*(?:[\p{L}]+\s+)?(?:to|a|hasta)\s+(?:about\s+|some\s+|unos?\s+)?\$?\s*$/iu.test(text.slice(a.end, b.start))) continue;
    if (!times.length) continue;
    a.time = { kind: 'in', from: t.from };
    b.time = { kind: 'in', from: t.to ?? t.from };
  }
}

// ---------------------------------------------------------------------------------------
// Measure

// Records give cues and measures mostly in English; a Spanish sentence says the same with these stems (and back).
const EQUIVALENTS: string[][] = [
  ['train', 'capacit', 'entren', 'form'],
  ['expan', 'ampli'],
  ['creat', 'crea', 'cread', 'creac'],
  ['launch', 'lanz'],
  ['inaugur'],
  ['install', 'instal'],
  ['identif', 'identific'],
  ['organization', 'organizac'],
  ['arrest', 'captur', 'deten', 'detain', 'aprehen'],
  ['deploy', 'despleg', 'despli'],
  ['seiz', 'incaut', 'decomis'],
  ['donat', 'don'],
  ['member', 'miembro', 'integrante', 'efectivo', 'elemento'],
  ['police', 'polic'],
  ['soldier', 'soldad', 'troop', 'tropa', 'militar'],
  ['agent', 'agente'],
  ['personnel', 'personal', 'efectivo'],
  ['officer', 'oficial'],
  ['official', 'funcionari', 'oficial'],
  ['charg', 'acus', 'imput', 'cargo'],
  ['deliver', 'entreg'],
  ['vehicle', 'vehicul'],
  ['armor', 'blind'],
  ['country', 'countri', 'pais'],
  ['appropriat', 'asign', 'apropi', 'aprob'],
  ['allocat', 'asign'],
  ['cost', 'costo', 'cuesta'],
  ['participant', 'particip'],
  ['investigator', 'investigador'],
  ['analyst', 'analista'],
  ['student', 'estudiant', 'alumn'],
  ['patient', 'pacient'],
  ['school', 'escuel'],
  ['case', 'caso'],
  ['cocaine', 'cocain'],
  ['marijuana', 'marihuan'],
  ['vessel', 'embarcac'],
  ['establish', 'establec', 'fundad', 'fundac'],
  ['announc', 'anunci'],
  ['began', 'begin', 'start', 'comenz', 'inici', 'empez'],
];
const EQUIVALENT_OF = new Map<string, string[]>();
for (const group of EQUIVALENTS) for (const stem of group) EQUIVALENT_OF.set(stem, [...new Set([...(EQUIVALENT_OF.get(stem) ?? []), ...group])]);

// Words that never tell what a figure counts: function words, scale words, and words too general to agree on.
const NOT_A_MEASURE = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'and', 'or', 'with', 'from', 'its', 'their', 'per', 'as', 'into', 'that', 'this', 'was', 'were', 'be',
  'el', 'la', 'los', 'las', 'de', 'del', 'en', 'y', 'o', 'por', 'para', 'con', 'al', 'su', 'sus', 'que', 'un', 'una',
  'million', 'millions', 'billion', 'thousand', 'millones', 'millon', 'mil', 'hundred',
  'u.s', 'u.s.', 'us', 'usd', 'dollar', 'dollars', 'dolar', 'dolares', 'total', 'number', 'numero', 'year', 'years', 'ano', 'anos', 'annual', 'fiscal',
  'new', 'more', 'than', 'about', 'some', 'all', 'other', 'otros', 'otras', 'since', 'desde', 'first', 'primer', 'primera', 'start', 'inicio',
  'program', 'programa', 'programs', 'operation', 'operacion', 'task', 'force', 'fuerza', 'tarea', 'initiative', 'iniciativa', 'a day', 'per day', 'por dia', 'al dia',
]);

const UNIT_OF_MEASURE = /^(?:kg|kgs|kilos?|kilograms?|kilogramos?|tons?|tonnes?|toneladas?|metric|weeks?|semanas?|months?|meses|mes|days?|dias?|miles?|km|kilometers?|kilometros?|percent|por|ciento)$/;

// Nationalities written before what is counted: "350 Guatemalan service members" are not the 1,000 U.S. ones.
const NATIONALITIES: Array<[string, RegExp]> = [
  ['US', /^(?:u\.?s\.?|american|americans|estadounidenses?|norteamerican[oa]s?)$/],
  ['Guatemala', /^guatemal(?:an|ans|tecos?|tecas?)$/],
  ['Honduras', /^hondure(?:no|na)s?$|^hondurans?$/],
  ['El Salvador', /^salvadore(?:no|na)s?$|^salvadorans?$/],
  ['Mexico', /^mexican(?:s|os|as)?$|^mexicanos?$/],
  ['Belize', /^belize(?:an|ans|nos?)$|^belice(?:nos?)$/],
  ['Colombia', /^colombian(?:s|os|as)?$/],
  ['Panama', /^paname(?:nian|nians|nos?|nas?)$|^panamanians?$/],
];

function nationalityOf(words: string[]): string | undefined {
  for (const w of words) for (const [n, re] of NATIONALITIES) if (re.test(w.replace(/[’']+$/, ''))) return n;
  return undefined;
}

const SUFFIX = /(?:ations?|ments?|ings?|ed|es|s)$/;

/** A word's stem for matching: "deployment" → "deploy", "trained" → "train", "officers" → "officer". */
export function stemOf(word: string): string {
  const w = fold(word).replace(/[.’']+$/, '');
  const stripped = w.replace(SUFFIX, '');
  return stripped.length >= 4 ? stripped : w;
}

function stemsMatch(word: string, stem: string): boolean {
  if (word.length < 3 || stem.length < 3) return word === stem;
  const w = stemOf(word);
  return w.startsWith(stem) || (stem.startsWith(w) && w.length >= 5 && stem.length - w.length <= 2);
}

const stemCache = new WeakMap<Figure, { all: string[]; head: string[]; concepts: string[] }>();

/** Words that name the program a figure is about ("TCIU", "Iniciativa", "Mérida"): they never say what is counted. */
export type ProgramWords = ReadonlySet<string>;

function usable(w: string, placeWords: Set<string>, programWords: ProgramWords): boolean {
  return w.length >= 3 && !/\d/.test(w) && !NOT_A_MEASURE.has(w) && !placeWords.has(w) && !isProgramWord(w, programWords, true) && !nationalityOf([w]);
}

function withEquivalents(words: string[]): string[] {
  const out = new Set<string>();
  for (const w of words) {
    const s = w.includes(' ') ? w : stemOf(w);
    out.add(s);
    for (const [key, group] of EQUIVALENT_OF) if (s.startsWith(key) || (key.startsWith(s) && s.length >= 4)) group.forEach((g) => out.add(g));
  }
  return [...out];
}

// A measure's head ends where its qualifying words start: "countries | participating", "police | trained", "members | of the task force".
const HEAD_END = /^(?:in|of|for|per|to|by|from|with|at|on|as|que|de|del|en|por|para|con)$|(?:ed|ing)$/;

/**
 * The stems that name what a figure counts: all of them (its cues and its measure's words),
 * the head's (the measure's first words, "countries" of "countries participating", and the cues),
 * and the measure's own words (concepts), each with Spanish or English equivalents; never a
 * place, nationality, scale word, or a word of the program's name.
 */
export function figureStems(figure: Figure, programWords: ProgramWords = new Set()) {
  let stems = stemCache.get(figure);
  if (stems) return stems;
  const placeWords = new Set((figure.place ?? []).flatMap((p) => fold(p).split(/[\s,–-]+/)));
  const measureWords = `${figure.measure ?? figure.label}`.split(/[\s/(),]+/).map((w) => fold(w).replace(/[.’']+$/, '')).filter(Boolean);
  const concepts = measureWords.filter((w) => usable(w, placeWords, programWords));
  const head: string[] = [];
  for (const w of measureWords) {
    if (head.length > 0 && HEAD_END.test(w)) break;
    if (usable(w, placeWords, programWords) && !/^(?:and|y|or|o)$/.test(w)) head.push(w);
  }
  const cues = (figure.cues ?? []).map((w) => fold(w).replace(/[.’']+$/, '')).filter((w) => usable(w, placeWords, programWords));
  stems = { all: withEquivalents([...cues, ...concepts]), head: withEquivalents([...head, ...cues]), concepts };
  stemCache.set(figure, stems);
  return stems;
}

export function measureStems(figure: Figure, programWords: ProgramWords = new Set()): string[] {
  return figureStems(figure, programWords).all;
}

/**
 * Whether the words of a year's clause name the event a year figure dates: as many of them
 * name the event as it takes words to say it, up to two ("expanded" for "year the TCIU was
 * expanded"; "began" and "working" for "year Guatemalan police began working with DHS").
 */
export function eventAgrees(words: string[], figure: Figure, generic: ReadonlySet<string>, programWords: ProgramWords, spanish = false): boolean {
  const { all, concepts: all_concepts } = figureStems(figure, programWords);
  const concepts = all_concepts.filter((w) => !generic.has(w));
  const stems = all.filter((st) => !generic.has(st));
  const matched = new Set(words.filter((w) => w.length >= 3 && stems.some((st) => stemsMatch(w, st))));
  if (matched.size === 0 || matched.size < Math.min(2, Math.max(1, concepts.length))) return false;
  // The measure's own words ("RLA" of "first RLA programs") must be there, not only its cues; a
  // Spanish sentence, against a measure written in English, has only the cues and their equivalents.
  const conceptStems = withEquivalents(concepts);
  return concepts.length === 0 || spanish || words.some((w) => conceptStems.some((st) => stemsMatch(w, st)));
}

function matchesAny(words: string[], stems: string[], joined: string): boolean {
  return stems.some((st) => (st.includes(' ') ? joined.includes(st) : words.some((w) => stemsMatch(w, st))));
}

/** A word of the program's name, or its plural ("21 BESTs", "TCIUs"). */
function isProgramWord(w: string, programWords: ProgramWords, exact = false): boolean {
  // "Marines" of "Special Purpose Marine Air-Ground Task Force" still counts people.
  if (isCountNoun(w)) return false;
  return programWords.has(w) || (!exact && /s$/.test(w) && programWords.has(w.slice(0, -1)));
}

/** The words of a number's noun phrase that say what it counts: not a unit of measure ("kilograms", "semanas", the figure's kind already), a program's name, a nationality or a function word. */
function countedWords(n: FigureInSentence, programWords: ProgramWords): string[] {
  return n.noun.filter((w) => !NOT_A_MEASURE.has(w) && !isProgramWord(w, programWords) && !nationalityOf([w]) && !(n.class !== 'count' && UNIT_OF_MEASURE.test(w)));
}

/**
 * How many words of what a number counts a figure's measure names ("MS-13 members": two for
 * "MS-13 members charged", one for "gang members charged"): among figures that agree, the
 * ones that name more of it are what the sentence speaks of.
 */
export function measureScore(n: FigureInSentence, figure: Figure, programWords: ProgramWords = new Set()): number {
  const { all } = figureStems(figure, programWords);
  // Names written with digits ("MS-13") count as they are written.
  const named = new Set([figure.measure ?? figure.label, ...(figure.cues ?? [])].flatMap((t) => fold(t).split(/[\s/(),]+/)).filter((w) => /\p{L}/u.test(w) && /\d/.test(w)));
  return countedWords(n, programWords).filter((w) => named.has(w) || all.some((st) => stemsMatch(w, st))).length;
}

/**
 * Whether a number counts what a figure measures: a word of what it counts (its noun phrase)
 * names the measure; or, where the number names nothing a sentence counts in, a word of its clause
 * does. A different nationality ("350 Guatemalan service members" against U.S. ones) never agrees.
 */
export function measureAgrees(n: FigureInSentence, figure: Figure, programWords: ProgramWords = new Set()): boolean {
  const { all: stems, head } = figureStems(figure, programWords);
  if (stems.length === 0) return false;
  const sNat = nationalityOf(n.noun);
  const fNat = nationalityOf(`${figure.measure ?? ''} ${figure.label}`.split(/\s+/).map((w) => fold(w)));
  if (sNat && fNat && sNat !== fNat) return false;
  const nounWords = countedWords(n, programWords);
  // The number names what it counts ("41 arrests", "15 escuelas"): that must be the figure's head.
  if (nounWords.length > 0) return matchesAny(nounWords, head, nounWords.join(' '));
  // "21 BESTs": the number counts units of the program itself; the figure's cues name the program too.
  if (n.noun.length > 0 && n.noun.every((w) => isProgramWord(w, programWords) || NOT_A_MEASURE.has(w)) && n.noun.some((w) => isProgramWord(w, programWords))) {
    return (figure.cues ?? []).some((c) => programWords.has(fold(c)));
  }
  const context = n.context.filter((w) => !programWords.has(w));
  return matchesAny(context, stems, context.join(' '));
}

// ---------------------------------------------------------------------------------------
// Values

type Range = [number, number];

/** What a value and its qualifier allow. */
function allowed(value: number, q: NumberQualifier | FigureQualifier | undefined, tolerance: number): Range {
  switch (q) {
    case 'about':
      return [value - roundness(value) - tolerance, value + roundness(value) + tolerance];
    case 'almost':
      return [value - roundness(value) - tolerance, value + tolerance];
    case 'more-than':
    case 'at-least':
      return [value - tolerance, value * 1.25 + tolerance];
    case 'fewer-than':
      return [value * 0.75 - tolerance, value + tolerance];
    case 'up-to':
      return [0, value + tolerance];
    default:
      return [value - tolerance, value + tolerance];
  }
}

/**
 * How far "about" reaches from a value: to half the place of its last significant digit ("about
 * 4,600" is 4,550–4,650, "about 300" 250–350), at least 5% and at most 15% of it.
 */
function roundness(value: number): number {
  let place = 1;
  while (value !== 0 && value % (place * 10) === 0) place *= 10;
  return Math.min(Math.max(place / 2, value * 0.05), value * 0.15);
}

const LOWER = new Set(['more-than', 'at-least']);
const UPPER = new Set(['almost', 'fewer-than', 'up-to']);

/**
 * Whether a written number can state a recorded value, given both qualifiers: their ranges
 * meet; and two bounds of the same kind ("more than 1,900" against "more than 900") name the
 * same bound.
 */
export function valuesAgree(n: Pick<NumberRef, 'value' | 'scale' | 'decimals'> & { qualifier?: NumberQualifier }, value: number, q: FigureQualifier | undefined): boolean {
  if (statesFigure(n, value)) return true;
  const tolerance = n.scale === 1 ? 0 : 0.5 * 10 ** -n.decimals * n.scale;
  const sq = n.qualifier ?? 'exact';
  if ((LOWER.has(sq) && LOWER.has(q ?? '')) || (UPPER.has(sq) && UPPER.has(q ?? ''))) {
    return Math.abs(n.value - value) <= Math.max(tolerance, value * 0.05);
  }
  const a = allowed(n.value, sq, tolerance);
  const b = allowed(value, q, 0);
  return a[0] <= b[1] && b[0] <= a[1];
}

/** A record's time as the frame compares it. */
export function figureTime(f: Figure) {
  return factTime(f.time);
}

export function figurePlace(f: Figure): PlaceKey | undefined {
  return placeKey(f.place);
}

export { timesAgree, placesAgree };
