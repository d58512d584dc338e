/** "Cite every uncited claim": one batch of edits for the whole document. */
import { CitationPlanner } from './fixes';
import type { CheckContext, Finding, TextEdit } from './model';

/**
 * Edits that cite every uncited claim among `findings` with its best source that the style can
 * cite, planned together so that each source gets one footnote definition.
 */
export function citeEveryClaim(context: CheckContext, findings: Finding[]): TextEdit[] {
  const planner = new CitationPlanner(context.records, context.text, context.footnoteState);
  const style = context.options.citationStyle;
  // An uncited-claim finding spans its sentence.
  const sentenceAt = new Map(context.sentences.map((s) => [s.start, s]));
  const edits: TextEdit[] = [];
  for (const f of findings) {
    const sentence = f.code === 'uncited-claim' ? sentenceAt.get(f.start) : undefined;
    if (!sentence) continue;
    for (const id of f.sources) {
      const cited = planner.cite(sentence.citePoint, id, style);
      if (cited) {
        edits.push(...cited);
        break;
      }
    }
  }
  const definitions = planner.definitionsEdit();
  if (definitions) edits.push(definitions);
  return edits;
}
