import { describe, expect, it } from 'vitest';
import { DocumentAnalyzer } from '../../server/src/analysis/incremental/analyzer';
import { CHECKS, type Check } from '../../server/src/checks';
import { DEFAULT_OPTIONS } from '../../server/src/analysis/model';
import { documentFor, toRange } from '../../server/src/positions';
import { analyze, applyEdits, bundledRecords } from '../helpers/records';

const CLAIM = 'ICE agents created and accompany a Guatemalan Transnational Criminal Investigative Unit (TCIU) in Guatemala.';

describe('ranges in odd documents', () => {
  it('stay on the claim after CRLF, emoji, combining marks and right-to-left text', () => {
    const text = '# 😀 Título\r\n\r\nمرحبا بالعالم — e\u0301 👍🏽\r\n\r\n' + CLAIM + '\r\n';
    const a = analyze(text);
    const f = a.findings.find((x) => x.code === 'uncited-claim')!;
    expect(text.slice(f.start, f.end)).toBe(CLAIM);
    const doc = documentFor('file:///x.md', text);
    expect(toRange(doc, f)).toEqual({ start: { line: 4, character: 0 }, end: { line: 4, character: CLAIM.length } });
    for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('stay on their words where remark dropped the trailing space of a line it split around a bare URL', () => {
    // Found by the fuzz test: the text before a GFM autolink literal has no position of its own.
    const text = '[^ICE agents created and accompany a Guatemalan Transnational Criminal Investigative Unit (TCIU) in Guatemala.    - \n[gao]: https://www.gao.gov/products/gao-15-707';
    const a = analyze(text);
    expect(a.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['ICE', 'Transnational Criminal Investigative Unit', 'TCIU']);
    for (const f of a.findings) expect(f.start).toBeGreaterThanOrEqual(2);
  });

  it('survive unbalanced quotes, fences and brackets', () => {
    const text = 'ICE said “the TCIU works [^ and\n\n```\nunclosed\n\n' + CLAIM.replace('.', '') + ' “ and " and [';
    const a = analyze(text);
    expect(a.internalErrors).toEqual([]);
    for (const f of a.findings) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(text.length);
    }
  });
});

describe('what is a claim', () => {
  it('skips headings, questions, footnote definitions and agency-only sentences', () => {
    const text = '# Operation Citadel in Guatemala\n\nDid Operation Citadel work?\n\nICE and CBP work in Guatemala.\n\n[^1]: Operation Citadel dismantled networks.\n';
    expect(analyze(text).findings).toEqual([]);
  });

  it('lets a paragraph-final citation cover the paragraph, and a quote inherit its introduction', () => {
    const text = [
      'Operation Citadel dismantled networks. The TCIU worked with ICE.[^1]',
      '',
      'A 2016 ICE release describes it:',
      '',
      '> Operation Citadel dismantled several networks.',
      '',
      '[^1]: A source.',
    ].join('\n');
    expect(analyze(text).findings.filter((f) => f.code === 'uncited-claim')).toEqual([]);
  });

  it('counts an attribution as a citation unless told otherwise', () => {
    const text = 'The Guatemala TCIU was expanded in 2015, explains the GAO.';
    expect(analyze(text).findings.map((f) => f.code)).toEqual(['attribution-without-link']);
    expect(analyze(text, { attributionCounts: false }).findings.map((f) => f.code)).toEqual(['uncited-claim']);
  });

  it('takes the publication a news attribution names as the best candidate', () => {
    const sourcesOf = (text: string) => analyze(text).findings.find((f) => f.code === 'attribution-without-link')?.sources.slice(0, 2);
    // Both outlets reported on the task forces' jeeps in 2018; the phrase says which.
    expect(sourcesOf('As The Intercept reported in 2018, IATF jeeps were parked outside CICIG.')).toEqual(['intercept-2018-11-09-guatemala-jeeps-cicig', 'wapo-2018-12-06-us-military-vehicles-guatemala']);
    expect(sourcesOf('IATF jeeps were parked outside CICIG in 2018, the Washington Post revealed.')?.[0]).toBe('wapo-2018-12-06-us-military-vehicles-guatemala');
    expect(sourcesOf('IATF jeeps were parked outside CICIG in 2018, the Post revealed.')?.[0]).toBe('wapo-2018-12-06-us-military-vehicles-guatemala');
  });
});

describe('citation fixes', () => {
  const text = 'Intro.\r\n\r\n' + CLAIM + '\r\n';

  it('insert a footnote reference and its definition, in the document’s line endings', () => {
    const f = analyze(text).findings.find((x) => x.code === 'uncited-claim')!;
    const fixed = applyEdits(text, f.fixes[0].edits);
    const label = /\[\^([^\]]+)\]/.exec(fixed)![1];
    expect(fixed).toContain(`Guatemala.[^${label}]\r\n`);
    expect(fixed).toMatch(new RegExp(`\\r\\n\\r\\n\\[\\^${label}\\]: .+\\r\\n$`));
    expect(analyze(fixed).findings.filter((x) => x.code === 'uncited-claim')).toEqual([]);
  });

  it('reuse an existing definition of the same source', () => {
    // Whichever source is offered first, a footnote the draft already defines for it (by its address) is reused.
    const first = analyze(CLAIM).findings.find((x) => x.code === 'uncited-claim')!.sources[0];
    const url = bundledRecords().source(first)!.URL!;
    const withDef = CLAIM + `\n\nThe TCIU works with ICE.\n\n[^mine]: <${url}>\n`;
    const f = analyze(withDef).findings.find((x) => x.code === 'uncited-claim' && x.sources[0] === first)!;
    expect(f.fixes[0].edits).toHaveLength(1);
    expect(f.fixes[0].edits[0].newText).toBe('[^mine]');
  });

  it('cite as [@key] before the final period, or as a link', () => {
    const pandoc = analyze(text, { citationStyle: 'pandoc' }).findings.find((x) => x.code === 'uncited-claim')!;
    const fixed = applyEdits(text, pandoc.fixes[0].edits);
    expect(fixed).toMatch(/in Guatemala \[@[^\]]+\]\.\r\n$/);
    const link = analyze(text, { citationStyle: 'link' }).findings.find((x) => x.code === 'uncited-claim')!;
    expect(applyEdits(text, link.fixes[0].edits)).toMatch(/in Guatemala \(\[[^\]]+\]\(<https?:\/\/[^>]+>\)\)\./);
  });

  it('cite every uncited claim at once, one definition per source', () => {
    const draft = [CLAIM, '', 'The TCIU works with ICE to investigate threats.', '', 'Operation Citadel dismantled networks in Guatemala.', ''].join('\n');
    const analyzer = new DocumentAnalyzer(bundledRecords());
    const edits = analyzer.citeAll(draft, DEFAULT_OPTIONS);
    const fixed = applyEdits(draft, edits);
    expect(analyze(fixed).findings.filter((f) => f.code === 'uncited-claim')).toEqual([]);
    const labels = [...fixed.matchAll(/^\[\^([^\]]+)\]:/gm)].map((m) => m[1]);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.length).toBeLessThanOrEqual(3);
  });
});

describe('incremental analysis', () => {
  it('reuses unchanged chunks and gives the same findings as a fresh analysis', () => {
    const draft = [CLAIM, '', 'Operation Citadel dismantled networks.', '', 'The Guatemala TCIU was expanded in 2016, explains the GAO.', ''].join('\n');
    const analyzer = new DocumentAnalyzer(bundledRecords());
    analyzer.analyze(draft);
    const edited = draft.replace('dismantled', 'broke up');
    const incremental = analyzer.analyze(edited);
    expect(analyzer.lastStats).toEqual({ reused: 2, analysed: 1 });
    expect(incremental).toEqual(new DocumentAnalyzer(bundledRecords()).analyze(edited));
  });
});

describe('crash isolation', () => {
  it('turns an exception inside one check into one internal error; the other checks still report', () => {
    const broken: Check = {
      code: 'misquote',
      description: 'a check that throws',
      descriptionEs: 'una comprobación que falla',
      docs: { meaning: 'a check that throws', example: '' },
      defaultSeverity: 'error',
      check() {
        throw new Error('boom');
      },
    };
    const analyzer = new DocumentAnalyzer(bundledRecords(), { checks: [broken, ...CHECKS] });
    const a = analyzer.analyze(CLAIM);
    expect(a.internalErrors).toEqual([{ check: 'misquote', message: 'boom' }]);
    expect(a.findings.map((f) => f.code)).toContain('uncited-claim');
  });
});
