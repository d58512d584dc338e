/**
 * The findings cache (server/src/analysis/findingsCache.ts) keeps a chunk's findings while its
 * text and what it takes from outside stay the same. Each case here changes only what lies
 * outside an unchanged chunk, checks that the chunk's findings do change, and that a warm
 * analyzer gives exactly what a fresh one gives.
 */
import { describe, expect, it } from 'vitest';
import { DocumentAnalyzer } from '../../server/src/analysis/document';
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

  it('starts afresh when the options change', () => {
    const text = 'ICE agents created and accompany the Guatemalan TCIU.\n';
    const warm = new DocumentAnalyzer(bundledRecords());
    warm.analyze(text);
    const pandoc = { ...DEFAULT_OPTIONS, citationStyle: 'pandoc' as const };
    expect(warm.analyze(text, pandoc)).toEqual(new DocumentAnalyzer(bundledRecords()).analyze(text, pandoc));
    expect(warm.analyze(text, pandoc).findings[0].fixes[0].edits[0].newText).toMatch(/^ \[@/);
  });
});
