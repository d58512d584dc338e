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
        const changes = describeChanges(m.difference ?? []).slice(0, 4);
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

/** "“capable” where the source has “competent”", "“many” is not in the source", "the source also has “X”". */
function describeChanges(difference: Array<{ kind: 'same' | 'added' | 'removed'; text: string }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < difference.length; i++) {
    const d = difference[i];
    const next = difference[i + 1];
    if (d.kind === 'same') continue;
    if (next && next.kind !== 'same' && next.kind !== d.kind) {
      const [added, removed] = d.kind === 'added' ? [d, next] : [next, d];
      out.push(`“${added.text}” where the source has “${removed.text}”`);
      i++;
    } else if (d.kind === 'added') out.push(`“${d.text}” is not in the source`);
    else out.push(`the source also has “${d.text}”`);
  }
  return out;
}
