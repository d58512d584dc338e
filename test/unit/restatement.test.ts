import { describe, expect, it } from 'vitest';
import { analyze, bundledRecords } from '../helpers/records';
import { restated } from '../../server/src/analysis/restatement';

const mismatches = (text: string) => analyze(text).findings.filter((f) => f.code === 'figure-mismatch').map((f) => [text.slice(f.start, f.end), f.message]);

describe('a sentence that restates a recorded excerpt', () => {
  it('states the excerpt\'s figure, with its time and program, though it names neither', () => {
    const wrong = "The FBI today announced a coordinated, five-nation law enforcement effort against gangs. All in all, today's actions included the participation of more than 8,400 police officers, federal agents, or other officials, operating in 13 states and five countries.";
    const found = mismatches(wrong);
    expect(found.map(([t]) => t)).toEqual(['8,400']);
    expect(found[0][1]).toContain('6,400');
    expect(found[0][1]).toContain('on 8 September 2005');
    expect(mismatches(wrong.replace('8,400', '6,400'))).toEqual([]);
  });
  it('says nothing where the same measure, at a time the sentence allows, has a value that allows the number', () => {
    // Over 345 arrests to December 2024: a later release may say "over 360" in the same words.
    const text = 'So far, Joint Task Force Alpha’s work has resulted in over 360 domestic and international arrests; more than 170 convictions.';
    expect(mismatches(text)).toEqual([]);
    const found = mismatches(text.replace('360', '960'));
    expect(found.map(([t]) => t)).toEqual(['960']);
    expect(found[0][1]).toContain('December 2023');
    expect(mismatches(text.replace('360', '260'))).toEqual([]);
  });
  it('needs seven of the excerpt\'s words around the number, as many on each side as the sentence has up to five', () => {
    const records = bundledRecords();
    const at = (text: string, number: string) => restated(records, { text }, text, { start: text.indexOf(number) });
    expect(at('350 efectivos estadounidenses, en rotaciones de dos semanas, y 150', '350').map((r) => r.figure.value)).toEqual([250]);
    expect(at('Some 350 efectivos estadounidenses llegaron.', '350')).toEqual([]);
    expect(at('today’s actions included the participation of more than 8,400 police officers', '8,400').map((r) => r.figure.value)).toEqual([6400]);
    expect(at('of more than 8,400 police officers', '8,400')).toEqual([]);
  });
});
