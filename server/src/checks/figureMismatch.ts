import type { CheckContext, SentenceModel } from '../analysis/model';
import { formatLike, formatNumber, statesFigure } from '../analysis/figures';
import { SOURCE_NOUNS, sourceYear } from '../analysis/attributions';
import { formatDate } from '../analysis/bibliography';
import { fold } from '../records/aliasIndex';
import type { Claim, Figure } from '../records/types';
import type { Check, CheckFinding } from './types';
import { recordNotes, sourceLabel } from './describe';
import { Intervals } from '../analysis/intervals';
import { msg } from '../l10n/messages';

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
    for (const s of ctx.sentences) {
      if (s.inFootnote) continue;
      yield* figureFindings(ctx, s);
      yield* quoteYearFindings(ctx, s);
    }
  },
};

/** Claims a sentence speaks to: about a program it names, or from a source it cites or attributes. */
function relevantClaims(ctx: CheckContext, s: SentenceModel): Claim[] {
  const claims = new Set<Claim>();
  for (const p of s.programs) for (const c of ctx.records.claimsAbout(p)) claims.add(c);
  for (const c of [...s.citations, ...s.inheritedCitations]) for (const id of c.sources) for (const claim of ctx.records.claimsFrom(id)) claims.add(claim);
  for (const a of [...s.attributions, ...s.inheritedAttributions]) for (const id of a.sources) for (const claim of ctx.records.claimsFrom(id)) claims.add(claim);
  return [...claims];
}

// Records give their cues in English; a Spanish draft states the same fact with these stems.
const SPANISH_CUES: Record<string, string[]> = {
  train: ['capacit', 'entren', 'form'],
  expan: ['ampli', 'expand'],
  since: ['desde'],
  began: ['comenz', 'inici', 'empez'],
  start: ['inici', 'comenz', 'empez'],
  creat: ['cre'],
  launch: ['lanz'],
  inaugur: ['inaugur'],
  install: ['instal'],
  identif: ['identific'],
  organization: ['organizac'],
  arrest: ['arrest', 'captur', 'deten'],
  deploy: ['despleg', 'despli'],
  seiz: ['incaut', 'decomis'],
  donat: ['don'],
  member: ['miembro', 'integrante', 'efectivo'],
  police: ['polic'],
  soldier: ['soldad'],
  agent: ['agente'],
  personnel: ['personal'],
  month: ['mes'],
  week: ['semana'],
  charg: ['acus', 'imput'],
  deliver: ['entreg'],
};

const stemPatterns = new Map<string, RegExp>();

/** A stem as the start of a word; compiled once per stem, not once per sentence. */
function stemPattern(stem: string): RegExp {
  let re = stemPatterns.get(stem);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fold(stem))}`, 'u');
    stemPatterns.set(stem, re);
  }
  return re;
}

const cuePatterns = new WeakMap<Figure, RegExp[]>();

function hasCue(foldedText: string, figure: Figure): boolean {
  let patterns = cuePatterns.get(figure);
  if (!patterns) {
    patterns = (figure.cues ?? []).flatMap((cue) => [cue, ...(SPANISH_CUES[fold(cue)] ?? [])]).map(stemPattern);
    cuePatterns.set(figure, patterns);
  }
  return patterns.some((re) => re.test(foldedText));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Kinds of source, either case of their first letter ("Posture Statement").
const KIND_OF_SOURCE = `(?:${['posture statement', ...SOURCE_NOUNS, 'hearing', 'audit', 'estudio', 'auditoría']
  .map((k) => k.replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => `${sp ? '\\s+' : ''}[${c.toUpperCase()}${c}]`))
  .join('|')})`;
// "GAO's 2018 report", "a 2016 HSI testimony", "the 2017 SOUTHCOM posture statement", "el informe de 2018": the year of a source, not of the fact.
const YEAR_BEFORE_KIND = new RegExp(`(?<![\\p{L}\\p{N}])(?:19|20)\\d\\d(?:\\s+(?:[\\p{Lu}][\\p{L}.’'-]*|of|del?)){0,3}\\s+${KIND_OF_SOURCE}(?![\\p{L}])`, 'gu');
const KIND_BEFORE_YEAR = new RegExp(`(?<![\\p{L}])${KIND_OF_SOURCE}\\s+(?:of|from|dated|de|del)\\s+(?:[\\p{L}]+\\s+(?:de\\s+)?)?(?:19|20)\\d\\d(?![\\p{N}])`, 'gu');

/** Offsets in a sentence's text of the years that date a source it speaks of. */
function sourceYearOffsets(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(YEAR_BEFORE_KIND)) out.add(m.index);
  for (const m of text.matchAll(KIND_BEFORE_YEAR)) out.add(m.index + m[0].length - 4);
  return out;
}

function* figureFindings(ctx: CheckContext, s: SentenceModel): Iterable<CheckFinding> {
  if (s.numbers.length === 0) return;
  // Only figures in a unit the sentence writes can be contradicted by it.
  const units = new Set(s.numbers.map((n) => n.unit));
  let folded: string | undefined;
  // Figures of the same fact: the sentence carries one of the figure's cue words.
  const figures: Array<{ claim: Claim; figure: Figure }> = [];
  for (const claim of relevantClaims(ctx, s)) {
    for (const figure of claim.figures ?? []) {
      if (!units.has(figure.unit)) continue;
      folded ??= fold(s.text);
      if (hasCue(folded, figure)) figures.push({ claim, figure });
    }
  }
  if (figures.length === 0) return;
  const excluded = new Intervals([...s.attributions, ...s.quotes.filter((q) => q.match)]);
  const sourceYears = sourceYearOffsets(s.text);
  const numbers = s.numbers.filter((n) => !excluded.contains(s.toDocument(n.start)) && !(n.unit === 'year' && sourceYears.has(n.start)));
  const reported = new Set<number>();
  for (const { figure } of figures) {
    const sameUnit = numbers.filter((n) => n.unit === figure.unit);
    if (sameUnit.length === 0 || sameUnit.some((n) => statesFigure(n, figure.value))) continue;
    const expected = figures.filter((f) => f.figure.unit === figure.unit);
    const values = [...new Set(expected.map((f) => f.figure.value))];
    for (const n of sameUnit) {
      if (values.some((v) => statesFigure(n, v)) || reported.has(n.start)) continue;
      reported.add(n.start);
      const start = s.toDocument(n.start);
      const end = s.toDocument(n.end, true);
      const locale = ctx.options.locale ?? 'en';
      const said = expected
        // A scaled figure ("2.1 million") is told the record's exact value.
        .map((f) => `${n.scaleWord ? formatNumber(f.figure.value, n.style === 'dot' ? 'dot' : 'comma') : formatLike(f.figure.value, n)} (${f.figure.label}; ${sourceLabel(ctx.records, f.claim.source, locale)})`)
        .filter((v, i, all) => all.findIndex((w) => w.split(' (')[0] === v.split(' (')[0]) === i);
      yield {
        code: 'figure-mismatch',
        start,
        end,
        message: msg(locale, 'figure.mismatch', { said: said.join(msg(locale, 'figure.or')), written: n.text }) + recordNotes(expected.map((f) => f.claim), locale),
        programs: [...new Set(expected.map((f) => f.claim.program))],
        sources: [...new Set(expected.map((f) => f.claim.source))],
        fixes: values.map((v, i) => ({
          title: msg(locale, 'fix.change', { from: n.text, to: formatLike(v, n) }),
          edits: [{ start, end, newText: formatLike(v, n) }],
          preferred: i === 0 && values.length === 1,
        })),
      };
    }
  }
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
        message: msg(locale, 'figure.quoteYear', { source: sourceLabel(ctx.records, source.id, locale), date: formatDate(source, locale) ?? String(year), year: a.year }) + recordNotes([q.match.claim], locale),
        programs: [q.match.claim.program],
        sources: [source.id],
        fixes: [{ title: msg(locale, 'fix.change', { from: a.year, to: year }), edits: [{ start, end: start + 4, newText: String(year) }], preferred: true }],
      };
    }
  }
}
