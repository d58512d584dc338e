import type { Check } from './types';
import { msg } from '../l10n/messages';
import { nearestNames } from '../records/nearest';

export const unknownProgram: Check = {
  code: 'unknown-program',
  description: 'Something shaped like a program (“Operation X”, “X Task Force”, “Fuerza de Tarea X”) that no record knows.',
  descriptionEs: 'Algo con forma de programa («Operation X», «X Task Force», «Fuerza de Tarea X») que ningún registro conoce.',
  docs: {
    meaning: 'Something shaped like a program that no record knows.',
    example: '"Operation Firewall", "the Guatemala Border Task Force"',
  },
  defaultSeverity: 'info',
  *check(ctx) {
    for (const s of ctx.sentences) {
      if (s.inFootnote) continue;
      for (const u of s.unknownPrograms) {
        const start = s.toDocument(u.start);
        const end = s.toDocument(u.end, true);
        yield {
          code: 'unknown-program',
          start,
          end,
          message: didYouMean(ctx, u.name),
          programs: [],
          sources: [],
          fixes: [],
          suggestedProgram: { id: slug(u.name), name: u.name },
        };
      }
    }
  },
};

/** The message, with the nearest recorded names when some are near ("did you mean FTI Chortí?"). */
function didYouMean(ctx: Parameters<Check['check']>[0], name: string): string {
  const locale = ctx.options.locale;
  const near = nearestNames(ctx.records, name);
  if (near.length === 0) return msg(locale, 'unknown.program', { name });
  const [open, close] = locale === 'es' ? ['«', '»'] : ['“', '”'];
  return msg(locale, 'unknown.didYouMean', { name, names: near.map((n) => `${open}${n}${close}`).join(msg(locale, 'or')) });
}

function slug(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'program';
}
