/**
 * The findings cache (server/src/analysis/incremental/findingsCache.ts) keeps a chunk's findings while its
 * text and what it takes from outside stay the same. Each case here changes only what lies
 * outside an unchanged chunk, checks that the chunk's findings do change, and that a warm
 * analyzer gives exactly what a fresh one gives.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../bench/generate';
import { DocumentAnalyzer } from '../../server/src/analysis/incremental/analyzer';
import { DEFAULT_OPTIONS, type Finding } from '../../server/src/analysis/model';
import { analyze, applyEdits, bundledRecords } from '../helpers/records';

/** Analyses `before` then `after` with one analyzer; returns the warm result and a fresh one. */
function warmAndFresh(before: string, after: string) {
  const warm = new DocumentAnalyzer(bundledRecords());
  warm.analyze(before);
  return { warm: warm.analyze(after), fresh: analyze(after) };
}

const inFirstParagraph = (text: string) => (f: Finding) => f.start < text.indexOf('\n\n');
const summary = (findings: Finding[]) => findings.map((f) => `${f.code} ${f.message}`);

describe('the findings cache', () => {
  it('follows a footnote definition that now points elsewhere', () => {
    const first = 'ICE agents created and accompany the Guatemalan TCIU.[^1]\n\nA second paragraph with nothing in it.\n\n';
    const before = first + '[^1]: <https://www.gao.gov/products/gao-15-707>\n';
    const after = first + '[^1]: <https://www.gao.gov/products/GAO-18-618>\n';
    const { warm, fresh } = warmAndFresh(before, after);
    expect(warm).toEqual(fresh);
    expect(summary(analyze(before).findings.filter(inFirstParagraph(before)))).not.toEqual(summary(fresh.findings.filter(inFirstParagraph(after))));
    expect(fresh.findings.map((f) => f.code)).toContain('citation-mismatch');
  });

  it('places appended footnote definitions at the new end of the draft', () => {
    const before = 'ICE agents created and accompany the Guatemalan TCIU.\n\nA closing paragraph.\n';
    const after = before + '\nOne more paragraph at the end.\n';
    const { warm, fresh } = warmAndFresh(before, after);
    expect(warm).toEqual(fresh);
    const fix = fresh.findings.find((f) => f.code === 'uncited-claim')!.fixes[0];
    expect(fix.edits.some((e) => e.start === after.length)).toBe(true);
    // The fix applies to the new text as it should: the reference in the sentence, the definition at the end.
    const fixed = applyEdits(after, fix.edits);
    expect(fixed.startsWith('ICE agents created and accompany the Guatemalan TCIU.[^')).toBe(true);
    expect(fixed).toMatch(/One more paragraph at the end\.\n\n\[\^[^\]]+\]: /);
  });

  it('follows "the same testimony" back to an attribution in another paragraph', () => {
    const second = '\n\nThe same testimony says the TCIU has vetted members.\n';
    const before = 'According to 2016 HSI testimony, the program grew.' + second;
    const after = 'According to the GAO, the program grew.' + second;
    const { warm, fresh } = warmAndFresh(before, after);
    expect(warm).toEqual(fresh);
    const inSecond = (text: string) => (f: Finding) => f.start >= text.indexOf('The same');
    expect(summary(analyze(before).findings.filter(inSecond(before)))).not.toEqual(summary(fresh.findings.filter(inSecond(after))));
  });

  it('follows the sentence that introduces a block quote', () => {
    const quote = '\n\n> ICE agents created and accompany the Guatemalan TCIU.\n';
    const before = 'A report on the unit explains:' + quote;
    const after = 'A report on the unit explains [@gao-15-707]:' + quote;
    const { warm, fresh } = warmAndFresh(before, after);
    expect(warm).toEqual(fresh);
    const codes = (text: string, a: { findings: Finding[] }) => a.findings.filter((f) => f.start > text.indexOf('>')).map((f) => f.code);
    expect(codes(before, analyze(before))).toContain('uncited-claim');
    expect(codes(after, fresh)).not.toContain('uncited-claim');
  });

  it('follows a link definition added, changed or removed in another chunk', () => {
    const claim = 'ICE agents created and accompany the Guatemalan TCIU, as [the GAO found][gao].\n\nA paragraph between.\n';
    const versions = [claim, claim + '\n[gao]: https://www.gao.gov/products/gao-15-707\n', claim + '\n[gao]: https://www.gao.gov/products/GAO-18-618\n', claim];
    const warm = new DocumentAnalyzer(bundledRecords());
    const codes = versions.map((text) => {
      const a = warm.analyze(text);
      expect(a).toEqual(analyze(text));
      return a.findings.filter(inFirstParagraph(text)).map((f) => f.code);
    });
    // Without the definition the sentence rests on its attribution alone ("the GAO found").
    expect(codes).toEqual([['attribution-without-link'], [], ['citation-mismatch'], ['attribution-without-link']]);
  });

  it('equals a fresh analysis through random edits of reference links and their definitions', () => {
    const rng = new Rng(31);
    let text = [
      'ICE agents created and accompany the Guatemalan TCIU [GAO-15-707].',
      'Operation Hornet identified illicit organizations, as [the posture statement][posture] says.',
      '> The Guatemala TCIU was expanded in 2015, said [the GAO][gao].',
      '- Operation Citadel began in 2015 [gao]. The TCIU grew [again][].',
      '[gao]: https://www.gao.gov/products/gao-15-707',
      '[posture]: <https://www.southcom.mil/Media/Special-Coverage/2018-Posture-Statement-to-Congress/>',
      '[GAO-15-707]: https://www.gao.gov/products/GAO-18-618',
      '[again]: https://www.gao.gov/products/gao-15-707',
    ].join('\n\n');
    const warm = new DocumentAnalyzer(bundledRecords());
    for (let step = 0; step < 150; step++) {
      const at = rng.int(0, text.length);
      text = rng.chance(0.5) ? text.slice(0, at) + rng.pick(['[', ']', 'a', ' ', '\n', ':', 'G']) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      expect(warm.analyze(text), `step ${step}: ${JSON.stringify(text)}`).toEqual(analyze(text));
    }
  });

  it('starts afresh when the options change', () => {
    const text = 'ICE agents created and accompany the Guatemalan TCIU.\n';
    const warm = new DocumentAnalyzer(bundledRecords());
    warm.analyze(text);
    const pandoc = { ...DEFAULT_OPTIONS, citationStyle: 'pandoc' as const };
    expect(warm.analyze(text, pandoc)).toEqual(new DocumentAnalyzer(bundledRecords()).analyze(text, pandoc));
    expect(warm.analyze(text, pandoc).findings[0].fixes[0].edits[0].newText).toMatch(/^ \[@/);
  });
});
