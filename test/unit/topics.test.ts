/**
 * What a sentence that names no program is read as about (the program its paragraph, section or
 * document is about), and what is not a claim because it only dates or credits a text.
 */
import { describe, expect, it } from 'vitest';
import { isDateline, isNothingCheckable } from '../../server/src/analysis/claimShape';
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

describe('what a sentence that names no program carries', () => {
  it('carries the paragraph’s program to a sentence that names only its agencies', () => {
    expect(carried('CBP One launched in January 2023. CBP processed 1,000 appointments per day in May.')).toEqual(['CBP processed 1,000 appointments per day in May.→cbp-one']);
    // ICE does not run Operation Martillo: the sentence may be about ICE's own work.
    expect(carried('Operation Martillo began in 2012. ICE processed 1,000 cases in 2013.')).toEqual([]);
  });

  it('reads a place as something checkable, as a figure or a date', () => {
    expect(carried('Operation Martillo began in 2012. Boats were seized near Honduras.')).toEqual(['Boats were seized near Honduras.→operation-martillo']);
    expect(carried('Operation Martillo began in 2012. Boats were seized at sea.')).toEqual([]);
    // "the U.S." before a name is an adjective, not a place.
    expect(carried('Operation Martillo began in 2012. Exterior of the U.S. Coast Guard headquarters.')).toEqual([]);
  });

  it('carries nothing to a sentence that opens on the threat, quotes someone, introduces a list or defines a name', () => {
    expect(carried('Operation Martillo began in 2012. Drug trafficking-related violence claimed 6,500 lives in 2009.')).toEqual([]);
    expect(carried('Operation Martillo began in 2012. An MS-13 presence has been identified in 33 states.')).toEqual([]);
    expect(carried('Operation Martillo began in 2012. “We seized 40 boats in 2013,” the admiral said.')).toEqual([]);
    expect(carried('Operation Martillo began in 2012. Since May 12:')).toEqual([]);
    expect(carried('CBP One launched in January 2023.\n\nU.S. CBP is responsible for 328 ports of entry.')).toEqual([]);
  });

  it('carries the document’s program across paragraphs once its body names it, not from a title alone', () => {
    expect(carried('Operation Martillo began in 2012.\n\nBoats carried 40 tons of cocaine in 2013.')).toEqual(['Boats carried 40 tons of cocaine in 2013.→operation-martillo']);
    expect(carried('# Operation Martillo\n\nBoats carried 40 tons of cocaine in 2013.')).toEqual([]);
    // A paragraph that names two leaves the topic to the next that names one alone.
    expect(carried('Operation Martillo and Operation Hornet began in 2012.\n\nOperation Martillo seized boats.\n\nBoats carried 40 tons of cocaine in 2013.')).toEqual([
      'Boats carried 40 tons of cocaine in 2013.→operation-martillo',
    ]);
    // Another named alone after it makes two: none is taken.
    expect(carried('Operation Martillo began in 2012.\n\nOperation Hornet began in 2013.\n\nBoats carried 40 tons of cocaine in 2013.')).toEqual([]);
  });
});

describe('what is not a claim', () => {
  it('reads the writer’s recommendations, counted or not, and appraisals of what something enables or furthers', () => {
    expect(isNothingCheckable('Our 3 recommendations to ICE address these and other issues.')).toBe(true);
    expect(isNothingCheckable('GAO is making 2 recommendations to ICE.')).toBe(true);
    expect(isNothingCheckable('Each year’s exercise enables the United States and its partners to improve regional cooperation.')).toBe(true);
    expect(isNothingCheckable('La organización única de las tareas de FTC-Bravo permite responder con rapidez para apoyar contingencias.')).toBe(true);
    expect(isNothingCheckable('La Fuerza de Tarea Conjunta Bravo promueve cooperación y seguridad regional en Centroamérica.')).toBe(true);
    expect(isNothingCheckable('The exercise enables 300 engineers to build schools.')).toBe(false);
    expect(isNothingCheckable('ICE implemented 3 recommendations from the review.')).toBe(false);
  });
});

describe('speech attributes the quotation that follows it', () => {
  it('gives a speaker named with an abbreviated rank the sentences of the quotation after his', () => {
    const text = 'Col. Arriaga explained there are plans to create a unified force. “We exchange information with the region. For example, FUSINA was established in 2014 to fight organized crime."';
    expect(uncited(text)).toEqual([]);
    // Without the speaker, the claim is uncited.
    expect(uncited('For example, FUSINA was established in 2014 to fight organized crime.')).toEqual([['fusina']]);
  });
});

describe('more of what a sentence that names no program carries', () => {
  it('takes a program its paragraph named by a description read from the heading', () => {
    expect(carried('# Operation Martillo\n\nThe operation began in 2012. Boats carried 40 tons of cocaine in 2013.')).toEqual(['Boats carried 40 tons of cocaine in 2013.→operation-martillo']);
  });

  it('reads a few words in quotation marks as a name, not as someone speaking; an allegation as about the suspects', () => {
    expect(carried('Operation Martillo began in 2012. Boats of the “Bigfoot” kind carried 40 tons in 2013.')).toEqual(['Boats of the “Bigfoot” kind carried 40 tons in 2013.→operation-martillo']);
    expect(carried('Operation Martillo began in 2012. Three men allegedly ran boats to Honduras in 2013.')).toEqual([]);
  });

  it('ranks the sources for such a sentence with the sentence before it in its paragraph', () => {
    const text =
      'On April 1, ICE Air Operations brought home a total of 69 U.S. citizens and lawful permanent residents from Nicaragua and Honduras. U.S. citizens and LPRs occupied the Space Available seats on flights to the United States.';
    const finding = analyze(text).findings.find((f) => f.code === 'uncited-claim' && text.slice(f.start).startsWith('U.S. citizens and LPRs'));
    expect(finding?.programs).toEqual(['ice-air']);
    expect(finding?.sources[0]).toBe('ice-2020-04-02-ice-air-69-us-citizens-lprs');
  });
});

describe('the document’s topic', () => {
  it('is the one program every paragraph that names any has named', () => {
    // Continuing Promise is named with JTF-Bravo, then with Enduring Promise: it alone is in both.
    const text =
      'Joint Task Force-Bravo supported Continuing Promise 2022 in Honduras.\n\nContinuing Promise is part of the Enduring Promise initiative.\n\nThe Fourth Fleet traveled to Honduras aboard the hospital ship in 2022.';
    expect(carried(text)).toEqual(['The Fourth Fleet traveled to Honduras aboard the hospital ship in 2022.→continuing-promise']);
    // A paragraph that names another alone leaves none.
    expect(carried(`${text}\n\nJoint Task Force-Bravo flew 30 missions.\n\nSites were located in Omoa, Honduras.`)).toEqual([
      'The Fourth Fleet traveled to Honduras aboard the hospital ship in 2022.→continuing-promise',
    ]);
  });
});
