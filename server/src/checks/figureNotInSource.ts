import type { Check } from './types';
import { documentKeys, documentLabel, hasLibrary } from './sourceDocuments';
import { judgeFigure } from '../library/judge';
import { Intervals } from '../analysis/intervals';
import { msg } from '../l10n/messages';

export const figureNotInSource: Check = {
  code: 'figure-not-in-source',
  description: 'A figure the sentence states that the cited source document does not state in any writing of it.',
  descriptionEs: 'Una cifra de la oración que el documento fuente citado no da en ninguna de sus formas.',
  docs: {
    meaning: 'The sentence cites a source whose document is in the writer’s library, and a count or amount it states appears nowhere in that document, in any writing of the number ("4,600", "4.600", "4.6 thousand", "four thousand six hundred"; a rounded figure within its last digit). Only figures: a number with what it counts, or one of 1,000 or more; years are left to `figure-mismatch`.',
    example: '"CBP trained 5,000 Guatemalan police [@gao-18-618]." (the PDF says 4,600)',
  },
  defaultSeverity: 'info',
  *check(ctx) {
    if (!hasLibrary(ctx)) return;
    const locale = ctx.options.locale ?? 'en';
    for (const s of ctx.sentences) {
      if (s.inFootnote || s.numbers.length === 0) continue;
      const keys = documentKeys(ctx.library, s);
      if (keys.length === 0) continue;
      // Numbers in quotes (the quote checks compare them), citations and attributions ("2016 testimony") are not the sentence's figures.
      const excluded = new Intervals([...s.quotes, ...s.citations, ...s.attributions]);
      for (const n of s.numbers) {
        // A figure: a number with what it counts ("3 vehicles", "10%", "$2.1 million"), or a large one; not a year, not "2 of its 4".
        if (n.unit === 'year' || (n.unit === undefined && n.value < 1000)) continue;
        const start = s.toDocument(n.start);
        const end = s.toDocument(n.end, true);
        if (excluded.contains(start)) continue;
        const v = judgeFigure(ctx.library, keys, n.value, n.text);
        if (!v || v.kind !== 'absent') continue;
        const source = v.documents.map((d) => documentLabel(ctx.records, d, locale)).filter((x, i, a) => a.indexOf(x) === i).join(msg(locale, 'and'));
        yield {
          code: 'figure-not-in-source',
          start,
          end,
          message: msg(locale, 'figure.notInSource', { source, written: n.text }),
          programs: s.programs,
          sources: keys,
          fixes: [],
        };
      }
    }
  },
};
