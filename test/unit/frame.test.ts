import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../server/src/analysis/figures';
import { placeKey, placesAgree, readPlaces, readTimes, sentencePlaceKey, timesAgree } from '../../server/src/analysis/frame';
import { measureAgrees, measureScore, sentenceFrame, valuesAgree } from '../../server/src/analysis/figureMatch';
import type { Figure } from '../../server/src/records/types';

const frameOf = (text: string) => sentenceFrame(text, findNumbers(text).map((n) => ({ ...n, text: text.slice(n.start, n.end) })), []);

describe('numbers as written', () => {
  it('reads Spanish and English grouping, decimals and scales', () => {
    expect(findNumbers('unos 2,1 millones de dólares').map((n) => n.value)).toEqual([2_100_000]);
    expect(findNumbers('más de 19 mil oficiales de seguridad').map((n) => [n.value, n.qualifier])).toEqual([[19_000, 'more-than']]);
    expect(findNumbers('En 2019 se decomisaron 9.340 kilogramos de cocaína en la frontera').filter((n) => n.unit !== 'year').map((n) => [n.value, n.unit])).toEqual([[9340, 'kilogram']]);
    expect(findNumbers('El ejercicio tiene un costo de $9.8 millones.').map((n) => n.value)).toEqual([9_800_000]);
    expect(findNumbers('over $1.2 billion in funding').map((n) => [n.value, n.qualifier, n.money])).toEqual([[1_200_000_000, 'more-than', true]]);
    expect(findNumbers('One thousand U.S. Army units').map((n) => n.value)).toEqual([1000]);
  });
  it('pairs a number with the noun phrase it counts, adjectives between', () => {
    expect(findNumbers('trained 4,600 Guatemalan police in 2017')[0].noun).toEqual(['guatemalan', 'police']);
    expect(findNumbers('over 260 domestic and international arrests')[0].noun).toEqual(['domestic', 'international', 'arrests']);
    expect(findNumbers('42 vehículos blindados')[0].noun).toEqual(['vehiculos', 'blindados']);
  });
  it('does not read names or citation labels as counts', () => {
    expect(findNumbers('GAO-15-707 and MS-13 members')).toEqual([]);
    expect(findNumbers('the 287(g) program')).toEqual([]);
    expect(frameOf('This year SOUTHCOM aligns CENTAM Guardian 24 with the exercise.').figures).toEqual([]);
  });
});

describe('times and places', () => {
  it('reads the kinds of time a sentence gives', () => {
    const kinds = (t: string) => readTimes(t).map((x) => [x.kind, x.from, x.to]);
    expect(kinds('in November 2020')).toEqual([['in', '2020-11', undefined]]);
    expect(kinds('by January 2014')).toEqual([['asOf', '2014-01', undefined]]);
    expect(kinds('since 2015')).toEqual([['since', '2015', undefined]]);
    expect(kinds('between 2013 and 2016')).toEqual([['range', '2013', '2016']]);
    expect(kinds('a finales de 2018')).toEqual([['in', '2018', undefined]]);
    expect(kinds('año fiscal 2016')).toEqual([['in', '2016', undefined]]);
    expect(kinds('del 15 de enero de 2012 al 17 de julio de 2013')).toEqual([['range', '2012-01-15', '2013-07-17']]);
  });
  it('reads a day without its year as a day of the record\'s year', () => {
    const [t] = readTimes('On April 1, ICE brought home 69 U.S. citizens');
    expect([t.kind, t.from]).toEqual(['in', '????-04-01']);
    expect(timesAgree(t, { kind: 'in', from: '2020-04-01' })).toBe(true);
    expect(timesAgree(t, { kind: 'in', from: '2020-04-02' })).toBe(false);
    expect(timesAgree(t, { kind: 'range', from: '2020-03-22', to: '2020-04-07' })).toBe(false);
    expect(frameOf('On April 1, ICE brought home 69 U.S. citizens').figures.map((f) => f.value)).toEqual([69]);
  });
  it('agrees on the same time only', () => {
    expect(timesAgree({ kind: 'in', from: '2017' }, { kind: 'in', from: '2017-09' })).toBe(true);
    expect(timesAgree({ kind: 'asOf', from: '2013-03-31' }, { kind: 'asOf', from: '2013-06' })).toBe(false);
    expect(timesAgree({ kind: 'in', from: '2017' }, { kind: 'asOf', from: '2017' })).toBe(false);
  });
  it('reads places after a preposition, and a part is not the whole', () => {
    expect(readPlaces('60 Marines are in Guatemala').map((p) => p.name)).toEqual(['Guatemala']);
    expect(readPlaces('the Guatemalan Army').length).toBe(0);
    expect(readPlaces('across the region')[0].region).toBe(true);
    expect(readPlaces('un sitio en Jutiapa')[0].sites).toEqual(['jutiapa']);
    const whole = placeKey(['Belize', 'El Salvador', 'Guatemala', 'Honduras'])!;
    expect(placesAgree(sentencePlaceKey(readPlaces('in Guatemala'))!, whole)).toBe(false);
    expect(placesAgree(sentencePlaceKey(readPlaces('in Guatemala'))!, placeKey(['Huehuetenango, Guatemala'])!)).toBe(true);
  });
  it('tells named regions apart; "the region" is any of them', () => {
    const at = (t: string) => sentencePlaceKey(readPlaces(t))!;
    expect(placesAgree(at('in Central America'), placeKey(['Caribbean'])!)).toBe(false);
    expect(placesAgree(at('in Central America'), placeKey(['Central America'])!)).toBe(true);
    expect(placesAgree(at('in the Caribbean'), placeKey(['Mexico', 'Central America'])!)).toBe(false);
    expect(placesAgree(at('across the region'), placeKey(['Caribbean'])!)).toBe(true);
    expect(placesAgree(at('in Central America'), placeKey(['Belize', 'El Salvador', 'Guatemala', 'Honduras'])!)).toBe(true);
  });
  it('reads a list of places after a preposition as one place', () => {
    const at = (t: string) => sentencePlaceKey(readPlaces(t))!;
    const four = at('almost 300 U.S. Marines training with local partners in Guatemala, Belize, El Salvador, and Honduras');
    expect(four.countries).toEqual(['Belize', 'El Salvador', 'Guatemala', 'Honduras']);
    expect(placesAgree(four, placeKey(['Guatemala', 'Belize', 'El Salvador', 'Honduras'])!)).toBe(true);
    expect(placesAgree(four, placeKey(['Guatemala'])!)).toBe(false);
    expect(at('en Comayagua, Honduras')).toEqual({ countries: ['Honduras'], sites: ['comayagua'], region: false });
    // Names without a preposition before the list are not places of it.
    expect(readPlaces('the Guatemalan and Honduran armies, Belize')).toEqual([]);
  });
  it('reads a total over several laws as running to the last one, and a plan for a year as in it', () => {
    const kinds = (t: string) => readTimes(t).map((x) => [x.kind, x.from]);
    expect(kinds('Congress has appropriated some $1.3 billion in P.L. 110-252, P.L. 111-8, and, most recently, in the FY2010 Consolidated Appropriations Act, P.L. 111-117.')).toEqual([['asOf', '2010']]);
    expect(kinds('The FY2010 Consolidated Appropriations Act provides $37 million.')).toEqual([['in', '2010']]);
    expect(kinds('Con miras al año fiscal 2016, la Administración pretende aportar hasta $750 millones')).toEqual([['in', '2016']]);
    expect(kinds('al 31 de diciembre de 2016')).toEqual([['asOf', '2016-12-31']]);
  });
  it('reads a word that names people as what is counted, even in a program\'s name, and stops at what they do', () => {
    expect(findNumbers('almost 400 U.S. Marines training with local partners')[0].noun).toEqual(['u.s', 'marines']);
    const n = frameOf('In this context, 90 SPMAGTF-SC Marines are in Guatemala').figures[0];
    const words = new Set(['special', 'purpose', 'marine', 'spmagtf', 'spmagtf-sc']);
    expect(measureAgrees(n, { value: 60, unit: 'person', label: 'x', measure: 'SPMAGTF-SC Marines in Guatemala', cues: ['marine'] } as Figure, words)).toBe(true);
  });
  it('reads what a weight weighs', () => {
    expect(findNumbers('the seizure of 207,740 kilograms of cocaine')[0].noun).toEqual(['kilograms', 'cocaine']);
    expect(findNumbers('37.397 kg de marihuana y 152 bienes')[0].noun).toEqual(['kg', 'marihuana']);
  });
});

describe('values and qualifiers', () => {
  const n = (value: number, qualifier?: 'about' | 'more-than' | 'almost') => ({ value, scale: 1, decimals: 0, qualifier });
  it('allows what both qualifiers allow, and no more', () => {
    expect(valuesAgree(n(300), 300, 'about')).toBe(true);
    expect(valuesAgree(n(5000), 4600, 'about')).toBe(false);
    expect(valuesAgree(n(1900, 'more-than'), 900, 'more-than')).toBe(false);
    expect(valuesAgree(n(500, 'about'), 472, 'exact')).toBe(true);
    expect(valuesAgree(n(400, 'almost'), 300, 'about')).toBe(false);
  });
  it('gives each end of a change its end of the period', () => {
    const f = frameOf('From fiscal year 2011 through fiscal year 2013, participants increased from 32,065 to 40,864.').figures;
    expect(f.map((x) => [x.value, x.time?.from])).toEqual([[32065, '2011'], [40864, '2013']]);
  });
});

describe('what is counted', () => {
  const fig = (measure: string, cues: string[]): Figure => ({ value: 1, unit: 'person', label: measure, measure, cues } as Figure);
  it('names more of the noun phrase: MS-13 members are not gang members at large', () => {
    const n = frameOf('led to charges against over 2,000 MS-13 members.').figures[0];
    const ms13 = fig('MS-13 members charged', ['charg', 'ms-13', 'member']);
    const gangs = fig('gang members charged', ['charg']);
    expect(measureAgrees(n, ms13) && measureAgrees(n, gangs)).toBe(true);
    expect(measureScore(n, ms13)).toBeGreaterThan(measureScore(n, gangs));
  });
  it('reads a plural of the program name as units of the program', () => {
    const n = frameOf('There are currently 21 BESTs in place.').figures[0];
    expect(measureAgrees(n, fig('BEST units', ['best', 'unit']), new Set(['best']))).toBe(true);
  });
});
