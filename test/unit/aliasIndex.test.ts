import { describe, expect, it } from 'vitest';
import { AliasIndex } from '../../server/src/records/aliasIndex';

const index = new AliasIndex([
  { alias: 'ICE', target: 'ice' },
  { alias: 'TCIU', target: 'tciu' },
  { alias: 'Transnational Criminal Investigative Unit', target: 'tciu' },
  { alias: 'FTI', target: 'iatf' },
  { alias: 'Inter-Agency Task Force', target: 'iatf' },
  { alias: 'FTI Tecún Umán', target: 'fti-tecun-uman' },
  { alias: 'Operation Citadel', target: 'citadel' },
  { alias: 'Special-Purpose Marine Air-Ground Task Force Southern Command', target: 'spmagtf' },
]);

const found = (text: string) => index.findMentions(text).map((m) => [m.target, text.slice(m.start, m.end)]);

describe('alias index', () => {
  it('matches acronyms case-sensitively and on word boundaries', () => {
    expect(found('ICE agents, not ice cream or the price of Ice.')).toEqual([['ice', 'ICE']]);
  });
  it('accepts plurals of acronyms and words', () => {
    expect(found('TCIUs and Inter-Agency Task Forces')).toEqual([
      ['tciu', 'TCIUs'],
      ['iatf', 'Inter-Agency Task Forces'],
    ]);
  });
  it('treats hyphenated, spaced and closed forms alike', () => {
    expect(found('the Interagency Task Force')).toEqual([['iatf', 'Interagency Task Force']]);
    expect(found('the Inter Agency Task Force')).toEqual([['iatf', 'Inter Agency Task Force']]);
    expect(found('Special Purpose Marine Air Ground Task Force Southern Command')).toHaveLength(1);
  });
  it('ignores case and accents outside acronyms', () => {
    expect(found('FTI Tecun Uman patrols')).toEqual([['fti-tecun-uman', 'FTI Tecun Uman']]);
    expect(found('operation citadel')).toEqual([['citadel', 'operation citadel']]);
  });
  it('joins an alias\'s words across white space, hyphens and quotation marks, not across other punctuation', () => {
    expect(found('the FTI\nTecún Umán, the “FTI” Tecún Umán')).toEqual([
      ['fti-tecun-uman', 'FTI\nTecún Umán'],
      ['fti-tecun-uman', 'FTI” Tecún Umán'],
    ]);
    expect(found('in FTI. Tecún Umán; FTI (Tecún Umán)').map(([id]) => id)).toEqual(['iatf', 'iatf']);
  });
    it('reads "Operación X" as "Operation X"', () => {
    expect(found('La Operación Citadel y las operaciones citadel')).toEqual([
      ['citadel', 'Operación Citadel'],
      ['citadel', 'operaciones citadel'],
    ]);
  });
  it('prefers the longest alias', () => {

    expect(found('FTI Tecún Umán and FTI')).toEqual([
      ['fti-tecun-uman', 'FTI Tecún Umán'],
      ['iatf', 'FTI'],
    ]);
  });
  it('reports an alias that two programs claim, and an alias with no words', () => {
    const clash = new AliasIndex([
      { alias: 'TAG', target: 'tag' },
      { alias: 'TAG', target: 'other' },
      { alias: ' -- ', target: 'x' },
    ]);
    expect(clash.conflicts.map((c) => c.reason)).toEqual(['taken', 'empty']);
  });
  it('keeps the other records of words that each marks ambiguous beside the one it finds, and reports a clash otherwise', () => {
    const shared = new AliasIndex([
      { alias: 'Policía Nacional Civil', target: 'pnc', shared: true },
      { alias: 'Policía Nacional Civil', target: 'pnc-el-salvador', shared: true },
      { alias: 'FEN', target: 'fen', shared: true },
      { alias: 'FEN', target: 'fen-honduras' },
    ]);
    expect(shared.conflicts.map((c) => `${c.reason}:${c.entry.target}`)).toEqual(['taken:fen-honduras']);
    const [police] = shared.findMentions('La Policia Nacional Civil patrulla.');
    expect([police.target, police.others?.map((o) => o.target)]).toEqual(['pnc', ['pnc-el-salvador']]);
    expect(shared.findMentions('FEN').map((m) => m.others)).toEqual([undefined]);
  });
  it('finds a common word its record guards only written exactly as the alias', () => {
    const guarded = new AliasIndex([{ alias: 'State', target: 'state', shared: true, guarded: true }]);
    expect(guarded.findMentions('State and USAID; the state; the United States; STATE.').map((m) => m.start)).toEqual([0]);
    expect(guarded.hasMention('the United States and the state')).toBe(false);
    expect(guarded.hasMention('However, State said')).toBe(true);
  });
  it('keeps UTF-16 offsets after astral characters', () => {
    const text = '😀 ICE 👍🏽 TCIU';
    const ms = index.findMentions(text);
    expect(ms.map((m) => text.slice(m.start, m.end))).toEqual(['ICE', 'TCIU']);
  });
  it('does not slow down with the number of aliases', () => {
    const many = new AliasIndex(Array.from({ length: 50_000 }, (_, i) => ({ alias: `Program ${i} Unit`, target: `p${i}` })));
    expect(many.findMentions('Program 4242 Unit and Program 7 Unit')).toHaveLength(2);
  });
});
