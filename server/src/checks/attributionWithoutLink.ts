import type { Check } from './types';
import { citeFixes } from './citeFixes';
import { sourceLabel } from './describe';

export const attributionWithoutLink: Check = {
  code: 'attribution-without-link',
  description: 'An attribution such as “according to 2016 HSI testimony” that points to a recorded source, with nothing linking it.',
  defaultSeverity: 'info',
  *check(ctx) {
    if (!ctx.options.attributionCounts) return;
    for (const s of ctx.sentences) {
      if (!s.isClaim || s.citations.length > 0 || s.inheritedCitations.length > 0) continue;
      for (const a of s.attributions) {
        if (a.sources.length === 0) continue;
        const named = a.sources.slice(0, 2).map((id) => sourceLabel(ctx.records, id));
        yield {
          code: 'attribution-without-link',
          start: a.start,
          end: a.end,
          message: `“${a.text}” points to ${named.join(' or ')}${a.sources.length > 2 ? ` (and ${a.sources.length - 2} more)` : ''}, but nothing links it. Cite it so readers can check.`,
          programs: s.programs,
          sources: a.sources,
          fixes: citeFixes(ctx, s, a.sources),
        };
      }
    }
  },
};
