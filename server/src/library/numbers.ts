/**
 * The numbers a document states, in any writing: "4,600", "4600", "4.600" (Spanish thousands;
 * also read as 4.6), "4 600" with a no-break space, "$4.6 million" (4.6 and 4,600,000),
 * "2.1 mil millones", "thirty-six", "fifth", "treinta y seis", "a dozen".
 *
 * Every reading of an ambiguous writing is kept: the question asked of a document is "does it
 * state N anywhere?", and a false "no" (a finding the writer must dismiss) costs more than a
 * false "yes". Pure.
 */

import { lowerBound } from '../sorted';
export interface NumberOccurrences {
  /** Values, ascending; an occurrence with two readings appears twice. */
  values: Float64Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

const DIGITS = /(?<![\p{L}\p{N}])\p{Nd}+(?:[.,\u00A0\u202F\u2009']\p{Nd}+)*(?![\p{L}\p{N}])/gu;
const SCALE_AFTER = /^[ \u00A0]?(thousand|million|billion|trillion|mil millones|mil|mill[oó]n|millones|bill[oó]n|billones|bn|mn|m|k)\b/iu;
const SCALES: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  mil: 1e3, 'mil millones': 1e9, millon: 1e6, 'millón': 1e6, millones: 1e6, billon: 1e12, 'billón': 1e12, billones: 1e12,
  bn: 1e9, mn: 1e6, m: 1e6, k: 1e3,
};

const SCALE = new Map(Object.entries(SCALES));

/** The values a run of digits and separators can stand for. */
export function digitReadings(raw: string): number[] {
  const clean = raw.replace(/[\u00A0\u202F\u2009']/g, ' ');
  const parts = clean.split(/([., ])/);
  const groups: string[] = [];
  const seps: string[] = [];
  for (let i = 0; i < parts.length; i++) (i % 2 === 0 ? groups : seps).push(parts[i]);
  const out = new Set<number>();
  if (seps.length === 0) {
    out.add(Number(clean));
    return [...out];
  }
  // Thousands only: every group after the first has three digits, all separators alike.
  const sameSep = seps.every((s) => s === seps[0]);
  if (sameSep && groups.slice(1).every((g) => g.length === 3) && groups[0].length <= 3) out.add(Number(groups.join('')));
  // The last separator a decimal point ("4,600.5", "4.600,5", "4.6", "4,6").
  const last = seps[seps.length - 1];
  if (last !== ' ') {
    const lead = groups.slice(0, -1);
    const leadSeps = seps.slice(0, -1);
    const leadOk = leadSeps.every((s) => s !== last) && (lead.length === 1 || (lead.slice(1).every((g) => g.length === 3) && lead[0].length <= 3));
    if (leadOk) out.add(Number(`${lead.join('')}.${groups[groups.length - 1]}`));
  }
  return [...out].filter((v) => Number.isFinite(v));
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
  cero: 0, uno: 1, una: 1, un: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19,
  veinte: 20, veintiuno: 21, veintidos: 22, veintitres: 23, veinticuatro: 24, veinticinco: 25, veintiseis: 26,
  veintisiete: 27, veintiocho: 28, veintinueve: 29, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60,
  setenta: 70, ochenta: 80, noventa: 90, docena: 12,
  cien: 100, ciento: 100, doscientos: 200, doscientas: 200, trescientos: 300, trescientas: 300,
  cuatrocientos: 400, cuatrocientas: 400, quinientos: 500, quinientas: 500, seiscientos: 600, seiscientas: 600,
  setecientos: 700, setecientas: 700, ochocientos: 800, ochocientas: 800, novecientos: 900, novecientas: 900,
  primero: 1, primera: 1, segundo: 2, segunda: 2, tercero: 3, tercera: 3, cuarto: 4, cuarta: 4, quinto: 5, quinta: 5,
  sexto: 6, sexta: 6, septimo: 7, septima: 7, octavo: 8, octava: 8, noveno: 9, novena: 9, decimo: 10, decima: 10,
};
const MULTIPLIERS: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, mil: 1e3, millon: 1e6, millones: 1e6,
};
// Words that stand for a number only beside other number words: "a second", "once", "un" alone
// are not numbers.
const ALONE_NOT_NUMBER = new Set(['second', 'segundo', 'segunda', 'once', 'un', 'una', 'uno', 'cuarto', 'cuarta', 'one']);
const JOINERS = new Set(['and', 'y']);
const WORDS = /[\p{L}]+/gu;

// eslint-disable-next-line no-control-regex -- the whole ASCII range
const ASCII = /^[\x00-\x7f]*$/;

function fold(word: string): string {
  const lower = word.toLowerCase();
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

const UNIT = new Map(Object.entries(UNITS));
const MULTIPLIER = new Map(Object.entries(MULTIPLIERS));

/** Spelled-out numbers ("four thousand six hundred", "thirty-six", "treinta y seis"), with their spans. */
function wordNumbers(text: string, push: (value: number, start: number, end: number) => void): void {
  let total = 0;
  let current = 0;
  let count = 0;
  let start = -1;
  let end = -1;
  let lastWord = '';
  let pendingJoiner = false;
  const flush = () => {
    if (count > 0 && !(count === 1 && ALONE_NOT_NUMBER.has(lastWord))) push(total + current, start, end);
    total = 0;
    current = 0;
    count = 0;
    start = -1;
    pendingJoiner = false;
  };
  const re = new RegExp(WORDS.source, WORDS.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = fold(m[0]);
    const gapOk = end < 0 || /^[\s-]*(?:(?:and|y)\s+)?$/u.test(text.slice(end, m.index));
    if (count > 0 && !gapOk) flush();
    const unit = UNIT.get(w);
    const mul = MULTIPLIER.get(w);
    if (unit !== undefined) {
      current += unit;
      if (count === 0) start = m.index;
      count++;
      end = m.index + m[0].length;
      lastWord = w;
      pendingJoiner = false;
    } else if (mul !== undefined && (count > 0 || w === 'mil')) {
      if (count === 0) start = m.index;
      if (mul === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * mul;
        current = 0;
      }
      count++;
      end = m.index + m[0].length;
      lastWord = w;
      pendingJoiner = false;
    } else if (count > 0 && JOINERS.has(w) && !pendingJoiner) {
      // "thirty and": the joiner belongs to the number only if a number word follows.
      pendingJoiner = true;
    } else if (count > 0) flush();
  }
  flush();
}

/** Every number a text states, in every reading, ascending by value. */
export function extractNumbers(text: string): NumberOccurrences {
  const found: Array<[number, number, number]> = [];
  const push = (value: number, start: number, end: number) => found.push([value, start, end]);
  const re = new RegExp(DIGITS.source, DIGITS.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const readings = digitReadings(m[0]);
    const scale = SCALE_AFTER.exec(text.slice(end, end + 16));
    for (const v of readings) {
      push(v, start, end);
      if (scale) {
        const factor = SCALE.get(scale[1].toLowerCase()) ?? SCALE.get(fold(scale[1]));
        if (factor) push(v * factor, start, end + scale[0].length);
      }
    }
  }
  wordNumbers(text, push);
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const values = new Float64Array(found.length);
  const starts = new Uint32Array(found.length);
  const ends = new Uint32Array(found.length);
  found.forEach(([v, s, e], i) => {
    values[i] = v;
    starts[i] = s;
    ends[i] = e;
  });
  return { values, starts, ends };
}

/** The occurrences whose value lies in [lo, hi] (binary search). */
export function numbersBetween(numbers: NumberOccurrences, lo: number, hi: number): Array<{ value: number; start: number; end: number }> {
  const v = numbers.values;
  const a = lowerBound(v.length, (i) => v[i] < lo);
  const out: Array<{ value: number; start: number; end: number }> = [];
  for (let i = a; i < v.length && v[i] <= hi; i++) out.push({ value: v[i], start: numbers.starts[i], end: numbers.ends[i] });
  return out;
}
