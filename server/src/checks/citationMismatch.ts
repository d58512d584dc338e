import type { Check } from './types';
import { shortTitle } from '../analysis/bibliography';
import { citationFix, pandocKey } from '../analysis/fixes';
import type { Fix } from '../analysis/model';
import { programNames, sourceLabel, sourcesAbout } from './describe';
import { documentLabel } from './sourceDocuments';
import type { RecordSet } from '../records/recordSet';
import { msg } from '../l10n/messages';

export const citationMismatch: Check = {
  code: 'citation-mismatch',
  description: 'The cited source has no record about the program the sentence speaks of.',
  descriptionEs: 'La fuente citada no tiene ningún registro sobre el programa del que habla la oración.',
  docs: {
    meaning: 'The cited source has no record about the program in the sentence, or, when its document is in the writer’s library, the document never names the program; the message names sources that do.',
    example: '"Operation Hornet … [@gao-15-707]"',
  },
  defaultSeverity: 'warning',
  *check(ctx) {
    for (const s of ctx.sentences) {
      if (s.inFootnote || s.kind === 'heading') continue;
      for (const c of s.citations) {
        // A citation closing a paragraph answers for every sentence it covers.
        const programs = s.coveredPrograms?.get(c.start) ?? s.programs;
        if (c.sources.length === 0 || programs.length === 0) continue;
        const locale = ctx.options.locale ?? 'en';
        // A cited source whose document is in the writer's library: the document itself says whether it names the program.
        const withDocument = ctx.library ? c.sources.filter((id) => ctx.library!.has(id)) : [];
        if (withDocument.length > 0) {
          const unnamed = programs.filter((p) => !withDocument.some((id) => ctx.library!.findAlias(id, programAliases(ctx.records, p))));
          if (unnamed.length === 0) continue;
          const documents = withDocument.flatMap((id) => ctx.library!.documents(id));
          yield {
            code: 'citation-mismatch',
            start: c.start,
            end: c.end,
            message: msg(locale, 'citation.documentNone', {
              cited: [...new Set(documents.map((d) => documentLabel(ctx.records, d, locale)))].join(msg(locale, 'and')),
              names: programNames(ctx.records, unnamed, locale),
            }),
            programs: unnamed,
            sources: sourcesAbout(ctx.records, unnamed),
            fixes: [],
          };
          continue;
        }
        const speaks = c.sources.some((id) => ctx.records.claimsFrom(id).some((claim) => programs.includes(claim.program)));
        if (speaks) continue;
        const better = sourcesAbout(ctx.records, programs);
        const names = programNames(ctx.records, programs, locale);
        const instead = (id: string) => msg(locale, 'fix.instead', { title: shortTitle(ctx.records.source(id)!) });
        const fixes: Fix[] = [];
        if (c.kind === 'pandoc') {
          for (const id of better.filter((b) => pandocKey(b) !== undefined).slice(0, 3)) {
            const text = ctx.text.slice(c.start, c.end);
            fixes.push({ title: instead(id), edits: [{ start: c.start, end: c.end, newText: text.replace(`@${c.key}`, `@${id}`) }] });
          }
        } else if (c.kind === 'footnote') {
          for (const id of better.slice(0, 3)) {
            const fix = citationFix(ctx.records, ctx.text, ctx.footnoteState, instead(id), { end: c.end }, id, 'footnote');
            if (fix) fixes.push({ ...fix, edits: [{ ...fix.edits[0], start: c.start, end: c.end }, ...fix.edits.slice(1)] });
          }
        }
        yield {
          code: 'citation-mismatch',
          start: c.start,
          end: c.end,
          message:
            msg(locale, 'citation.none', { cited: c.sources.map((id) => sourceLabel(ctx.records, id, locale)).join(msg(locale, 'and')), names }) +
            (better.length > 0
              ? msg(locale, 'citation.better', { list: better.slice(0, 3).map((id) => sourceLabel(ctx.records, id, locale)).join('; ') })
              : msg(locale, 'citation.nobody')),
          programs,
          sources: better,
          fixes,
        };
      }
    }
  },
};

/** Every name the records give a program: its name, aliases and unconfirmed aliases. */
function programAliases(records: RecordSet, id: string): string[] {
  const p = records.program(id);
  return p ? [p.name, ...p.aliases, ...(p.unconfirmedAliases ?? [])] : [];
}
