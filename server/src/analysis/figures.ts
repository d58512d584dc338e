/**
 * Figures in a sentence: years, counts with what they count, and dollar amounts, read from
 * plain text ("4,600 Guatemalan police", "since 2015", "$2,600", "three-week", "4.600").
 */
import type { FigureUnit } from '../records/types';
import { fold } from '../records/aliasIndex';

export type NumberQualifier = 'exact' | 'about' | 'more-than' | 'at-least' | 'fewer-than' | 'up-to' | 'almost';

export interface NumberRef {
  /** Offsets of the digits (or number word) in the plain text. */
  start: number;
  end: number;
  value: number;
  unit: FigureUnit | undefined;
  /** How the number was written, to write a correction the same way. */
  style: 'plain' | 'comma' | 'dot' | 'word';
  /** "2.1 million": the scale word (part of the range), what it multiplies by, and the decimals written. */
  scaleWord?: string;
  scale: number;
  decimals: number;
  /** How the sentence gives it: "about 300", "más de 1.000", "casi 300". */
  qualifier?: NumberQualifier;
  /** The words after it that say what it counts ("Guatemalan police", "vehículos blindados"), folded. */
  noun?: string[];
  /** Written with a currency sign or word. */
  money?: boolean;
}

const UNIT_WORDS: Array<[FigureUnit, RegExp]> = [
  ['person', /^(?:police(?:men|women)?|polic[ií]as?|officers?|officials?|oficiales|agents?|agentes|personnel|people|persons?|personas|marines?|troops?|soldiers?|soldados|investigators?|investigadores|analysts?|analistas|members?|miembros|prosecutors?|fiscales|advisers?|advisors?|trainees?|students?|cadets?|staff|migrants?|migrantes|children|ni[ñn]os|adults|families|individuals|employees|empleados|guards?|specialists?|efectivos|elementos|integrantes|sailors?|defendants?|citizens?|ciudadanos|patients?|pacientes|graduates?)$/i],
  ['organization', /^(?:organi[sz]ations?|organizaciones|groups?|grupos|networks?|redes|gangs?|pandillas|cartels?|carteles|TCOs?|DTOs?)$/i],
  ['arrest', /^(?:arrests?|arrestos?|capturas?|detenciones|detentions?|arrested)$/i],
  ['vehicle', /^(?:vehicles?|veh[ií]culos?|jeeps?|trucks?|helicopters?|helic[oó]pteros|aircraft|boats?|vessels?|embarcaciones)$/i],
  ['week', /^(?:weeks?|semanas?)$/i],
  ['month', /^(?:months?|meses|mes)$/i],
  ['day', /^(?:days?|d[ií]as?)$/i],
  ['mile', /^(?:miles?)$/i],
  ['kilogram', /^(?:kilograms?|kilogramos?|kilos?|kg|kgs)$/i],
  ['ton', /^(?:tons?|tonnes?|toneladas?|metric)$/i],
  ['percent', /^(?:percent|porcentaje|%)$/i],
  ['usd', /^(?:dollars?|d[oó]lares|USD)$/i],
];

const COUNT_NOUNS = new Set<FigureUnit>(['person', 'organization', 'arrest', 'vehicle']);

/** Whether a word names what is counted in people, organizations, arrests or vehicles ("Marines", "efectivos"), whatever else it names. */
export function isCountNoun(word: string): boolean {
  return UNIT_WORDS.some(([unit, re]) => COUNT_NOUNS.has(unit) && re.test(word));
}

// Words that may stand between a number and what it counts: "4,600 Guatemalan police", "36 illicit organizations".
const MAX_GAP_WORDS = 2;

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100, dozen: 12,
  dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, doce: 12, quince: 15, veinte: 20, treinta: 30, cien: 100,
};

const SCALE_WORD = '%|mil\\s+millones|millones|mill[oó]n|million|billion|thousand|mil';
const NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}.,]|[\\p{L}\\p{N}]-)((?:US)?\\$\\s?)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:\\.\\d{3})+(?![.,]?\\d)|\\d+(?:[.,]\\d+)?)(?:\\s?(${SCALE_WORD}))?(?![\\p{L}\\p{N}]|-\\d|\\(\\p{L}\\))`,
  'giu',
);
// "One thousand U.S. Army units", "three-week", "dos semanas", "a dozen".
const WORD_NUMBER = new RegExp(`(?<![\\p{L}])(${Object.keys(NUMBER_WORDS).join('|')})(?:\\s+(hundred|thousand|mil))?(?=[-\\s])`, 'giu');

// Spanish function words: a sentence with several of them writes "4.600" for 4,600 and "2,1" for 2.1.
const SPANISH_WORDS = /(?<![\p{L}])(?:el|la|los|las|del|de|y|en|que|por|para|con|una?|unos|unas|desde|hasta|m[aá]s|se|su|sus|fue|son|est[aá])(?![\p{L}])/giu;

/** Whether a sentence reads as Spanish (for its digits). */
export function looksSpanish(text: string): boolean {
  let n = 0;
  for (const _ of text.matchAll(SPANISH_WORDS)) if (++n >= 3) return true;
  return false;
}

const QUALIFIERS: Array<[NumberQualifier, RegExp]> = [
  ['more-than', /(?:more\s+than|over|in\s+excess\s+of|upwards\s+of|above|m[aá]s\s+de|superior\s+a)\s*$/i],
  ['at-least', /(?:at\s+least|no\s+(?:fewer|less)\s+than|al\s+menos|por\s+lo\s+menos|como\s+m[ií]nimo)\s*$/i],
  ['almost', /(?:almost|nearly|just\s+under|casi|cerca\s+de)\s*$/i],
  ['about', /(?:about|approximately|approx\.|around|roughly|some|an\s+estimated|estimated|unos|unas|alrededor\s+de|aproximadamente|aprox\.|aproximados?)\s*$/i],
  ['fewer-than', /(?:fewer\s+than|less\s+than|under|menos\s+de)\s*$/i],
  ['up-to', /(?:up\s+to|as\s+many\s+as|hasta)\s*$/i],
];

/** How the words before a number qualify it. */
function qualifierBefore(text: string, at: number): NumberQualifier | undefined {
  const before = text.slice(Math.max(0, at - 30), at).replace(/(?:a\s+total\s+of|the|los|las)\s*$/i, '');
  for (const [q, re] of QUALIFIERS) if (re.test(before)) return q;
  return undefined;
}

// Words that end the noun phrase a number counts.
const NOUN_STOP = /^(?:in|on|at|of|to|and|or|y|o|en|de|del|que|that|which|who|since|from|for|by|with|con|por|para|are|were|was|is|have|has|had|will|would|be|been|son|fue|fueron|han|ha|est[aá]n?|as|como|per|a|an|the|el|la|los|las|this|these|its|their|su|sus|between|entre|during|durante|through|across|hasta|desde|al|after|before|under|over|while)$/i;

/** The words after a number that name what it counts, folded: "4,600 Guatemalan police" → guatemalan, police. */
function nounAfter(text: string, from: number): string[] {
  const rest = text.slice(from, from + 80);
  const words = rest.match(/^[-\s]*(?:[\p{L}%][\p{L}\p{N}.’'%-]*[\s-]*){0,4}/u)?.[0].split(/[\s]+|-(?=\p{L})/u).filter(Boolean) ?? [];
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const clean = words[i].replace(/[.’']+$/u, '');
    // "260 domestic and international arrests": a coordination inside the phrase, not after it.
    if (out.length > 0 && /^(?:and|or|y|o)$/i.test(clean) && words[i + 1] && !NOUN_STOP.test(words[i + 1]) && !unitWordAfter(` ${words[i - 1]}`, 0)) continue;
    // "400 U.S. Marines training with local partners": a participle after what is counted says what they do.
    if (out.length > 0 && /(?:ing|ando|iendo)$/i.test(clean) && isCountNoun(words[i - 1].replace(/[.’',]+$/u, ''))) break;
    if (NOUN_STOP.test(clean) || /^(?:million|billion|thousand|mil|millones|mill[oó]n)$/i.test(clean)) {
      if (out.length === 0 && /^(?:million|billion|thousand|mil|millones|mill[oó]n)$/i.test(clean)) continue;
      break;
    }
    out.push(fold(clean));
    if (out.length >= 4) break;
  }
  return out;
}

// "207,740 kilograms of cocaine", "37.397 kg de marihuana": a weight says what it weighs after "of".
const WEIGHT_OF = /^[\s-]*(?:metric\s+)?(?:kilograms?|kilogramos?|kilos?|kgs?|tons?|tonnes?|toneladas?)\s+(?:of|de)\s+/iu;

/** What a number counts; for a weight, the unit and what it weighs. */
function measuredNoun(text: string, after: number, unit: FigureUnit | undefined): string[] {
  const noun = nounAfter(text, after);
  if (unit !== 'kilogram' && unit !== 'ton') return noun;
  const of = WEIGHT_OF.exec(text.slice(after, after + 40));
  return of ? [...noun, ...nounAfter(text, after + of[0].length)] : noun;
}

/** The figures written in a sentence, in order. */
export function findNumbers(text: string, spanishDigits = false): NumberRef[] {
  const out: NumberRef[] = [];
  const spanish = spanishDigits || looksSpanish(text);
  for (const m of text.matchAll(NUMBER)) {
    const digits = m[2];
    const start = m.index + (m[1]?.length ?? 0);
    const end = start + digits.length;
    let style: NumberRef['style'] = 'plain';
    let value: number;
    let decimals = 0;
    const scaleWord = m[3] && m[3] !== '%' ? m[3].replace(/\s+/g, ' ') : undefined;
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) {
      style = 'comma';
      value = Number(digits.replace(/,/g, ''));
      decimals = digits.split('.')[1]?.length ?? 0;
    } else if (/^\d{1,3}(\.\d{3})+$/.test(digits) && (spanish || /^\d{1,3}(\.\d{3}){2,}$/.test(digits) || /^\s*d[oó]lares/i.test(text.slice(end)))) {
      // "4.600" is Spanish for 4,600; in English it would be 4.6, so only a Spanish sentence or "dólares" says so.
      style = 'dot';
      value = Number(digits.replace(/\./g, ''));
    } else if (/^\d+,\d{1,2}$/.test(digits)) {
      // "2,1 millones": a Spanish decimal comma.
      style = 'dot';
      value = Number(digits.replace(',', '.'));
      decimals = digits.split(',')[1].length;
    } else if (/^\d+,\d+$/.test(digits)) {
      continue;
    } else {
      value = Number(digits);
      decimals = digits.split('.')[1]?.length ?? 0;
    }
    if (!Number.isFinite(value)) continue;
    const scale = SCALES[fold(scaleWord ?? '')] ?? 1;
    value = Math.round(value * scale * 1e6) / 1e6;
    const after = m.index + m[0].length;
    const money = !!m[1] || /^\s*(?:d[oó]lares|dollars|USD)/i.test(text.slice(after));
    const perCent = /^\s*(?:per\s*cent|por\s+ciento)(?![\p{L}])/iu.test(text.slice(after));
    let unit: FigureUnit | undefined;
    if (money) unit = 'usd';
    else if (m[3] === '%' || perCent) unit = 'percent';
    else unit = unitAfter(text, after) ?? (isYear(digits, text, start) ? 'year' : undefined);
    // A scaled figure's range takes in its scale word, so that a correction rewrites both.
    const scaledEnd = scaleWord ? after : end;
    out.push({ start, end: scaledEnd, value, unit, style, scaleWord, scale, decimals, qualifier: qualifierBefore(text, m.index), noun: unit === 'year' ? [] : measuredNoun(text, after, unit), money });
  }
  for (const m of text.matchAll(WORD_NUMBER)) {
    const end = m.index + m[0].length;
    const unit = unitAfter(text, end);
    const scale = m[2] ? SCALES[fold(m[2])] ?? 100 : 1;
    const noun = nounAfter(text, end);
    // A bare number word counts only when a unit word or a capitalised phrase follows ("One thousand U.S. Army units").
    if (!unit && !(m[2] && noun.length > 0)) continue;
    if (out.some((n) => n.start <= m.index && n.end > m.index)) continue;
    out.push({ start: m.index, end, value: NUMBER_WORDS[m[1].toLowerCase()] * scale, unit, style: 'word', scale: 1, decimals: 0, qualifier: qualifierBefore(text, m.index), noun });
  }
  return out.sort((a, b) => a.start - b.start);
}

const SCALES: Record<string, number> = { thousand: 1e3, mil: 1e3, million: 1e6, millones: 1e6, millon: 1e6, 'mil millones': 1e9, billion: 1e9, hundred: 100 };

/**
 * Whether a written figure states `value`: exactly, or for a scaled figure ("$2.1 million") as
 * the value rounded to the digits written (2,078,988 is "2.1 million").
 */
export function statesFigure(n: Pick<NumberRef, 'value' | 'scale' | 'decimals'>, value: number): boolean {
  if (n.scale === 1) return n.value === value;
  return Math.abs(n.value - value) <= 0.5 * 10 ** -n.decimals * n.scale * (1 + 1e-9);
}

/** `value` written as `n` was: in its style, or for a scaled figure at its scale and decimals ("2.1 million"). */
export function formatLike(value: number, n: Pick<NumberRef, 'style' | 'scaleWord' | 'scale' | 'decimals'>): string {
  if (n.scaleWord) {
    const scaled = (value / n.scale).toFixed(n.decimals);
    return `${n.style === 'dot' ? scaled.replace('.', ',') : scaled} ${n.scaleWord}`;
  }
  return formatNumber(value, n.style === 'word' ? 'plain' : n.style);
}

function isYear(digits: string, text: string, start: number): boolean {
  if (!/^(19|20)\d\d$/.test(digits)) return false;
  // "page 2015" or "No. 2015" are not years; everything else written as 19xx/20xx is.
  return !/(?:p\.|pp\.|No\.|page|n[úu]m\.)\s*$/i.test(text.slice(Math.max(0, start - 8), start));
}

/** What the number counts: the first unit word within a couple of words after it ("600-mile", "36 illicit organizations"). */
function unitAfter(text: string, from: number): FigureUnit | undefined {
  return unitWordAfter(text, from)?.unit;
}

/** The unit word after a number and the unit it names ("police" → person). */
export function unitWordAfter(text: string, from: number): { unit: FigureUnit; word: string } | undefined {
  const rest = text.slice(from, from + 60);
  const words = rest.match(/^[-\s]*(?:[\p{L}%]+[-\s]*){0,3}/u)?.[0].split(/[-\s]+/).filter(Boolean) ?? [];
  for (let i = 0; i < Math.min(words.length, MAX_GAP_WORDS + 1); i++) {
    // "1,450 per day", "1.000 al día": a rate, not a duration.
    if (/^(?:per|a|por|al|each|cada)$/i.test(words[i])) break;
    for (const [unit, re] of UNIT_WORDS) if (re.test(words[i])) return { unit, word: words[i] };
    // Stop at words that end the noun phrase.
    if (/^(?:in|on|at|of|to|and|or|y|en|de|that|which|who|since|from|for)$/i.test(words[i])) break;
  }
  return undefined;
}

/** Writes a corrected value in the writer's own style. */
export function formatNumber(value: number, style: NumberRef['style']): string {
  if (style === 'comma') return value.toLocaleString('en-US');
  if (style === 'dot') return value.toLocaleString('en-US').replace(/,/g, '.');
  return String(value);
}
