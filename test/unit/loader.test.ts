/**
 * A catalogue of broken record files: each yields an error located to file, line and field,
 * and every valid entry of the file keeps serving.
 */
import fc from 'fast-check';
import { parseTree, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { parseRecordFile, readTopLevel } from '../../server/src/records/loader';
import { RecordSet } from '../../server/src/records/recordSet';
import type { RecordFileText, RecordProblem } from '../../server/src/records/types';
import { positionsIn } from '../../server/src/positions';

const good = (id: string, alias = id.toUpperCase()) => ({ id, kind: 'program', name: `Program ${id}`, aliases: [alias], agency: [] });
const json = (v: unknown) => JSON.stringify(v, null, 2);
/** The 0-based line of the first occurrence of `needle`. */
const lineOf = (text: string, needle: string, last = false) => text.slice(0, last ? text.lastIndexOf(needle) : text.indexOf(needle)).split('\n').length - 1;
/** A problem's 0-based line and UTF-16 column in its file's text. */
const placeOf = (text: string, p: RecordProblem) => positionsIn(text)(p.offset);

interface Case {
  name: string;
  file: RecordFileText;
  /** Ids that must survive. */
  keeps: string[];
  /** Expected problem: a fragment of its message, its field, and the text its line holds. */
  problem: { message: RegExp; field?: string; at: string; last?: boolean };
}

const programsFile = (text: string): RecordFileText => ({ path: '/ws/.claimcheck/programs.json', text });

const cases: Case[] = [
  (() => {
    const text = `[\n${json(good('aaa'))},\n{ "id": "bbb", "kind": "program", "name": "B" "aliases": [] }\n]`;
    return { name: 'invalid JSON', file: programsFile(text), keeps: ['aaa'], problem: { message: /Invalid JSON/, at: '"aliases": []' } };
  })(),
  (() => {
    const text = json([good('aaa'), { ...good('bbb'), aliases: 'BBB' }]);
    return { name: 'wrong type', file: programsFile(text), keeps: ['aaa'], problem: { message: /"aliases" must be an array/, field: '/1/aliases', at: '"aliases": "BBB"' } };
  })(),
  (() => {
    const { id: _id, ...noId } = good('bbb');
    const text = json([good('aaa'), noId]);
    return { name: 'missing id', file: programsFile(text), keeps: ['aaa'], problem: { message: /Missing required field "id"/, field: '/1/id', at: '{\n    "kind": "program",\n    "name": "Program bbb"' } };
  })(),
  (() => {
    const text = json([good('aaa'), good('ccc'), { ...good('aaa'), aliases: ['OTHER'] }]);
    return { name: 'duplicate id', file: programsFile(text), keeps: ['aaa', 'ccc'], problem: { message: /Duplicate id "aaa"/, field: '/2/id', at: '"id": "aaa"', last: true } };
  })(),
  (() => {
    const text = json([good('aaa'), { ...good('bbb'), aliases: ['   '] }]);
    return { name: 'whitespace alias', file: programsFile(text), keeps: ['aaa'], problem: { message: /does not have the expected form/, field: '/1/aliases/0', at: '"   "' } };
  })(),
  (() => {
    const text = json([good('aaa'), { ...good('bbb'), aliases: [] }]);
    return { name: 'empty alias list', file: programsFile(text), keeps: ['aaa'], problem: { message: /must not be empty/, field: '/1/aliases', at: '"aliases": []' } };
  })(),
  (() => {
    const text = json([good('aaa'), { ...good('bbb'), kind: 'department' }]);
    return { name: 'value outside an enum', file: programsFile(text), keeps: ['aaa'], problem: { message: /must be one of/, field: '/1/kind', at: '"department"' } };
  })(),
  (() => {
    const text = json([good('aaa'), { ...good('bbb'), colour: 'red' }]);
    return { name: 'unknown field', file: programsFile(text), keeps: ['aaa'], problem: { message: /Unknown field "colour"/, field: '/1/colour', at: '"colour"' } };
  })(),
  (() => {
    const text = `[\n${json(good('aaa'))},\n{ "__proto__": { "polluted": true }, "id": "bbb", "kind": "program", "name": "B", "aliases": ["B1"], "agency": [] }\n]`;
    return { name: '__proto__ key', file: programsFile(text), keeps: ['aaa'], problem: { message: /"__proto__" is not allowed/, at: '"__proto__"' } };
  })(),
  (() => {
    const text = '\uFEFF' + json([good('aaa'), { ...good('bbb'), name: 42 }]);
    return { name: 'byte-order mark and a wrong type', file: programsFile(text), keeps: ['aaa'], problem: { message: /"name" must be a string/, field: '/1/name', at: '"name": 42' } };
  })(),
  (() => {
    const text = '{ "programs": [] }';
    return { name: 'an object instead of an array', file: programsFile(text), keeps: [], problem: { message: /holds a JSON array/, at: '{' } };
  })(),
  (() => {
    const text = '';
    return { name: 'empty file', file: programsFile(text), keeps: [], problem: { message: /empty/, at: '' } };
  })(),
  (() => {
    const text = '- id: aaa\n  kind: program\n  name: A\n  aliases: [AAA]\n  agency: []\n- id: bbb\n  kind: program\n  name: B\n  aliases: 7\n  agency: []\n';
    return { name: 'YAML with a wrong type', file: { path: '/ws/.claimcheck/programs.yaml', text }, keeps: ['aaa'], problem: { message: /"aliases" must be an array/, field: '/1/aliases', at: 'aliases: 7' } };
  })(),
];

describe('broken record files', () => {
  it.each(cases)('$name: located error, valid entries kept', ({ file, keeps, problem }) => {
    const parsed = parseRecordFile(file);
    expect(parsed.programs.map((p) => p.value.id)).toEqual(keeps);
    const found = parsed.problems.find((p) => problem.message.test(p.message));
    expect(found, JSON.stringify(parsed.problems)).toBeDefined();
    expect(found!.file).toBe(file.path);
    if (problem.field) expect(found!.field).toBe(problem.field);
    expect(placeOf(file.text, found!).line).toBe(Math.max(0, lineOf(file.text.replace(/^\uFEFF/, ''), problem.at, problem.last)));
  });

  it('never lets "__proto__" reach an object prototype', () => {
    parseRecordFile(programsFile('[{ "__proto__": { "polluted": true } }]'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('cross-references', () => {
  const programs: RecordFileText = { path: 'programs.json', text: json([good('aaa'), { ...good('bbb'), aliases: ['AAA'] }]) };
  const sources: RecordFileText = { path: 'sources.json', text: json([{ id: 'src', type: 'report', title: 'A report' }]) };
  const claims: RecordFileText = {
    path: 'claims.json',
    text: json([
      { id: 'c1', program: 'aaa', source: 'src', fact: 'A fact.' },
      { id: 'c2', program: 'nope', source: 'src', fact: 'Dangling program.' },
      { id: 'c3', program: 'aaa', source: 'missing', fact: 'Dangling source.' },
    ]),
  };
  const set = RecordSet.fromTexts([programs, sources, claims]);

  it('drops claims with dangling references and says where', () => {
    expect([...set.claims.keys()]).toEqual(['c1']);
    const dangling = set.problems.filter((p) => p.file === 'claims.json');
    expect(dangling.map((p) => [p.field, placeOf(claims.text, p).line])).toEqual([
      ['/1/program', lineOf(claims.text, '"nope"')],
      ['/2/source', lineOf(claims.text, '"missing"')],
    ]);
  });

  it('locates a dangling reference to its column, in a file written on one line too', () => {
    const oneLine: RecordFileText = { path: 'min/claims.json', text: JSON.stringify([{ id: 'c1', program: 'aaa', source: 'src', fact: 'F.' }, { id: 'c2', program: 'gone', source: 'src', fact: 'F.' }]) };
    const problems = RecordSet.fromTexts([programs, sources, oneLine]).problems.filter((p) => p.file === 'min/claims.json');
    expect(problems.map((p) => [p.field, placeOf(oneLine.text, p)])).toEqual([['/1/program', { line: 0, character: oneLine.text.indexOf('"gone"') }]]);
  });

  it('reports an alias claimed by two programs and keeps it for the first', () => {
    const clash = set.problems.find((p) => /already names "aaa"/.test(p.message));
    expect(clash).toMatchObject({ file: 'programs.json', field: '/1/aliases/0' });
    expect(placeOf(programs.text, clash!).line).toBe(lineOf(programs.text, '"AAA"\n    ],\n    "agency": []\n  }\n]'));
    expect(set.aliasIndex.findMentions('AAA').map((m) => m.target)).toEqual(['aaa']);
  });

  it('lets a later file override an entry by id', () => {
    const override: RecordFileText = { path: '/ws/.claimcheck/programs.json', text: json([{ ...good('aaa'), name: 'Renamed' }]) };
    const merged = RecordSet.fromTexts([programs, override]);
    expect(merged.program('aaa')?.name).toBe('Renamed');
    expect(merged.overridden.get('aaa')).toBe('/ws/.claimcheck/programs.json');
  });

  it('reads a Zotero CSL-JSON export as sources', () => {
    const zotero: RecordFileText = { path: 'My Library.json', text: json([{ id: 'http://zotero.org/items/ABC', type: 'article-journal', title: 'T', author: [{ family: 'Doe', given: 'J' }], issued: { 'date-parts': [[2019]] } }]) };
    const parsed = parseRecordFile(zotero);
    expect(parsed.kind).toBe('sources');
    expect(parsed.problems).toEqual([]);
    expect(parsed.sources).toHaveLength(1);
  });
});

describe('finding the entries of a JSON record file without a parse tree', () => {
  const textOf = fc.tuple(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }), fc.constantFrom(0, 1, 2)).map(([values, indent]) => JSON.stringify(values, null, indent));

  it('finds each element exactly where JSON.parse reads it', () => {
    fc.assert(
      fc.property(textOf, (text) => {
        const errors: ParseError[] = [];
        const top = readTopLevel(text, errors);
        expect(errors).toEqual([]);
        expect(top.isArray).toBe(true);
        expect(top.entries.map((e) => JSON.parse(text.slice(e.offset, e.offset + e.length)))).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reports the errors, offsets and lengths that a parse tree would, on broken text too', () => {
    const broken = fc.tuple(textOf, fc.nat(), fc.nat(3), fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', 'x', '1')).map(([text, at, cut, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + cut);
    });
    fc.assert(
      fc.property(broken, (text) => {
        const ours: ParseError[] = [];
        const top = readTopLevel(text, ours);
        const theirs: ParseError[] = [];
        const tree = parseTree(text, theirs, { disallowComments: true, allowTrailingComma: false });
        expect(ours).toEqual(theirs);
        expect(top.isArray).toBe(tree?.type === 'array');
        if (tree?.type === 'array') {
          expect(top.entries.map((e) => [e.offset, e.length])).toEqual((tree.children ?? []).map((c) => [c.offset, c.length]));
        } else expect(top.offset).toBe(tree?.offset);
      }),
      { numRuns: 500 },
    );
  });
});
