/**
 * The sentence frame: what a sentence says about when and where, read from plain text, as
 * plain data (DESIGN.md, "Judging a sentence against facts"). Each number a sentence writes
 * (figures.ts) is paired here with the time and place expressions that hold for it — the
 * sentence's own ("in November 2020", "by January 2014", "since 2015", "between 2013 and
 * 2016", "a finales de 2018", "fiscal year 2016", "in Guatemala", "across the region", "en
 * Jutiapa") or, where the sentence has none, its paragraph's — and compared field by field
 * with a recorded figure's time and place (records/types.ts, Figure).
 */
import { fold } from '../records/aliasIndex';
import type { FigureTime } from '../records/types';

/** A date as precise as it was written: YYYY, YYYY-MM or YYYY-MM-DD. */
export type DateText = string;

export interface TimeRef {
  /** Offsets in the sentence's text. */
  start: number;
  end: number;
  kind: 'in' | 'range' | 'since' | 'asOf';
  from: DateText;
  /** The end of a range. */
  to?: DateText;
  /** The year of the last of several laws a total is given over: what follows speaks of that law, in its year. */
  ofLaw?: boolean;
}

export interface PlaceRef {
  start: number;
  end: number;
  /** As written ("Jutiapa", "the region"). */
  name: string;
  countries: string[];
  sites: string[];
  /** "the region", "Central America": more than one country. */
  region: boolean;
  /** The named regions ("Central America", "Caribbean"); none for "the region". */
  regions?: string[];
}

/** Where a place lies, for a place written in a record's figure or a sentence. */
export interface PlaceKey {
  countries: string[];
  sites: string[];
  region: boolean;
  /** Named regions: "Central America" is not "the Caribbean"; "the region" names none. */
  regions?: string[];
}

// ---------------------------------------------------------------------------------------
// Time

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, enero: 1, february: 2, feb: 2, febrero: 2, march: 3, mar: 3, marzo: 3, april: 4, apr: 4, abril: 4,
  may: 5, mayo: 5, june: 6, jun: 6, junio: 6, july: 7, jul: 7, julio: 7, august: 8, aug: 8, agosto: 8,
  september: 9, sept: 9, sep: 9, septiembre: 9, setiembre: 9, october: 10, oct: 10, octubre: 10,
  november: 11, nov: 11, noviembre: 11, december: 12, dec: 12, diciembre: 12,
};
const MONTH = `(?:${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const YEAR = '(?:19|20)\\d\\d';
// Longest forms first: "June 1, 2013", "1 June 2013", "15 de enero de 2012", "November 2020", "noviembre de 2020", "fiscal year 2016", "2013".
const DATE = new RegExp(
  [
    `(?<m1>${MONTH})\\s+(?<d1>\\d{1,2}),?\\s+(?<y1>${YEAR})`,
    `(?<d2>\\d{1,2})\\s+(?<m2>${MONTH})\\s+(?<y2>${YEAR})`,
    `(?<d3>\\d{1,2})\\s+de\\s+(?<m3>${MONTH})(?:\\s+(?:de|del)\\s+(?<y3>${YEAR}))?`,
    `(?<m4>${MONTH})\\s+(?:of\\s+|de\\s+|del\\s+)?(?<y4>${YEAR})`,
    // "On April 1": a day without its year.
    `(?<m7>${MONTH})\\s+(?<d7>\\d{1,2})(?![\\d,.]\\d)`,
    `(?:fiscal\\s+years?|FY|a[ñn]o\\s+fiscal)\\s*(?<y5>${YEAR}|\\d\\d)`,
    `(?<y6>${YEAR})`,
  ].map((p) => `(?<![\\p{L}\\p{N}])${p}(?![\\p{N}])`).join('|'),
  'giu',
);

interface DateToken {
  start: number;
  end: number;
  date: DateText;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The dates written in `text`, in order; a day without its year takes the next date's year ("del 15 de enero al 17 de julio de 2013"). */
function readDates(text: string): DateToken[] {
  const out: Array<DateToken & { yearless?: boolean }> = [];
  for (const m of text.matchAll(DATE)) {
    const g = m.groups ?? {};
    const monthWord = g.m1 ?? g.m2 ?? g.m3 ?? g.m4 ?? g.m7;
    const month = monthWord ? MONTHS[fold(monthWord.replace(/\.$/, ''))] : undefined;
    const day = g.d1 ?? g.d2 ?? g.d3 ?? g.d7;
    let year = g.y1 ?? g.y2 ?? g.y3 ?? g.y4 ?? g.y5 ?? g.y6;
    if (year && year.length === 2) year = `20${year}`;
    // "May 2019" is a month; "may" alone is a verb, and is never read without a year or a day.
    if (monthWord && fold(monthWord) === 'may' && !year) continue;
    const date = [year ?? '????', month ? pad(month) : undefined, month && day ? pad(Number(day)) : undefined].filter(Boolean).join('-');
    out.push({ start: m.index, end: m.index + m[0].length, date, yearless: !year });
  }
  for (let i = 0; i < out.length; i++) {
    if (!out[i].yearless) continue;
    const next = out.slice(i + 1).find((d) => !d.yearless);
    if (next) out[i].date = out[i].date.replace('????', next.date.slice(0, 4));
  }
  // A day whose year the sentence never gives stays a day of some year ("????-04-01"): a record's year is read into it.
  return out;
}

/** A sentence's time with the year it leaves unsaid taken from a record's ("On April 1" against 1 April 2020). */
function withYearOf(s: Omit<TimeRef, 'start' | 'end'>, f: Omit<TimeRef, 'start' | 'end'>): Omit<TimeRef, 'start' | 'end'> {
  if (!s.from.startsWith('????') && !s.to?.startsWith('????')) return s;
  const from = s.from.replace('????', f.from.slice(0, 4));
  return { ...s, from, to: s.to?.replace('????', (f.to ?? f.from).slice(0, 4)) };
}

const RANGE_OPEN = /(?:between|from|entre|desde|de|del|starting|beginning)\s+(?:(?:the|el|la)\s+)?(?:(?:fiscal\s+year|a[ñn]o\s+fiscal)\s+)?$/i;
const RANGE_JOIN = /^\s*(?:and|to|through|thru|until|till|y|a|al|hasta|-|–|—)\s+(?:(?:the|el|la)\s+)?(?:(?:fiscal\s+year|a[ñn]o\s+fiscal)\s+)?$/i;
const SINCE = /(?:since|desde|a\s+partir\s+de|starting\s+in|beginning\s+in|from)\s+(?:(?:the|el|la)\s+)?(?:(?:end|start|beginning|fin|inicio)\s+of\s+)?$/i;
const AS_OF = /(?:as\s+of|as\s+at|by|through|until|hasta|al|a\s+la\s+fecha\s+del?|para\s+(?:el|finales\s+de))\s+(?:(?:the|el|la)\s+)?(?:(?:end|fin)\s+(?:of|de)\s+)?$/i;

// A public law by number, or an act by name.
const LAW = /(?<![\p{L}])(?:P\.\s?L\.\s?\d+-\d+|Pub(?:lic)?\.?\s+L(?:aw|\.)\s+(?:No\.\s+)?\d+-\d+|Act)(?![\p{L}])/gu;
// The year names an act: "FY2010 Consolidated Appropriations Act".
const ACT_AFTER = /^(?:\s+[\p{Lu}][\p{L}-]*){0,4}\s+Act(?![\p{L}])/u;

// "Con miras al año fiscal 2016": the year a plan is for, not a running total's date.
const TOWARD = /(?:con\s+miras|de\s+cara)\s+al\s+(?:a[ñn]o\s+fiscal\s+)?$/i;

/** The time expressions of a sentence. `skip` holds offsets of years that date a source, not the fact ("2018 testimony"). */
export function readTimes(text: string, skip: ReadonlySet<number> = new Set()): TimeRef[] {
  const dates = readDates(text).filter((d) => !skip.has(d.start) && !skip.has(d.end - 4));
  const out: TimeRef[] = [];
  // "…in P.L. 110-252, P.L. 111-8, P.L. 111-32, and, most recently, in the FY2010 Consolidated Appropriations Act": a total
  // over several laws holds up to the year of the last one named, not in it.
  const lists = dates.length > 0 && (text.match(LAW) ?? []).length >= 2;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    const before = text.slice(Math.max(0, d.start - 40), d.start);
    const next = dates[i + 1];
    const between = next ? text.slice(d.end, next.start) : '';
    if (next && (RANGE_JOIN.test(between) && (RANGE_OPEN.test(before) || /^\s*[-–—]\s*$/.test(between)))) {
      out.push({ start: d.start, end: next.end, kind: 'range', from: d.date, to: next.date });
      i++;
      continue;
    }
    if (lists && ACT_AFTER.test(text.slice(d.end, d.end + 80))) out.push({ start: d.start, end: d.end, kind: 'asOf', from: d.date, ofLaw: true });
    else if (SINCE.test(before)) out.push({ start: d.start, end: d.end, kind: 'since', from: d.date });
    else if (AS_OF.test(before) && !TOWARD.test(before)) out.push({ start: d.start, end: d.end, kind: 'asOf', from: d.date });
    else out.push({ start: d.start, end: d.end, kind: 'in', from: d.date });
  }
  return out;
}

// Front matter at the very start of a draft, read no further than this.
const FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*\r?\n([\s\S]{0,4000}?)\r?\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\r?\n|$)/;
const DATE_FIELD = /^date\s*[:=]\s*["']?(\d{4}-\d{2}(?:-\d{2})?)(?![\d])/m;

/** The date a writer gives their draft in its front matter (`date: 2023-12-05`), if any: what "today" and "so far" mean in it. */
export function draftDate(text: string): DateText | undefined {
  const block = FRONT_MATTER.exec(text.slice(0, 4200))?.[1];
  return block ? DATE_FIELD.exec(block)?.[1] : undefined;
}

// Words that date a figure by when the draft was written.
const RELATIVE: Array<[RegExp, (date: DateText) => Omit<TimeRef, 'start' | 'end'>]> = [
  [/(?<![\p{L}])(?:so\s+far|to\s+date|as\s+of\s+today|currently|hasta\s+ahora|hasta\s+la\s+fecha|a\s+la\s+fecha|hasta\s+hoy|actualmente)(?![\p{L}])/iu, (d) => ({ kind: 'asOf', from: d })],
  [/(?<![\p{L}])(?:today|today[’']s|hoy)(?![\p{L}])/iu, (d) => ({ kind: 'in', from: d })],
  [/(?<![\p{L}])(?:this\s+year|este\s+a[ñn]o)(?![\p{L}])/iu, (d) => ({ kind: 'in', from: d.slice(0, 4) })],
  [/(?<![\p{L}])(?:last\s+year|el\s+a[ñn]o\s+pasado)(?![\p{L}])/iu, (d) => ({ kind: 'in', from: String(Number(d.slice(0, 4)) - 1) })],
];

/** The time a sentence gives by the draft's date ("so far", "today", "este año"), when the writer dated the draft; the first such word. */
export function relativeTime(text: string, date: DateText | undefined): Omit<TimeRef, 'start' | 'end'> | undefined {
  if (!date) return undefined;
  let best: { at: number; time: Omit<TimeRef, 'start' | 'end'> } | undefined;
  for (const [re, time] of RELATIVE) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.at)) best = { at: m.index, time: time(date) };
  }
  return best?.time;
}

/** A record's time as a sentence's. */
export function factTime(t: FigureTime | undefined): Omit<TimeRef, 'start' | 'end'> | undefined {
  if (!t) return undefined;
  if ('in' in t) return { kind: 'in', from: t.in };
  if ('from' in t) return { kind: 'range', from: t.from, to: t.to };
  if ('asOf' in t) return { kind: 'asOf', from: t.asOf };
  return { kind: 'since', from: t.since };
}

/** First and last day a date covers, as YYYYMMDD numbers. */
function span(date: DateText): [number, number] {
  const [y, m, d] = date.split('-').map(Number);
  if (d) return [y * 1e4 + m * 100 + d, y * 1e4 + m * 100 + d];
  if (m) return [y * 1e4 + m * 100 + 1, y * 1e4 + m * 100 + 31];
  return [y * 1e4 + 101, y * 1e4 + 1231];
}

/** Two dates name the same day, month or year at the coarser of their precisions ("June 2013" and "June 1, 2013"). */
function sameDate(a: DateText, b: DateText): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

function interval(t: Omit<TimeRef, 'start' | 'end'>): [number, number] {
  if (t.kind === 'range') return [span(t.from)[0], span(t.to ?? t.from)[1]];
  return span(t.from);
}

const within = (a: [number, number], b: [number, number]) => a[0] >= b[0] && a[1] <= b[1];

/**
 * Whether a sentence's time and a record's name the same time: the same year, month or day
 * (one within the other), the same period, the same running total's date, the same start.
 * Different kinds agree only where they say the same: a period and a running total to its
 * end, a period and a start at its beginning.
 */
export function timesAgree(sentence: Omit<TimeRef, 'start' | 'end'>, f: Omit<TimeRef, 'start' | 'end'>): boolean {
  if (f.from.startsWith('????') || f.to?.startsWith('????')) return false;
  const s = withYearOf(sentence, f);
  if (s.kind === 'in' && f.kind === 'in') return within(interval(s), interval(f)) || within(interval(f), interval(s));
  if (s.kind === 'range' && f.kind === 'range') return sameDate(s.from, f.from) && sameDate(s.to ?? s.from, f.to ?? f.from);
  if ((s.kind === 'in' && f.kind === 'range') || (s.kind === 'range' && f.kind === 'in')) {
    const [a, b] = [interval(s), interval(f)];
    // "in 2019" holds a period of May–July 2019; a period of years does not make "in 2013" its total.
    return s.kind === 'in' ? within(b, a) : within(b, a) && sameDate((s.to ?? s.from).slice(0, 4), f.from.slice(0, 4));
  }
  if (s.kind === 'asOf' && f.kind === 'asOf') return sameDate(s.from, f.from);
  if (s.kind === 'asOf' && f.kind === 'range') return sameDate(s.from, f.to ?? f.from);
  if (s.kind === 'range' && f.kind === 'asOf') return sameDate(s.to ?? s.from, f.from);
  if (s.kind === 'since' && f.kind === 'since') return sameDate(s.from, f.from);
  // "today" (30 June 2023) against what holds since 30 June 2023.
  if (s.kind === 'in' && f.kind === 'since') return s.from.length === 10 && s.from === f.from;
  if (s.kind === 'since' && f.kind === 'range') return sameDate(s.from, f.from);
  if (s.kind === 'range' && f.kind === 'since') return sameDate(s.from, f.from);
  return false;
}

/** Whether two records' times are the same time (for "the only time recorded"). */
export function sameTime(a: FigureTime | undefined, b: FigureTime | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A time said in words for a message: "in 2017", "as of June 2013", "from 15 January 2012 to 17 July 2013". */
export function timeWords(t: FigureTime | undefined, locale: 'en' | 'es'): string | undefined {
  const f = factTime(t);
  if (!f) return undefined;
  const d = (x: DateText) => dateWords(x, locale);
  const es = locale === 'es';
  switch (f.kind) {
    case 'in':
      // "on 8 September 2005", "el 8 de septiembre de 2005": a day is not "in".
      if (f.from.length === 10) return es ? `el ${d(f.from)}` : `on ${d(f.from)}`;
      return es ? `en ${d(f.from)}` : `in ${d(f.from)}`;
    case 'range':
      return es ? `del ${d(f.from)} al ${d(f.to ?? f.from)}` : `from ${d(f.from)} to ${d(f.to ?? f.from)}`;
    case 'asOf':
      return es ? `a ${d(f.from)}` : `as of ${d(f.from)}`;
    case 'since':
      return es ? `desde ${d(f.from)}` : `since ${d(f.from)}`;
  }
}

const MONTH_NAMES = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};

function dateWords(date: DateText, locale: 'en' | 'es'): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!m) return String(y);
  const month = MONTH_NAMES[locale][m - 1];
  if (locale === 'es') return d ? `${d} de ${month} de ${y}` : `${month} de ${y}`;
  return d ? `${d} ${month} ${y}` : `${month} ${y}`;
}

// ---------------------------------------------------------------------------------------
// Place

const COUNTRIES: Record<string, string[]> = {
  Guatemala: ['guatemala'],
  Honduras: ['honduras'],
  'El Salvador': ['el salvador'],
  Belize: ['belize', 'belice'],
  'Costa Rica': ['costa rica'],
  Panama: ['panama'],
  Nicaragua: ['nicaragua'],
  Mexico: ['mexico'],
  Colombia: ['colombia'],
  'United States': ['united states', 'estados unidos', 'the u.s.', 'the us', 'ee. uu.', 'ee.uu.', 'eeuu'],
  'Dominican Republic': ['dominican republic', 'republica dominicana'],
  Haiti: ['haiti'],
  Jamaica: ['jamaica'],
  Peru: ['peru'],
  Brazil: ['brazil', 'brasil'],
  Ecuador: ['ecuador'],
  Venezuela: ['venezuela'],
  Cuba: ['cuba'],
};

// Sites in the records and the corpus, with their country.
const SITES: Record<string, string> = {
  jutiapa: 'Guatemala', huehuetenango: 'Guatemala', 'san marcos': 'Guatemala', peten: 'Guatemala', zacapa: 'Guatemala',
  coatepeque: 'Guatemala', coatapeque: 'Guatemala', 'guatemala city': 'Guatemala', 'ciudad de guatemala': 'Guatemala',
  quetzaltenango: 'Guatemala', izabal: 'Guatemala', escuintla: 'Guatemala', chiquimula: 'Guatemala', 'puerto barrios': 'Guatemala',
  'soto cano': 'Honduras', comayagua: 'Honduras', tegucigalpa: 'Honduras', 'san pedro sula': 'Honduras', 'la ceiba': 'Honduras',
  'gracias a dios': 'Honduras', mosquitia: 'Honduras', palmerola: 'Honduras', trujillo: 'Honduras',
  'san salvador': 'El Salvador', 'la union': 'El Salvador', darien: 'Panama', sonora: 'Mexico', chiapas: 'Mexico', tapachula: 'Mexico',
};

// Regions by name, each with the region it names ('' for "the region", which names none).
const REGIONS: Record<string, string> = {
  'central america': 'Central America', centroamerica: 'Central America', 'america central': 'Central America', isthmus: 'Central America', istmo: 'Central America',
  'northern triangle': 'Northern Triangle', 'triangulo norte': 'Northern Triangle',
  'the region': '', 'la region': '', 'region-wide': '', regionwide: '',
  'latin america': 'Latin America', 'america latina': 'Latin America', latinoamerica: 'Latin America',
  caribbean: 'Caribbean', caribe: 'Caribbean',
  'western hemisphere': 'Western Hemisphere', hemisferio: 'Western Hemisphere', 'the hemisphere': 'Western Hemisphere',
  worldwide: 'world', 'the world': 'world', 'el mundo': 'world',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAMES: Array<[string, PlaceKey]> = [
  ...Object.entries(COUNTRIES).flatMap(([country, names]) => names.map((n): [string, PlaceKey] => [n, { countries: [country], sites: [], region: false }])),
  ...Object.entries(SITES).map(([site, country]): [string, PlaceKey] => [site, { countries: [country], sites: [site], region: false }]),
  ...Object.entries(REGIONS).map(([r, name]): [string, PlaceKey] => [r, { countries: [], sites: [], region: true, regions: name ? [name] : [] }]),
].sort((a, b) => b[0].length - a[0].length);
const NAME_RE = new RegExp(`(?<![\\p{L}])(?:${NAMES.map(([n]) => escape(n)).join('|')})(?![\\p{L}])`, 'gu');
const BY_NAME = new Map(NAMES);

// A place is where a figure holds only after a preposition of place: "in Guatemala", "to Guatemala", "across the region", "en Jutiapa".
const PLACE_PREPOSITION = /(?:^|[\s(])(?:in|to|across|throughout|within|around|at|inside|into|en|hacia|a|por\s+todo|por\s+toda|a\s+lo\s+largo\s+de|dentro\s+de|in\s+the\s+department\s+of|department\s+of|departamento\s+de|en\s+el\s+departamento\s+de)\s+(?:(?:the|el|la)\s+)?$/i;

/** The places a sentence says its facts hold in. */
export function readPlaces(text: string): PlaceRef[] {
  const folded = fold(text);
  const out: PlaceRef[] = [];
  if (folded.length !== text.length) return out;
  for (const m of folded.matchAll(NAME_RE)) {
    const key = BY_NAME.get(m[0]);
    if (!key) continue;
    const before = folded.slice(Math.max(0, m.index - 40), m.index);
    const regionWord = key.region && /^(?:region-wide|regionwide|worldwide)$/.test(m[0]);
    const prev = out[out.length - 1];
    // "in Guatemala, Belize, El Salvador, and Honduras", "en Comayagua, Honduras": a list after a place is one place.
    if (prev && prev.countries.length > 0 && key.countries.length > 0 && PLACE_LIST_JOIN.test(folded.slice(prev.end, m.index))) {
      out[out.length - 1] = joinPlaces(prev, { start: m.index, end: m.index + m[0].length, name: '', ...key }, text);
      continue;
    }
    if (!regionWord && !PLACE_PREPOSITION.test(before)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, name: text.slice(m.index, m.index + m[0].length), ...key });
  }
  return out;
}

/** Whether the text names a country, a site or a region anywhere (with or without a preposition of place). */
export function namesPlace(text: string): boolean {
  const folded = fold(text);
  for (const m of folded.matchAll(NAME_RE)) {
    // "the U.S. Immigration and Customs Enforcement headquarters", "EE. UU. Steadfast": the country's name as an adjective names no place.
    if (BY_NAME.get(m[0])?.countries[0] === 'United States' && /^\s+\p{Lu}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
    return true;
  }
  return false;
}

// What joins the names of one list of places: a comma, "and", "y", "or".
const PLACE_LIST_JOIN = /^(?:\s*,\s*(?:(?:and|y|e|or|o)\s+)?|\s+(?:and|y|e|or|o)\s+)$/;

/** A list of places read as one: the countries and sites of both. */
function joinPlaces(a: PlaceRef, b: PlaceRef, text: string): PlaceRef {
  const countries = [...new Set([...a.countries, ...b.countries])];
  return {
    start: a.start,
    end: b.end,
    name: text.slice(a.start, b.end),
    countries,
    sites: [...new Set([...a.sites, ...b.sites])],
    region: countries.length > 1,
  };
}

/** Where a record's place lies: "Huehuetenango, Guatemala", "Central America", "Guatemala–Mexico border". */
export function placeKey(places: string[] | undefined): PlaceKey | undefined {
  if (!places || places.length === 0) return undefined;
  const countries = new Set<string>();
  const sites = new Set<string>();
  const regions = new Set<string>();
  let region = false;
  for (const p of places) {
    const folded = fold(p);
    if (/border|frontera/.test(folded)) {
      // A border is a place of its own, not the countries it separates.
      sites.add(folded);
    }
    for (const m of folded.matchAll(NAME_RE)) {
      const key = BY_NAME.get(m[0]);
      if (!key) continue;
      key.countries.forEach((c) => countries.add(c));
      key.sites.forEach((s) => sites.add(s));
      key.regions?.forEach((r) => regions.add(r));
      region ||= key.region;
    }
  }
  if (countries.size === 0 && sites.size === 0 && !region) return undefined;
  return withRegions({ countries: [...countries].sort(), sites: [...sites].sort(), region: region || countries.size > 1 }, regions);
}

/** A sentence's places as one key. */
export function sentencePlaceKey(places: PlaceRef[]): PlaceKey | undefined {
  if (places.length === 0) return undefined;
  const countries = new Set<string>();
  const sites = new Set<string>();
  const regions = new Set<string>();
  let region = false;
  for (const p of places) {
    p.countries.forEach((c) => countries.add(c));
    p.sites.forEach((s) => sites.add(s));
    p.regions?.forEach((r) => regions.add(r));
    region ||= p.region;
  }
  return withRegions({ countries: [...countries].sort(), sites: [...sites].sort(), region: region || countries.size > 1 }, regions);
}

function withRegions(key: PlaceKey, regions: Set<string>): PlaceKey {
  return regions.size > 0 ? { ...key, regions: [...regions].sort() } : key;
}

/** Two places that both name regions name the same one ("Central America" is not "the Caribbean"). */
function sameRegions(s: PlaceKey, f: PlaceKey): boolean {
  if (!s.regions?.length || !f.regions?.length) return true;
  return s.regions.some((r) => f.regions!.includes(r));
}

/**
 * Whether a sentence's place and a record's are the same place: the same countries (a site in
 * the record, such as Huehuetenango, is in the country the sentence names); a sentence that
 * names one country of a several-country figure, or a site of a country-wide one, speaks of a
 * part ("60 Marines in Guatemala" is not the 300 of the whole force).
 */
export function placesAgree(s: PlaceKey, f: PlaceKey): boolean {
  if (!sameRegions(s, f)) return false;
  if (s.countries.length === 0 && s.region) return f.region;
  if (f.countries.length === 0 && f.region) return s.region && s.sites.length === 0;
  if (s.countries.join('|') !== f.countries.join('|')) return false;
  if (s.sites.length > 0) return f.sites.length > 0 && s.sites.some((x) => f.sites.includes(x));
  return true;
}

/** Two records' places are the same place. */
export function samePlace(a: PlaceKey | undefined, b: PlaceKey | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
