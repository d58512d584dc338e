import type { Check } from './types';
import { quoteStatus, sourceLabel } from './describe';

export const misquote: Check = {
  code: 'misquote',
  description: 'Quoted words that are close to, but not exactly, a recorded quote or a stretch of one.',
  defaultSeverity: 'error',
  *check(ctx) {
    for (const s of ctx.sentences) {
      for (const q of s.quotes) {
        const m = q.match;
        if (!m || m.exact || m.replacement === undefined) continue;
        const changes = (m.difference ?? [])
          .filter((d) => d.kind !== 'same')
          .map((d) => (d.kind === 'added' ? `“${d.text}” is not in the source` : `the source has “${d.text}”`))
          .slice(0, 4);
        const status = quoteStatus(m.claim);
        yield {
          code: 'misquote',
          start: q.start,
          end: q.end,
          message: `This quote differs from ${sourceLabel(ctx.records, m.claim.source)}: ${changes.join('; ')}. The record reads “${m.replacement}”${status ? ` (${status})` : ''}.`,
          programs: [m.claim.program],
          sources: [m.claim.source],
          difference: m.difference,
          fixes: [{ title: 'Restore the exact quote', edits: [{ start: q.start, end: q.end, newText: m.replacement }], preferred: true }],
        };
      }
    }
  },
};
