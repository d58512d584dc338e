/**
 * Worst cases for the analysis' running time: the time for sixteen times the text must stay near
 * sixteen times the time (a ratio of two runs in the same process, fastest of several; a
 * quadratic cost would give 256).
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { DocumentAnalyzer } from '../../server/src/analysis/incremental/analyzer';
import { RecordSet } from '../../server/src/records/recordSet';
import { bundledRecords } from '../helpers/records';
import { growthRatio } from '../helpers/timing';

const parser = unified().use(remarkParse).use(remarkGfm);
// Each case measures both sizes several times; on a machine busy with other work that can take
// minutes. The limit is for work that never ends: a ratio, not this, judges the growth.
const TIMEOUT = 150_000;

/**
 * Time for `factor` times the text over time for the text ("{n}" in the piece counts up, so no
 * two repeats are alike, up to `cycle`), against a limit of twice the factor: linear work gives about the
 * factor; a quadratic term, even one still small beside the linear work at these sizes, passes
 * twice it, and quadratic work gives the factor squared. The analysis hands some paragraphs to
 * remark, whose own cost grows faster than linearly on a few shapes (one paragraph of thousands
 * of inline HTML comments): past the limit, the analysis must still grow no faster than bare
 * parsing of the same texts.
 */
function expectLinear(piece: string, records: RecordSet, { baseKb = 50, factor = 16, cycle = Infinity, before = '', after = '' } = {}): void {
  const make = (kb: number) => before + Array.from({ length: Math.ceil((kb * 1024) / piece.length) }, (_, i) => piece.replace('{n}', String(i % cycle))).join('') + after;
  const texts = new Map([1, factor].map((scale) => [scale, make(baseKb * scale)]));
  const measure = () => growthRatio((scale) => new DocumentAnalyzer(records).analyze(texts.get(scale)!), factor);
  let analysis = measure();
  // Other work on a shared machine only ever adds time, and may land on one size's runs only:
  // past the limit, measure again (twice at most) and keep the lowest ratio. Quadratic work
  // stays near the factor squared however often it is measured.
  for (let attempt = 1; attempt < 3 && analysis >= 2 * factor; attempt++) analysis = Math.min(analysis, measure());
  if (analysis < 2 * factor) return;
  const parsing = growthRatio((scale) => parser.parse(texts.get(scale)!), factor);
  expect(analysis, `analysis grew ${analysis.toFixed(1)}×, bare parsing ${parsing.toFixed(1)}×`).toBeLessThan(2 * parsing);
}

describe('analysis time grows linearly', () => {
  it('on a paragraph without a full stop', () => {
    expectLinear('ICE and the TCIU worked with Operation Citadel and “the dismantlement of several networks” [^{n}] and 4,600 police in 2017 ', bundledRecords());
  }, TIMEOUT);

  it('on a paragraph of many short sentences with citations', () => {
    expectLinear('Operation Citadel grew in 2016. The TCIU trained {n} police [@gao-18-618]. “Quoted, unbalanced. ', bundledRecords());
  }, TIMEOUT);

  it('on thousands of aliases sharing a prefix', () => {
    const programs = Array.from({ length: 5_000 }, (_, i) => ({ id: `p${i}`, kind: 'program', name: `Operation Alpha Unit ${i}`, aliases: [`Operation Alpha Unit ${i}`, `Alpha Unit ${i} Task Force`], agency: [] }));
    const records = RecordSet.fromTexts([{ path: 'programs.json', text: JSON.stringify(programs) }]);
    // Counting up to the number of programs and round again, so that the larger text is made of the same pieces.
    expectLinear('Operation Alpha Unit Operation Alpha Alpha Unit Task Force Operation Alpha Unit {n} ', records, { cycle: programs.length, baseKb: 100 });
  }, TIMEOUT);

  it('on a long line of suppression comments', () => {
    expectLinear('The TCIU trained {n} police in 2017. <!-- claimcheck-disable-line uncited-claim -- reason: ours --> ', bundledRecords());
  }, TIMEOUT);

  it('on a sentence of many attributions and agencies', () => {
    expectLinear('according to 2016 HSI testimony ICE and the TCIU trained {n} police in that year, explains the GAO, ', bundledRecords(), { baseKb: 100 });
  }, TIMEOUT);

  it('on one very long word among source words, agencies and program-shaped names', () => {
    // Patterns that begin with a run of capitalised words, tried from every letter of the word, would cost its length squared.
    const around = [
      ['The GAO report and ICE officials told Congress, as ', ' Task Force reported in 2016, said.'],
      ['Fuerza de Tarea ', ' began, as Operation Alpha did.'],
    ];
    for (const [before, ...after] of around) for (const piece of ['A', 'Ab']) expectLinear(piece, bundledRecords(), { baseKb: 10, before, after: after.join('') });
  }, TIMEOUT);

  it('on many lines of fences, quotes and brackets that never close', () => {
    expectLinear('```\n> “[ ( ** _ [^ [@ <!-- {n}\n\n', bundledRecords(), { factor: 8 }); // the slowest piece: 8× keeps the test short
  }, TIMEOUT);
});
