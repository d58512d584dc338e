/**
 * What a sentence that names no program is read as about (the program its paragraph, section or
 * document is about), and what is not a claim because it only dates or credits a text.
 */
import { describe, expect, it } from 'vitest';
import { isDateline } from '../../server/src/analysis/claimShape';
import { analyze } from '../helpers/records';

const carried = (text: string) =>
  analyze(text)
    .mentions.filter((m) => m.carried)
    .map((m) => `${m.text}→${m.program}`);
const uncited = (text: string) => analyze(text).findings.filter((f) => f.code === 'uncited-claim').map((f) => f.programs);

describe('a sentence that names no program, read as about one', () => {
  it('is listed as a carried reading spanning the sentence, not as a name', () => {
    const text = 'Operation Martillo began in 2012. Boats carried 40 tons of cocaine in 2013.';
    const a = analyze(text);
    const reading = a.mentions.find((m) => m.carried);
    expect(reading).toMatchObject({ program: 'operation-martillo', start: text.indexOf('Boats'), end: text.length });
    expect(a.mentions.filter((m) => !m.carried).map((m) => m.program)).toEqual(['operation-martillo']);
  });
});

describe('datelines are not claims', () => {
  it('reads a date with its label or credit', () => {
    for (const line of ['By Dialogo\nJuly 29, 2013', 'Por Antonio Ordoñez/Diálogo\nseptiembre 04, 2018', 'Release Date\nFri, 06/30/2023', 'Publicly Released: Sep 05, 2018.', 'Kay Valle/Diálogo | 25 agosto 2017', 'January 10, 2010']) {
      expect([line, isDateline(line)]).toEqual([line, true]);
    }
    for (const line of ['The capstone training event concluded on June 26.', 'The exercise began on May 20, 2019.', 'By 2019, JTF-Bravo had flown 300 missions.']) {
      expect([line, isDateline(line)]).toEqual([line, false]);
    }
  });

  it('carries no program to a dateline', () => {
    const text = '# Operation Martillo making strides\n\nBy Dialogo\nJuly 29, 2013\n\nOperation Martillo seized 40 boats.\n';
    expect(carried(text)).toEqual([]);
    expect(uncited(text)).toEqual([['operation-martillo']]);
  });
});
