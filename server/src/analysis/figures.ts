/**
 * Figures in a sentence: years, counts with what they count, and dollar amounts, read from
 * plain text ("4,600 Guatemalan police", "since 2015", "$2,600", "three-week", "4.600").
 */
import type { FigureUnit } from '../records/types';

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
}

const UNIT_WORDS: Array<[FigureUnit, RegExp]> = [
  ['person', /^(?:police(?:men|women)?|polic[ií]as?|officers?|officials?|agents?|agentes|personnel|people|persons?|personas|marines?|troops?|soldiers?|soldados|investigators?|analysts?|members?|prosecutors?|advisers?|advisors?|trainees?|students?|cadets?|staff|migrants?|children|adults|families|individuals|employees|guards?|specialists?)$/i],
  ['organization', /^(?:organi[sz]ations?|organizaciones|groups?|grupos|networks?|redes|gangs?|cartels?|TCOs?|DTOs?)$/i],
  ['arrest', /^(?:arrests?|arrestos?|capturas?|detenciones|detentions?|arrested)$/i],
  ['vehicle', /^(?:vehicles?|veh[ií]culos?|jeeps?|trucks?|helicopters?|aircraft|boats?|vessels?)$/i],
  ['week', /^(?:weeks?|semanas?)$/i],
  ['month', /^(?:months?|meses|mes)$/i],
  ['day', /^(?:days?|d[ií]as?)$/i],
  ['mile', /^(?:miles?)$/i],
  ['percent', /^(?:percent|per|por|%)$/i],
  ['usd', /^(?:dollars?|d[oó]lares|USD)$/i],
];

// Words that may stand between a number and what it counts: "4,600 Guatemalan police", "36 illicit organizations".
const MAX_GAP_WORDS = 2;

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
  dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
};

const NUMBER = /(?<![\p{L}\p{N}.,])(\$\s?)?(\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+(?![.,]?\d)|\d+(?:\.\d+)?)(?:\s?(%|million|billion|thousand|mil|millones))?(?![\p{L}\p{N}])/gu;
const WORD_NUMBER = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join('|')})(?=[-\\s])`, 'giu');

/** The figures written in a sentence, in order. */
export function findNumbers(text: string, spanishDigits = false): NumberRef[] {
  const out: NumberRef[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const digits = m[2];
    const start = m.index + (m[1]?.length ?? 0);
    const end = start + digits.length;
    let style: NumberRef['style'] = 'plain';
    let value: number;
    if (/^\d{1,3}(,\d{3})+$/.test(digits)) {
      style = 'comma';
      value = Number(digits.replace(/,/g, ''));
    } else if (/^\d{1,3}(\.\d{3})+$/.test(digits) && (spanishDigits || /^\d{1,3}(\.\d{3}){2,}$/.test(digits) || /^\s*d[oó]lares/i.test(text.slice(end)))) {
      // "4.600" is Spanish for 4,600; in English it would be 4.6, so only a Spanish draft or "dólares" says so.
      style = 'dot';
      value = Number(digits.replace(/\./g, ''));
    } else {
      value = Number(digits);
    }
    if (!Number.isFinite(value)) continue;
    const scaleWord = m[3] && m[3] !== '%' ? m[3] : undefined;
    const scale = SCALES[scaleWord?.toLowerCase() ?? ''] ?? 1;
    value *= scale;
    const decimals = style === 'plain' ? (digits.split('.')[1]?.length ?? 0) : 0;
    let unit: FigureUnit | undefined;
    if (m[1]) unit = 'usd';
    else if (m[3] === '%') unit = 'percent';
    else unit = unitAfter(text, m.index + m[0].length) ?? (isYear(digits, text, start) ? 'year' : undefined);
    // A scaled figure's range takes in its scale word, so that a correction rewrites both.
    const scaledEnd = scaleWord ? m.index + m[0].length : end;
    out.push({ start, end: scaledEnd, value, unit, style, scaleWord, scale, decimals });
  }
  for (const m of text.matchAll(WORD_NUMBER)) {
    const unit = unitAfter(text, m.index + m[0].length);
    if (unit) out.push({ start: m.index, end: m.index + m[0].length, value: NUMBER_WORDS[m[1].toLowerCase()], unit, style: 'word', scale: 1, decimals: 0 });
  }
  return out.sort((a, b) => a.start - b.start);
}

const SCALES: Record<string, number> = { thousand: 1e3, mil: 1e3, million: 1e6, millones: 1e6, billion: 1e9 };

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
