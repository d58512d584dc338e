import type { Check } from './types';
import { citeFixes } from './citeFixes';
import { sourceLabel } from './describe';
import { msg } from '../l10n/messages';

export const attributionWithoutLink: Check = {
  code: 'attribution-without-link',
  description: 'An attribution such as “according to 2016 HSI testimony” that points to a recorded source, with nothing linking it.',
  descriptionEs: 'Una atribución como «según el testimonio de HSI de 2016» que remite a una fuente registrada sin que nada la enlace.',
  docs: {
    meaning: 'An attribution phrase resolves to a recorded source, but nothing links it.',
    example: '"…, according to 2016 HSI testimony."',
  },
  defaultSeverity: 'info',
  *check(ctx) {
    if (!ctx.options.attributionCounts) return;
    for (const s of ctx.sentences) {
      if (!s.isClaim || s.citations.length > 0 || s.inheritedCitations.length > 0) continue;
      for (const a of s.attributions) {
        if (a.sources.length === 0) continue;
        const locale = ctx.options.locale ?? 'en';
        const named = a.sources.slice(0, 2).map((id) => sourceLabel(ctx.records, id, locale));
        yield {
          code: 'attribution-without-link',
          start: a.start,
          end: a.end,
          message: msg(locale, 'attribution.unlinked', {
            phrase: a.text,
            named: named.join(msg(locale, 'figure.or').replace(',', '').replace(/^ /, ' ')),
            more: a.sources.length > 2 ? msg(locale, 'attribution.more', { count: a.sources.length - 2 }) : '',
          }),
          programs: s.programs,
          sources: a.sources,
          fixes: citeFixes(ctx, s, a.sources),
        };
      }
    }
  },
};
