/**
 * Worst cases for the analysis' running time: the time for four times the text must stay
 * near four times the time (a ratio measured in the same run, with a wide margin; a
 * quadratic cost would give sixteen).
 */
import { describe, expect, it } from 'vitest';
import { DocumentAnalyzer } from '../../server/src/analysis/document';
import { RecordSet } from '../../server/src/records/recordSet';
import { bundledRecords } from '../helpers/records';

function medianMs(run: () => void, times = 3): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)];
}

/** Time for a 4× larger text divided by the time for the smaller one; "{n}" in the piece counts up, so no two repeats are alike. */
function growth(piece: string, records: RecordSet, smallKb = 100): number {
  const make = (kb: number) => Array.from({ length: Math.ceil((kb * 1024) / piece.length) }, (_, i) => piece.replace('{n}', String(i))).join('');
  const small = make(smallKb);
  const large = make(smallKb * 4);
  new DocumentAnalyzer(records).analyze(small); // warm up the engine
  return medianMs(() => new DocumentAnalyzer(records).analyze(large)) / medianMs(() => new DocumentAnalyzer(records).analyze(small));
}

const LIMIT = 8;

describe('analysis time grows linearly', () => {
  it('on a paragraph without a full stop', () => {
    expect(growth('ICE and the TCIU worked with Operation Citadel and “the dismantlement of several networks” [^{n}] and 4,600 police in 2017 ', bundledRecords())).toBeLessThan(LIMIT);
  }, 60_000);

  it('on a paragraph of many short sentences with citations', () => {
    expect(growth('Operation Citadel grew in 2016. The TCIU trained {n} police [@gao-18-618]. “Quoted, unbalanced. ', bundledRecords())).toBeLessThan(LIMIT);
  }, 60_000);

  it('on thousands of aliases sharing a prefix', () => {
    const programs = Array.from({ length: 5_000 }, (_, i) => ({ id: `p${i}`, kind: 'program', name: `Operation Alpha Unit ${i}`, aliases: [`Operation Alpha Unit ${i}`, `Alpha Unit ${i} Task Force`], agency: [] }));
    const records = RecordSet.fromTexts([{ path: 'programs.json', text: JSON.stringify(programs) }]);
    expect(growth('Operation Alpha Unit Operation Alpha Alpha Unit Task Force Operation Alpha Unit {n} ', records)).toBeLessThan(LIMIT);
  }, 60_000);

  it('on many lines of fences, quotes and brackets that never close', () => {
    expect(growth('```\n> “[ ( ** _ [^ [@ <!-- {n}\n\n', bundledRecords())).toBeLessThan(LIMIT);
  }, 60_000);
});
