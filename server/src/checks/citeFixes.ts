import type { CheckContext, SentenceModel } from '../analysis/model';
import { shortTitle } from '../analysis/bibliography';
import { citationFix } from '../analysis/fixes';
import { msg } from '../l10n/messages';
import type { CitationStyle, Fix } from '../analysis/model';

const STYLE_MESSAGES = { footnote: 'fix.footnote', pandoc: 'fix.pandoc', link: 'fix.link' } as const;

/** Fixes that cite each of `sources` (best first, at most `max`) in the configured style. */
export function citeFixes(ctx: CheckContext, sentence: SentenceModel, sources: string[], max = 3): Fix[] {
  const fixes: Fix[] = [];
  const style = ctx.options.citationStyle;
  const title = (s: CitationStyle, t: string, id: string) => msg(ctx.options.locale, STYLE_MESSAGES[s], { title: t, id });
  for (const id of sources) {
    if (fixes.length >= max) break;
    const source = ctx.records.source(id);
    if (!source) continue;
    const fix = citationFix(ctx.records, ctx.text, ctx.footnoteState, title(style, shortTitle(source), id), sentence.citePoint, id, style);
    // A source without a URL cannot be cited as a link: fall back to a footnote.
    const chosen = fix ?? citationFix(ctx.records, ctx.text, ctx.footnoteState, title('footnote', shortTitle(source), id), sentence.citePoint, id, 'footnote');
    if (chosen) fixes.push({ ...chosen, preferred: fixes.length === 0, source: id });
  }
  return fixes;
}

/** Sources a sentence points at without citing them: exact quotes first, then attributions. */
export function pointedSources(sentence: SentenceModel): string[] {
  const ids: string[] = [];
  for (const q of sentence.quotes) if (q.match?.exact) ids.push(q.match.claim.source);
  for (const a of [...sentence.attributions, ...sentence.inheritedAttributions]) ids.push(...a.sources);
  return [...new Set(ids)];
}
