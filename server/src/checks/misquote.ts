import type { Check } from './types';
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
    for (const s of ctx.sentences) {
      for (const q of s.quotes) {
        // The cited document itself, when the writer's library holds it, rules over the records.
        const v = documentVerdict(ctx.library, s, q);
        if (v?.kind === 'found') continue;
        if (v?.kind === 'misquote') {
          const locale = ctx.options.locale ?? 'en';
          const changes = describeChanges(v.comparison.difference ?? [], locale).slice(0, 4);
          yield {
            code: 'misquote',
            start: q.start,
            end: q.end,
            message: msg(locale, 'misquote.document', {
              source: documentLabel(ctx.records, v.match.document, locale),
              page: pageText(v.match, locale),
              changes: changes.join('; '),
              replacement: v.comparison.replacement,
            }),
            programs: s.programs,
            sources: v.match.document.keys,
            difference: v.comparison.difference,
            fixes: [{ title: msg(locale, 'fix.quoteDocument'), edits: [{ start: q.start, end: q.end, newText: v.comparison.replacement }], preferred: true }],
          };
          continue;
        }
        const m = q.match;
        if (!m || m.exact || m.replacement === undefined) continue;
        const locale = ctx.options.locale ?? 'en';
        const changes = describeChanges(m.difference ?? [], locale).slice(0, 4);
        const status = quoteStatus(m.claim, locale);
        yield {
          code: 'misquote',
          start: q.start,
          end: q.end,
          message: msg(locale, 'misquote.differs', {
            source: sourceLabel(ctx.records, m.claim.source, locale),
            changes: changes.join('; '),
            replacement: m.replacement,
            status: status ? ` (${status})` : '',
          }) + recordNotes([m.claim], locale),
          programs: [m.claim.program],
          sources: [m.claim.source],
          difference: m.difference,
          fixes: [{ title: msg(locale, 'fix.quote'), edits: [{ start: q.start, end: q.end, newText: escapeInline(m.replacement) }], preferred: true }],
        };
      }
    }
  },
};

/** "“capable” where the source has “competent”", "“many” is not in the source", "the source also has “X”". */
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
