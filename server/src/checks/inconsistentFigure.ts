/**
 * Consistency across drafts: the same program and the same thing counted ("4,600 Guatemalan
 * police" in one draft, "6,400 Guatemalan police" in another), at the same time and place,
 * stated differently. Never across different dates, places or scopes: a running total by 2017
 * and a count in 2017 are different facts; so are 60 Marines in Guatemala and 300 in the region.
 * Each side gets a finding that points at the other.
 */
import type { Finding, Severity } from '../analysis/model';
import { unitWordAfter, type NumberQualifier } from '../analysis/figures';
import { placesAgree, sentenceFrame, stemOf, timesAgree, valuesAgree, type FigureInSentence } from '../analysis/figureMatch';
import { msg, type Locale } from '../l10n/messages';
import { numberAt, sourceYearOffsets } from './figureMismatch';
import type { CrossDraftFinding, DraftModel, WorkspaceCheck } from './types';

export type { DraftModel } from './types';

export const inconsistentFigure: WorkspaceCheck = {
  code: 'inconsistent-figure',
  description: 'The same program and kind of figure stated differently in two drafts (4,600 officers in one, 6,400 in another).',
  descriptionEs: 'El mismo programa y el mismo tipo de cifra con valores distintos en dos borradores (4.600 agentes en uno, 6.400 en otro); lo informa «Comprobar todos los borradores del espacio de trabajo».',
  docs: {
    meaning: 'The same program and kind of figure stated differently in two drafts (workspace check, or `claimcheck check` over several drafts).',
    example: '4,600 Guatemalan police in one draft, 6,400 in another',
  },
  defaultSeverity: 'warning',
  scope: 'workspace',
  checkDrafts: (drafts, locale) => compareDrafts(drafts, locale),
};

/** The check's findings over `drafts`, sorted by path and offset, at `severity` (by default the check's own). */
export function findInconsistencies(drafts: DraftModel[], locale: Locale = 'en', severity: Severity = inconsistentFigure.defaultSeverity): Array<Finding & { path: string }> {
  return compareDrafts(drafts, locale).map((f) => ({ ...f, severity }));
}

interface Statement {
  path: string;
  start: number;
  end: number;
  value: number;
  scale: number;
  decimals: number;
  qualifier: NumberQualifier;
  written: string;
  program: string;
  noun: string;
  time?: FigureInSentence['time'];
  place?: FigureInSentence['place'];
}

// Kinds of figure compared across drafts: counts of people and things, durations, distances. Money
// and shares are not: one program's amounts are appropriated, obligated, spent, each a different fact.
const COMPARED = new Set(['count', 'week', 'month', 'day', 'distance', 'mass']);

/** The noun a figure counts, as a stem ("police", "officer"), with its nationality; or none. */
function countedNoun(n: FigureInSentence): string | undefined {
  const words = n.noun.filter((w) => !/^(?:and|y|more|than)$/.test(w));
  if (words.length === 0) return undefined;
  // The thing counted: the first unit word, or the phrase's first word ("Guatemalan police" → police; "vehículos blindados" → vehicul).
  const unitWord = words.find((w) => unitWordAfter(` ${w}`, 0));
  return [...words.slice(0, words.indexOf(unitWord ?? words[0])), unitWord ?? words[0]].map(stemOf).join(' ');
}

/** The first `count` words after `from`, as written. */
function writtenWords(text: string, from: number, count: number): string {
  if (count === 0) return '';
  const words = text.slice(from).match(new RegExp(`^(?:[\\s-]*[^\\s-]+){${count}}`, 'u'));
  return (words?.[0] ?? '').replace(/^[\s-]+/, '').replace(/[.,;:]+$/, '');
}

/** Two statements speak of the same time: both name none, or both name one that agrees. */
function sameTime(a: Statement, b: Statement): boolean {
  if (!a.time || !b.time) return !a.time && !b.time;
  return timesAgree(a.time, b.time) && timesAgree(b.time, a.time);
}

function samePlace(a: Statement, b: Statement): boolean {
  if (!a.place || !b.place) return !a.place && !b.place;
  return placesAgree(a.place, b.place) && placesAgree(b.place, a.place);
}

/** Whether two drafts' figures can both be true: the same time and place, and values both qualifiers allow. */
const agree = (a: Statement, b: Statement) => !sameTime(a, b) || !samePlace(a, b) || valuesAgree(a, b.value, b.qualifier === 'almost' ? 'up-to' : b.qualifier) || valuesAgree(b, a.value, a.qualifier === 'almost' ? 'up-to' : a.qualifier);

/** Findings for figures that two drafts state differently: same program, thing counted, time and place. */
function compareDrafts(drafts: DraftModel[], locale: Locale): CrossDraftFinding[] {
  const byKey = new Map<string, Statement[]>();
  for (const draft of drafts) {
    for (const s of draft.sentences) {
      if (s.programs.length !== 1 || s.inFootnote || s.isQuestion) continue;
      const frame = sentenceFrame(s.text, s.numbers, s.programs, {}, sourceYearOffsets(s.text));
      for (const n of frame.figures) {
        if (!COMPARED.has(n.class)) continue;
        const noun = countedNoun(n);
        if (!noun) continue;
        const key = `${s.programs[0]}\u0000${n.class}\u0000${noun}`;
        const ref = numberAt(s, n.start);
        const statement: Statement = {
          path: draft.path,
          start: s.toDocument(n.start),
          end: s.toDocument(n.end, true),
          value: n.value,
          scale: ref?.scale ?? 1,
          decimals: ref?.decimals ?? 0,
          qualifier: n.qualifier,
          written: n.text,
          program: s.programs[0],
          noun: writtenWords(s.text, n.end, n.noun.length),
          time: n.time,
          place: n.place,
        };
        const list = byKey.get(key);
        if (list) list.push(statement);
        else byKey.set(key, [statement]);
      }
    }
  }
  const out: CrossDraftFinding[] = [];
  for (const statements of byKey.values()) {
    const values = new Set(statements.map((s) => s.value));
    if (values.size < 2) continue;
    for (const s of statements) {
      const others = statements.filter((o) => o.path !== s.path && !agree(o, s));
      if (others.length === 0) continue;
      out.push({
        path: s.path,
        code: 'inconsistent-figure',
        start: s.start,
        end: s.end,
        message: msg(locale, 'consistency.figure', {
          written: `${s.written} ${s.noun}`.trim(),
          others: others.map((o) => msg(locale, 'consistency.in', { written: o.written, path: o.path })).join('; '),
        }),
        programs: [s.program],
        sources: [],
        fixes: [],
        related: others.map((o) => ({ path: o.path, start: o.start, end: o.end, message: msg(locale, 'consistency.other', { written: o.written }) })),
      });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path) || a.start - b.start);
}
