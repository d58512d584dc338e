import type { Check } from './types';
import { msg } from '../l10n/messages';

export const suppressionWithoutReason: Check = {
  code: 'suppression-without-reason',
  description: 'A claimcheck-disable comment that gives no “-- reason: …”, so a reviewer cannot tell why the check is off.',
  descriptionEs: 'Un comentario claimcheck-disable sin «-- reason: …», de modo que quien revisa no sabe por qué se desactivó la comprobación.',
  docs: {
    meaning: 'A `claimcheck-disable` comment that gives no `-- reason: …`.',
    example: '`<!-- claimcheck-disable-next-line uncited-claim -->`',
  },
  defaultSeverity: 'hint',
  scope: 'document',
  *check(ctx) {
    for (const s of ctx.suppressions) {
      if (s.reason) continue;
      yield {
        code: 'suppression-without-reason',
        start: s.comment.start,
        end: s.comment.end,
        message: msg(ctx.options.locale, 'suppression.noReason'),
        programs: [],
        sources: [],
        fixes: [],
      };
    }
  },
};
