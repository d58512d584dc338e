import type { Check } from './types';
import { documentLabel, documentVerdict, hasLibrary, pageText } from './sourceDocuments';
import { msg } from '../l10n/messages';

export const quoteNotInSource: Check = {
  code: 'quote-not-in-source',
  description: 'Quoted words that the cited source document does not hold, nor anything close to them.',
  descriptionEs: 'Palabras citadas que el documento fuente citado no contiene, ni nada parecido.',
  docs: {
    meaning: 'The sentence cites a source whose document is in the writer’s library, and the quoted words are nowhere close in it; the message names the nearest passage and its page, and another document of the library that holds the words, if there is one.',
    example: '"GAO found that the program “was never evaluated” [@gao-18-618]." (not in GAO-18-618.pdf)',
  },
  defaultSeverity: 'warning',
  *check(ctx) {
    if (!hasLibrary(ctx)) return;
    const locale = ctx.options.locale ?? 'en';
    for (const s of ctx.sentences) {
      if (s.inFootnote) continue;
      for (const q of s.quotes) {
        const v = documentVerdict(ctx.library, s, q);
        if (!v || v.kind !== 'absent') continue;
        const source = v.documents.map((d) => documentLabel(ctx.records, d, locale)).filter((x, i, a) => a.indexOf(x) === i).join(msg(locale, 'and'));
        let message = msg(locale, 'quote.notInSource', { source });
        if (v.nearest) message += msg(locale, 'quote.nearest', { page: pageText(v.nearest, locale), text: clip(v.nearest.text) });
        if (v.elsewhere) message += msg(locale, 'quote.elsewhere', { other: documentLabel(ctx.records, v.elsewhere.document, locale), page: pageText(v.elsewhere, locale) });
        yield {
          code: 'quote-not-in-source',
          start: q.start,
          end: q.end,
          message,
          programs: s.programs,
          sources: [...new Set(v.documents.flatMap((d) => d.keys))],
          fixes: [],
        };
      }
    }
  },
};

/** A passage shown in a message: at most about 30 words. */
function clip(text: string): string {
  const words = text.split(' ');
  return words.length > 30 ? `${words.slice(0, 30).join(' ')} …` : text;
}
