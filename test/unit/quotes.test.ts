/**
 * Quote comparison (server/src/analysis/quotes.ts): words first, then the punctuation between
 * them, where only typography may differ.
 */
import { describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../server/src/analysis/quotes';
import { RecordSet } from '../../server/src/records/recordSet';

const QUOTE = 'the dismantlement of several large-scale transnational criminal organizations involved in human smuggling, which “moved” migrants north';
const records = RecordSet.fromTexts([
  { path: 'programs.json', text: JSON.stringify([{ id: 'p', kind: 'program', name: 'Project Pelican', aliases: ['Project Pelican'], agency: [] }]) },
  { path: 'sources.json', text: JSON.stringify([{ id: 's', type: 'report', title: 'S' }]) },
  { path: 'claims.json', text: JSON.stringify([{ id: 'c', program: 'p', source: 's', fact: 'f', quote: QUOTE, quoteVerified: false }]) },
]);
expect(records.problems).toEqual([]);
const index = new QuoteIndex(records);

describe('quote comparison', () => {
  it.each([
    ['the same words and marks', 'the dismantlement of several large-scale transnational criminal organizations'],
    ['a stretch with the writer’s own closing period', 'several large-scale transnational criminal organizations involved in human smuggling.'],
    ['another kind of dash and spacing', 'several large–scale transnational  criminal organizations'],
    ['single marks for a quote within a quote', 'human smuggling, which ‘moved’ migrants north'],
    ['a word in editorial brackets', 'human smuggling, [which] “moved” migrants north'],
    ['an omission marked with an ellipsis', 'the dismantlement of several … organizations involved in human smuggling'],
  ])('takes %s as exact', (_, passage) => {
    expect(index.match(passage)).toMatchObject({ exact: true });
  });

  it.each([
    ['a comma left out', 'organizations involved in human smuggling which moved migrants north', 'smuggling which', 'smuggling, which'],
    ['a comma added', 'the dismantlement of several large-scale, transnational criminal organizations', 'scale, transnational', 'scale transnational'],
    ['a hyphen turned into a space', 'the dismantlement of several large scale transnational criminal organizations', 'large scale', 'large-scale'],
  ])('flags %s, with the record’s words as the fix', (_, passage, written, recorded) => {
    const m = index.match(passage);
    expect(m).toMatchObject({ exact: false, difference: [{ kind: 'added', text: written }, { kind: 'removed', text: recorded }] });
    expect(QUOTE.includes(m!.replacement!)).toBe(true);
    expect(index.match(m!.replacement!)).toMatchObject({ exact: true });
  });
});
