import type { Check, CheckFinding } from './types';
import { citeFixes, pointedSources } from './citeFixes';
import { programNames, sourceLabel, sourcesAbout } from './describe';
import { msg } from '../l10n/messages';
import { documentYear, rankBySupport, sentenceYears } from '../analysis/support';
import { sameParagraph, sourceYearOffsets } from './figureMismatch';

export const uncitedClaim: Check = {
  code: 'uncited-claim',
  description: 'A declarative sentence about a tracked program with no citation (or, if so configured, only an attribution phrase).',
  descriptionEs: 'Una oración declarativa sobre un programa seguido sin ninguna cita (o, si así se configura, con solo una atribución).',
  docs: {
    meaning: 'A declarative sentence about a tracked program with no citation.',
    example: '"ICE agents created and accompany a Guatemalan Transnational Criminal Investigative Unit (TCIU) in Guatemala."',
  },
  defaultSeverity: 'warning',
  *check(ctx) {
    // The years the paragraph has given so far: what a sentence without a time of its own speaks of.
    let paragraphYears: number[] = [];
    for (let i = 0; i < ctx.sentences.length; i++) {
      const s = ctx.sentences[i];
      if (i > 0 && !sameParagraph(ctx, i - 1, i)) paragraphYears = [];
      const ownYears = sentenceYears(s.text, sourceYearOffsets(s.text));
      const contextYears = ownYears.length > 0 ? ownYears : paragraphYears;
      if (ownYears.length > 0) paragraphYears = ownYears;
      // A sentence about its paragraph's program without naming it ("Providers saw more than 3,700 residents.").
      // A sentence about a task force or unit the records mark as a claim subject is about it (records/subjects.ts).
      const programs = s.isClaim ? (s.programs.length > 0 ? s.programs : (s.subjects ?? [])) : (s.carriedPrograms ?? []);
      if (programs.length === 0) continue;
      if (s.citations.length > 0 || s.inheritedCitations.length > 0) continue;
      const attributed = s.attributions.length > 0 || s.inheritedAttributions.length > 0;
      if (attributed && ctx.options.attributionCounts) continue;
      const about = sourcesAbout(ctx.records, programs);
      // Sources the sentence points at come first; then those whose recorded facts support it best
      // (support.ts), the writer's own before the bundled ones: they are what the writer works from.
      // Of those, the ones that speak of the sentence's time (its own, else its paragraph's, else the year the document speaks of) first.
      const docYear = contextYears.length === 0 ? documentYear(ctx.text) : undefined;
      const years = new Set(contextYears.length > 0 ? contextYears : docYear !== undefined ? [docYear] : []);
      // A sentence that names no program (read as about its paragraph's or document's) is matched with the sentence before it
      // in its paragraph, which it continues: "…brought home 69 U.S. citizens…. U.S. citizens and LPRs occupied the seats…".
      const query = !s.isClaim && i > 0 && sameParagraph(ctx, i - 1, i) ? `${ctx.sentences[i - 1].text} ${s.text}` : s.text;
      const ranked = rankBySupport(ctx.records, query, programs, about, years);
      const writers = (id: string) => (ctx.records.sources.get(id)?.origin.bundled ? 1 : 0);
      const supported = ranked
        .filter((r) => r.score > 0)
        .map((r) => r.id)
        .sort((a, b) => writers(a) - writers(b));
      const candidates = [...new Set([...pointedSources(s).filter((id) => about.includes(id)), ...supported, ...about])];
      const locale = ctx.options.locale ?? 'en';
      const names = programNames(ctx.records, programs, locale);
      const held = candidates.slice(0, 3).map((id) => sourceLabel(ctx.records, id, locale));
      const message =
        held.length > 0
          ? msg(locale, 'uncited.held', { names, attributed: attributed ? msg(locale, 'uncited.attributed') : '', held: held.join('; ') })
          : msg(locale, 'uncited.none', { names });
      const finding: CheckFinding = {
        code: 'uncited-claim',
        start: s.start,
        end: s.end,
        message,
        programs,
        sources: candidates,
        fixes: citeFixes(ctx, s, candidates),
      };
      yield finding;
    }
  },
};
