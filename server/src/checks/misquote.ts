import type { Check, CheckFinding } from './types';
import { quoteStatus, recordNotes, sourceLabel } from './describe';
import { documentLabel, documentVerdict, pageText } from './sourceDocuments';
import { msg, type Locale } from '../l10n/messages';
import { escapeInline } from '../analysis/bibliography';

export const misquote: Check = {
  code: 'misquote',
  description: 'Quoted words that are close to, but not exactly, a recorded quote or the cited source document: other words, or other punctuation between them.',
  descriptionEs: 'Palabras citadas parecidas, pero no idénticas, a una cita registrada o al documento fuente citado: otras palabras, u otra puntuación entre ellas.',
  docs: {
    meaning: 'Quoted words are close to, but not exactly, a recorded quote or a stretch of one, or a passage of the cited source document when the writer’s library holds it — other words, or other punctuation between them (typography aside: kinds of quotation mark and dash, spacing, editorial brackets). The fix restores the source’s wording.',
    example: '"“has led to the identification of 38 illicit organizations”"',
  },
  defaultSeverity: 'error',
  *check(ctx) {
    const locale = ctx.options.locale ?? 'en';
    for (const s of ctx.sentences) {
      for (const q of s.quotes) {
        // The cited document itself, when the writer's library holds it, rules over the records.
        const v = documentVerdict(ctx.library, s, q);
        if (v?.kind === 'found') continue;
        if (v?.kind === 'misquote') {
          const difference = v.comparison.difference ?? [];
          const message = msg(locale, 'misquote.document', {
            source: documentLabel(ctx.records, v.match.document, locale),
            page: pageText(v.match, locale),
            changes: describeChanges(difference, locale).slice(0, 4).join('; '),
            replacement: v.comparison.replacement,
          });
          yield quoteFinding(q, message, s.programs, v.match.document.keys, difference, msg(locale, 'fix.quoteDocument'), v.comparison.replacement);
          continue;
        }
        const m = q.match;
        if (!m || m.exact || m.replacement === undefined) continue;
        const difference = m.difference ?? [];
        const status = quoteStatus(m.claim, locale);
        const message =
          msg(locale, 'misquote.differs', {
            source: sourceLabel(ctx.records, m.claim.source, locale),
            changes: describeChanges(difference, locale).slice(0, 4).join('; '),
            replacement: m.replacement,
            status: status ? ` (${status})` : '',
          }) + recordNotes([m.claim], locale);
        yield quoteFinding(q, message, [m.claim.program], [m.claim.source], m.difference, msg(locale, 'fix.quote'), escapeInline(m.replacement));
      }
    }
  },
};

/** A misquote on the quoted words, whose one fix puts the source's wording in their place. */
function quoteFinding(
  q: { start: number; end: number },
  message: string,
  programs: string[],
  sources: string[],
  difference: CheckFinding['difference'],
  fixTitle: string,
  newText: string,
): CheckFinding {
  return {
    code: 'misquote',
    start: q.start,
    end: q.end,
    message,
    programs,
    sources,
    difference,
    fixes: [{ title: fixTitle, edits: [{ start: q.start, end: q.end, newText }], preferred: true }],
  };
}

function describeChanges(difference: Array<{ kind: 'same' | 'added' | 'removed'; text: string }>, locale: Locale): string[] {
  const out: string[] = [];
  for (let i = 0; i < difference.length; i++) {
    const d = difference[i];
    const next = difference[i + 1];
    if (d.kind === 'same') continue;
    if (next && next.kind !== 'same' && next.kind !== d.kind) {
      const [added, removed] = d.kind === 'added' ? [d, next] : [next, d];
      out.push(msg(locale, 'misquote.swap', { added: added.text, removed: removed.text }));
      i++;
    } else if (d.kind === 'added') out.push(msg(locale, 'misquote.added', { text: d.text }));
    else out.push(msg(locale, 'misquote.removed', { text: d.text }));
  }
  return out;
}
