/**
 * Property tests: generated Markdown never makes the core throw; every range lies inside the
 * document, on UTF-16 boundaries and in order; every fix applies cleanly and is idempotent;
 * and a warm analyzer after any edit sequence equals a fresh one.
 *
 * CI runs a bounded number of cases; `npm run fuzz` sets FUZZ_RUNS (a million documents).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentAnalyzer } from '../../server/src/analysis/incremental/analyzer';
import type { Span, TextEdit } from '../../server/src/analysis/model';
import { applyEdits, bundledRecords } from '../helpers/records';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
// The long mode runs for hours; a bounded run keeps the suite's usual limit.
const TIMEOUT = RUNS > 150 ? RUNS * 100 : 60_000;
const records = bundledRecords();
// Replays a reported failure: FUZZ_SEED and FUZZ_PATH as fast-check printed them.
const REPLAY = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH, endOnFailure: true } : {};

const FRAGMENTS = [
  'ICE agents created and accompany a Guatemalan Transnational Criminal Investigative Unit (TCIU) in Guatemala.',
  'CBP and ICE trained 5,000 Guatemalan police in 2017, according to GAO.',
  'Operation Citadel began in 2014, according to 2016 HSI testimony.',
  'Operation Hornet “illuminates threat network activity along the Guatemala-Mexico border.”',
  'The Guatemala TCIU was expanded in 2016, explains the GAO.',
  'Operation Nightfall and the Border Task Force patrol.',
  '[^1]', '[^gao]: GAO-18-618.', '[@gao-18-618]', '[@', '[^', '[link](https://www.gao.gov/products/gao-15-707)', '<https://x.y>',
  '[the GAO][gao]', '[gao][]', '[GAO-15-707]', '[gao]: https://www.gao.gov/products/gao-15-707', '[GAO-15-707]: <https://www.gao.gov/products/GAO-18-618>',
  '😀', '👍🏽', '\u{1F1EC}\u{1F1F9}', 'e\u0301', '\u200b', '\u200f', 'مرحبا بالعالم', 'שלום', '“', '”', '"', '«', '»', '…', '[...]',
  '```', '~~~', '`code`', '<!--', '-->', '<!-- claimcheck-disable-next-line -->', '<!-- claimcheck-disable uncited-claim -->',
  '<!-- claimcheck-enable -->', '<script>alert(1)</script>', '# ', '## Heading', '> ', '> > ', '- ', '  - ', '    - ', '1. ', '| a | b |',
  '| --- | --- |', '---', '***', '\\', '*', '_', '[', ']', '(', ')', '4,600', '4.600', '$2,600', '2015', 'U.S.', 'Gen.', '?', '.',
  'x'.repeat(300), 'TCIUs', 'ice cream', 'Inter-Agency Task Forces', 'FTI Tecún Umán',
  // References by description, which a program named in an earlier paragraph or heading resolves.
  'The operation seized 40 boats in 2013.', 'This IATF has 300 members.', 'Operation Martillo', 'El ejercicio costó $9.8 millones.', 'Boats carried 40 tons in 2013.',
];
const SEPARATORS = ['', ' ', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\t'];

const markdown = fc
  .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...SEPARATORS)), { maxLength: 40 })
  .map((parts) => parts.map(([f, s]) => f + s).join(''));

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

const words = (s: string) => s.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

function assertSpan(text: string, s: Span, what: string): void {
  expect(s.start, what).toBeGreaterThanOrEqual(0);
  expect(s.end, what).toBeGreaterThanOrEqual(s.start);
  expect(s.end, what).toBeLessThanOrEqual(text.length);
  for (const at of [s.start, s.end]) {
    // Never between the two halves of a surrogate pair.
    if (at > 0 && at < text.length) expect(isHighSurrogate(text.charCodeAt(at - 1)) && isLowSurrogate(text.charCodeAt(at)), `${what} splits a surrogate pair`).toBe(false);
  }
}

function assertEditsClean(text: string, edits: TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  sorted.forEach((e, i) => {
    assertSpan(text, e, what);
    if (i > 0) expect(e.start, `${what}: overlapping edits`).toBeGreaterThanOrEqual(sorted[i - 1].end);
  });
}

/** Where an offset of the original text lands after edits. */
function mapOffset(edits: TextEdit[], at: number): number {
  let delta = 0;
  for (const e of edits) if (e.end <= at && !(e.start === e.end && e.start === at)) delta += e.newText.length - (e.end - e.start);
  return at + delta;
}

describe('generated Markdown', () => {
  it('never throws, and every range is inside the document, on UTF-16 boundaries, in order', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const a = new DocumentAnalyzer(records).analyze(text);
        expect(a.internalErrors).toEqual([]);
        let last = 0;
        for (const f of a.findings) {
          assertSpan(text, f, f.code);
          expect(f.start).toBeGreaterThanOrEqual(last);
          last = f.start;
          for (const fix of f.fixes) assertEditsClean(text, fix.edits, `${f.code}: ${fix.title}`);
        }
        for (const m of a.mentions) {
          assertSpan(text, m, 'mention');
          // The range holds exactly the mention's words; its text is the prose remark read there (markup and a line's trailing spaces dropped).
          expect(words(text.slice(m.start, m.end))).toEqual(words(m.text));
        }
        for (const c of a.citations) assertSpan(text, c, 'citation');
      }),
      { numRuns: RUNS, ...REPLAY },
    );
  }, TIMEOUT);

  it('applies every fix cleanly and idempotently', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const analyzer = new DocumentAnalyzer(records);
        for (const f of analyzer.analyze(text).findings) {
          for (const fix of f.fixes) {
            const fixed = applyEdits(text, fix.edits);
            const again = analyzer.analyze(fixed).findings;
            const at = mapOffset(fix.edits, f.start);
            // The same fix is not offered again at the same place.
            const repeated = again.some((g) => g.code === f.code && g.start === at && g.fixes.some((h) => h.title === fix.title && h.edits.map((e) => e.newText).join() === fix.edits.map((e) => e.newText).join()));
            expect(repeated, `${f.code}: ${fix.title} on ${JSON.stringify(text)}`).toBe(false);
          }
        }
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 3)), ...REPLAY },
    );
  }, TIMEOUT);
});

describe('incremental analysis', () => {
  const edit = fc.record({
    at: fc.nat(),
    remove: fc.nat({ max: 12 }),
    insert: fc.constantFrom(...FRAGMENTS, ...SEPARATORS, 'a', '\n\n', '```\n'),
  });

  it('equals a fresh analysis after any sequence of edits', () => {
    fc.assert(
      fc.property(markdown, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
        const warm = new DocumentAnalyzer(records);
        let text = start;
        warm.analyze(text);
        for (const e of edits) {
          const at = text.length === 0 ? 0 : e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          expect(warm.analyze(text)).toEqual(new DocumentAnalyzer(records).analyze(text));
        }
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 3)), ...REPLAY },
    );
  }, TIMEOUT);
});
