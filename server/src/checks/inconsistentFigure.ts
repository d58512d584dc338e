/**
 * Consistency across drafts: the same program and the same kind of figure ("4,600 Guatemalan
 * police" in one draft, "6,400 Guatemalan police" in another) stated differently. Each side
 * gets a finding that points at the other.
 */
import type { Finding, Severity } from '../analysis/model';
import { fold } from '../records/aliasIndex';
import { formatNumber, statesFigure, unitWordAfter } from '../analysis/figures';
import { msg, type Locale } from '../l10n/messages';
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
  /** "2.1 million": a figure rounded at a scale agrees with the values it rounds. */
  scale: number;
  decimals: number;
  written: string;
  program: string;
  noun: string;
}

const agree = (a: Statement, b: Statement) => statesFigure(a, b.value) || statesFigure(b, a.value);

// Units whose figures describe one fact per program and noun; years and bare counts say too many things.
const COMPARED = new Set(['person', 'usd', 'organization', 'arrest', 'vehicle', 'week', 'month', 'day', 'mile', 'percent']);

/** The noun a figure counts, folded and singular ("police", "officer"), or the unit when no noun says. */
function countedNoun(text: string, end: number, unit: string): string {
  const word = fold(unitWordAfter(text, end)?.word ?? unit);
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Findings for figures that two drafts state differently, keyed by program, unit and counted noun. */
function compareDrafts(drafts: DraftModel[], locale: Locale): CrossDraftFinding[] {
  const byKey = new Map<string, Statement[]>();
  for (const draft of drafts) {
    for (const s of draft.sentences) {
      if (s.programs.length !== 1 || s.inFootnote || s.isQuestion) continue;
      for (const n of s.numbers) {
        if (!n.unit || !COMPARED.has(n.unit)) continue;
        const noun = countedNoun(s.text, n.end, n.unit);
        const key = `${s.programs[0]}\u0000${n.unit}\u0000${noun}`;
        const statement: Statement = {
          path: draft.path,
          start: s.toDocument(n.start),
          end: s.toDocument(n.end, true),
          value: n.value,
          scale: n.scale,
          decimals: n.decimals,
          written: n.text,
          program: s.programs[0],
          noun,
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
          written: s.written,
          noun: s.noun,
          others: others.map((o) => `${formatNumber(o.value, 'comma')} (${o.path})`).join(', '),
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
