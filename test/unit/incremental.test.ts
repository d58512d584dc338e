/**
 * The incremental analysis and the shortcuts of the core (see server/src/analysis/incremental/)
 * change no result:
 * - after every edit of a seeded random sequence (characters, whole lines, blank lines that
 *   split or merge chunks, fence markers, paragraphs and block quotes), a warm analyzer equals
 *   a fresh one, and a fresh one without shortcuts;
 * - on generated drafts and the fixtures, the analysis with shortcuts equals the one without;
 * - chunk by chunk, the plain-chunk reader gives what remark gives, and a chunk left unparsed
 *   as inert would have produced nothing;
 * - matching against 100,000 synthetic programs costs about what matching against the bundled
 *   records does (a ratio measured in the same test).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng, generateDraft, generateSyntheticRecords } from '../../bench/generate';
import { splitChunks, splitChunksAfterEdit } from '../../server/src/analysis/incremental/chunks';
import { analyzeChunk, chunkProse, isInert, mayNameKindOfSource } from '../../server/src/analysis/incremental/chunkAnalysis';
import { DocumentAnalyzer } from '../../server/src/analysis/incremental/analyzer';
import { DEFAULT_OPTIONS, type AnalysisOptions, type SentenceModel } from '../../server/src/analysis/model';
import { extractProse } from '../../server/src/analysis/prose';
import { simpleProse } from '../../server/src/analysis/incremental/plainReader';
import { maySpeak } from '../../server/src/analysis/attributions';
import { AliasIndex } from '../../server/src/records/aliasIndex';
import type { Program } from '../../server/src/records/types';
import { bundledRecords } from '../helpers/records';
import { fastestMs } from '../helpers/timing';

const records = bundledRecords();
const ROOT = join(__dirname, '..', '..');
const FIXTURES = [
  ...readdirSync(join(ROOT, 'test/fixtures/drafts')).map((f) => join(ROOT, 'test/fixtures/drafts', f)),
  ...readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(ROOT, 'examples', f)),
].map((path) => readFileSync(path, 'utf8'));

const PANDOC: AnalysisOptions = { ...DEFAULT_OPTIONS, citationStyle: 'pandoc', attributionCounts: false };

/** Lines an edit may insert: block starts, fences, plain prose (left unparsed), quotes that a plain paragraph introduces. */
const LINES = [
  '```',
  '~~~',
  '> The host country owns the biometric data and shares the information with ICE for intelligence and screening.',
  '> A quoted line without marks.[^1]',
  'Families keep leaving because violence and poverty have not eased.',
  'Seeking asylum is not an illegal act.',
  '- Operation Citadel expanded in 2016, according to 2016 HSI testimony.',
  '1. The TCIU trained 4,600 police in 2017.',
  '| Program | Agency |',
  '| --- | --- |',
  '[^1]: GAO-18-618, <https://www.gao.gov/products/gao-18-618>.',
  '[^9]: A note without a source.',
  '<!-- claimcheck-disable-next-line uncited-claim -- reason: our notes -->',
  '# Operation Hornet',
  'The operation seized 40 boats in 2013.',
  'Operation Martillo began in 2012.',
  'Boats carried 40 tons in 2013.',
  'Under Operation Citadel, the arrest figure reached 210 arrests in 2016.[^2] See [the GAO](https://www.gao.gov/products/gao-15-707).',
  '    indented code or continuation',
  '',
];
const CHARS = [...'abcdeOT .,;:!?\'"“”«»[]()^@-_*~`|>#\\&<\n\t0123'];

/** One random edit: its description and the new text. */
function randomEdit(text: string, rng: Rng): { what: string; text: string } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineAt = () => rng.pick(lineStarts);
  const at = rng.int(0, text.length);
  switch (rng.int(0, 7)) {
    case 0: {
      const c = rng.pick(CHARS);
      return { what: `insert ${JSON.stringify(c)} at ${at}`, text: text.slice(0, at) + c + text.slice(at) };
    }
    case 1:
      return { what: `delete at ${at}`, text: text.slice(0, at) + text.slice(at + 1) };
    case 2: {
      // A blank line: splits a chunk.
      const s = lineAt();
      return { what: `blank line at ${s}`, text: text.slice(0, s) + '\n' + text.slice(s) };
    }
    case 3: {
      // Remove a blank line: merges two chunks.
      const blanks = [...text.matchAll(/\n\n/g)].map((m) => m.index);
      if (blanks.length === 0) return { what: 'nothing', text };
      const b = rng.pick(blanks);
      return { what: `merge at ${b}`, text: text.slice(0, b) + text.slice(b + 1) };
    }
    case 4: {
      // Delete a whole line.
      const s = lineAt();
      const e = text.indexOf('\n', s);
      return { what: `delete line at ${s}`, text: text.slice(0, s) + (e < 0 ? '' : text.slice(e + 1)) };
    }
    case 5: {
      const s = lineAt();
      const line = rng.pick(LINES);
      return { what: `insert line ${JSON.stringify(line)} at ${s}`, text: text.slice(0, s) + line + '\n' + text.slice(s) };
    }
    case 6: {
      // A cited claim, a plain paragraph (left unparsed), then a block quote that the plain
      // paragraph introduces: the quote must not inherit the claim's citation.
      const s = lineAt();
      const cited = rng.chance(0.5) ? '\nOperation Hornet grew in 2018, according to 2018 testimony.[^1]\n' : '';
      return { what: `insert plain paragraph and quote at ${s}`, text: text.slice(0, s) + cited + '\nThe border is long and porous.\n\n> Operation Citadel dismantled several networks in 2016.\n\n' + text.slice(s) };
    }
    default: {
      // Retype a character in place.
      const c = rng.pick(CHARS);
      return { what: `replace at ${at} with ${JSON.stringify(c)}`, text: text.slice(0, at) + c + text.slice(at + 1) };
    }
  }
}

describe('incremental analysis', () => {
  it('equals a fresh analysis (with and without shortcuts) after every edit of random sequences', () => {
    for (const seed of [1, 2, 3]) {
      const rng = new Rng(seed * 7919);
      let text = generateDraft({ bytes: 6_000, seed });
      const warm = new DocumentAnalyzer(records);
      warm.analyze(text);
      for (let step = 0; step < 70; step++) {
        const edit = randomEdit(text, rng);
        text = edit.text;
        const options = step % 5 === 0 ? PANDOC : DEFAULT_OPTIONS;
        const incremental = warm.analyze(text, options);
        const where = `seed ${seed}, step ${step}: ${edit.what}`;
        expect(incremental, where).toEqual(new DocumentAnalyzer(records).analyze(text, options));
        if (step % 2 === 0) expect(incremental, `${where} (no shortcuts)`).toEqual(new DocumentAnalyzer(records, { shortcuts: false }).analyze(text, options));
      }
    }
  }, 120_000);

  it('resolves a description by what earlier paragraphs name, and an edit there changes and undoes it', () => {
    const described = (a: ReturnType<DocumentAnalyzer['analyze']>) => a.mentions.filter((m) => m.described).map((m) => `${m.text}→${m.program}`);
    const flagged = (a: ReturnType<DocumentAnalyzer['analyze']>, text: string) => a.findings.some((f) => f.code === 'uncited-claim' && text.slice(f.start, f.end).startsWith('The operation'));
    const one = 'Operation Martillo began in 2012.\n\nThe border is long.\n\nThe operation seized 40 boats in 2013.\n';
    const second = 'Operation Martillo began in 2012.\n\nOperation Hornet began in 2013.\n\nThe operation seized 40 boats in 2013.\n';
    const headed = '# Operation Martillo\n\nThe border is long.\n\n## Later\n\nOperation Hornet began in 2013.\n\nThe operation seized 40 boats in 2013.\n';
    const warm = new DocumentAnalyzer(records);
    for (const [text, expected] of [
      [one, ['The operation→operation-martillo']],
      // A second operation named in an earlier paragraph: two fit, none is taken.
      [second, []],
      [one, ['The operation→operation-martillo']],
      // A second one under a later heading: the section starts with what the title named.
      [headed, []],
      [headed.replace('Operation Hornet began', 'The border began'), ['The operation→operation-martillo']],
      [headed, []],
    ] as const) {
      const incremental = warm.analyze(text);
      expect(incremental, text).toEqual(new DocumentAnalyzer(records).analyze(text));
      expect(incremental, text).toEqual(new DocumentAnalyzer(records, { shortcuts: false }).analyze(text));
      expect(described(incremental), text).toEqual(expected);
      // Resolved, the sentence is a claim about the operation.
      expect(flagged(incremental, text), text).toBe(expected.length > 0);
    }
  });

  it('reads the title as the one program of its kind the text names, and an edit below changes and undoes it', () => {
    const titled = (a: ReturnType<DocumentAnalyzer['analyze']>) => a.mentions.filter((m) => m.end <= 32).map((m) => `${m.text}→${m.program}`);
    const one = '# U.S. Marine Task Force deploys\n\nThe border is long.\n\nSPMAGTF-SC arrived in June 2019.\n\nThe exercise ended.\n';
    const two = one.replace('The border is long.', 'JTF-Bravo helped.');
    const warm = new DocumentAnalyzer(records);
    for (const [text, expected] of [
      [one, ['U.S. Marine Task Force→spmagtf-sc']],
      [two, []],
      [one, ['U.S. Marine Task Force→spmagtf-sc']],
      [one.replace('SPMAGTF-SC', 'The Marines'), []],
      [one, ['U.S. Marine Task Force→spmagtf-sc']],
    ] as const) {
      const incremental = warm.analyze(text);
      expect(incremental, text).toEqual(new DocumentAnalyzer(records).analyze(text));
      expect(incremental, text).toEqual(new DocumentAnalyzer(records, { shortcuts: false }).analyze(text));
      expect(titled(incremental), text).toEqual(expected);
    }
  });

  it('reads a figure that names nothing as about the one program named before it, and an edit there changes and undoes it', () => {
    const flagged = (a: ReturnType<DocumentAnalyzer['analyze']>, text: string) => a.findings.some((f) => f.code === 'uncited-claim' && text.slice(f.start, f.end).startsWith('Boats'));
    const one = 'Operation Martillo began in 2012.\n\nThe coast is long.\n\nBoats carried 40 tons of cocaine in 2013.\n';
    const second = one.replace('The coast is long.', 'Operation Hornet began in 2013.');
    const warm = new DocumentAnalyzer(records);
    for (const [text, expected] of [
      [one, true],
      [second, false],
      [one, true],
      [one.replace('Operation Martillo', 'The operation'), false],
      [one, true],
    ] as const) {
      const incremental = warm.analyze(text);
      expect(incremental, text).toEqual(new DocumentAnalyzer(records).analyze(text));
      expect(incremental, text).toEqual(new DocumentAnalyzer(records, { shortcuts: false }).analyze(text));
      expect(flagged(incremental, text), text).toBe(expected);
    }
  });

  it('reuses the chunks an edit did not touch', () => {
    const text = generateDraft({ bytes: 20_000, seed: 4 });
    const analyzer = new DocumentAnalyzer(records);
    analyzer.analyze(text);
    const chunks = analyzer.lastStats.analysed + analyzer.lastStats.reused;
    const at = text.indexOf('\n\n', text.length / 2) + 2;
    analyzer.analyze(text.slice(0, at) + 'x' + text.slice(at));
    expect(analyzer.lastStats.analysed).toBe(1);
    expect(analyzer.lastStats.reused).toBe(chunks - 1);
  });
});

describe('edits in one frame', () => {
  /** A generated draft with front matter, a fence and a comment that hold blank lines, in LF or CRLF. */
  const framed = (seed: number, crlf: boolean) => {
    const text = '---\ntitle: A draft\n\n---\n\n' + generateDraft({ bytes: 5_000, seed }) + '\n```\ncode\n\nmore code\n```\n\n<!-- a comment\n\nstill the comment -->\nAfter it.\n';
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  };

  it('finds the chunks of an edited text as splitting it afresh does', () => {
    for (const seed of [1, 2, 3, 4]) {
      const rng = new Rng(seed * 104_729);
      let text = framed(seed, seed % 2 === 0);
      for (let step = 0; step < 150; step++) {
        const previous = { text, chunks: splitChunks(text, { splitDefinitions: false }) };
        const edit = randomEdit(text, rng);
        text = edit.text;
        const after = splitChunksAfterEdit(previous, text);
        const where = `seed ${seed}, step ${step}: ${edit.what}`;
        expect(after.chunks, where).toEqual(splitChunks(text));
        expect(after.topLevel, where).toEqual(splitChunks(text, { splitDefinitions: false }));
      }
    }
  });

  it('moves the sentence models of the chunks after an edit, equal to models built where they now stand', () => {
    // Models hold a function (toDocument): compare what it returns instead.
    // A plain paragraph parsed once because a block quote followed it stays parsed while its text
    // is cached (crossChunk.ts): its models find nothing either way, so compare those that find something.
    const findsSomething = (s: SentenceModel) => s.inBlockquote || [s.programs, s.citations, s.attributions, s.quotes, s.numbers, s.unknownPrograms].some((xs) => xs.length > 0);
    // Every field a check reads (moved models are read through accessors), and what toDocument returns.
    const plain = (sentences: SentenceModel[]) =>
      sentences.filter(findsSomething).map((s) => ({
        ...Object.fromEntries((['start', 'end', 'text', 'kind', 'inBlockquote', 'inFootnote', 'isQuestion', 'programs', 'citations', 'coveredPrograms', 'inheritedCitations', 'attributions', 'inheritedAttributions', 'quotes', 'numbers', 'unknownPrograms', 'isClaim', 'citePoint'] as const).map((k) => [k, s[k]])),
        mapped: [0, 1, s.text.length].map((o) => s.toDocument(o)),
      }));
    for (const seed of [1, 2]) {
      const rng = new Rng(seed * 7_907);
      let text = framed(seed, false);
      const warm = new DocumentAnalyzer(records);
      warm.model(text);
      for (let step = 0; step < 60; step++) {
        text = randomEdit(text, rng).text;
        const incremental = warm.model(text);
        const fresh = new DocumentAnalyzer(records).model(text);
        expect(plain(incremental.sentences), `seed ${seed}, step ${step}`).toEqual(plain(fresh.sentences));
        expect(incremental.analysis, `seed ${seed}, step ${step}`).toEqual(fresh.analysis);
      }
    }
  });

  it('rebuilds no sentence model of the chunks after an edit: they are the same models, seen from where they stand', () => {
    const text = generateDraft({ bytes: 20_000, seed: 5 });
    const analyzer = new DocumentAnalyzer(records);
    const before = analyzer.model(text);
    const at = text.indexOf('\n\n', text.length / 2) + 2;
    const after = analyzer.model(text.slice(0, at) + 'x' + text.slice(at));
    // A sentence of a chunk after the edited one keeps its arrays (numbers, programs) and only moves by one.
    const later = before.sentences.filter((s) => s.start > text.indexOf('\n\n', at));
    expect(later.length).toBeGreaterThan(10);
    for (const s of later) {
      const moved = after.sentences.find((m) => m.start === s.start + 1);
      expect(moved).toBeDefined();
      expect(moved!.numbers).toBe(s.numbers);
      expect(moved!.end).toBe(s.end + 1);
    }
  });
});

describe('the shortcuts', () => {
  it('change nothing on generated drafts and the fixtures', () => {
    const texts = [...FIXTURES, ...[11, 12, 13, 14].map((seed) => generateDraft({ bytes: 40_000, seed }))];
    for (const [i, text] of texts.entries()) {
      for (const options of [DEFAULT_OPTIONS, PANDOC]) {
        const fast = new DocumentAnalyzer(records).analyze(text, options);
        expect(fast, `text ${i}`).toEqual(new DocumentAnalyzer(records, { shortcuts: false }).analyze(text, options));
      }
    }
  }, 60_000);

  it('leave most of a generated draft to the plain-chunk reader or unparsed', () => {
    const text = generateDraft({ bytes: 100_000, seed: 5 });
    const chunks = splitChunks(text).map((b) => text.slice(b.start, b.end));
    const inert = chunks.filter((c) => isInert(c, records)).length;
    const withoutRemark = chunks.filter((c) => isInert(c, records) || prosePlainly(c)).length;
    expect(inert).toBeGreaterThan(chunks.length * 0.1);
    expect(withoutRemark).toBeGreaterThan(chunks.length * 0.8);
  });

  it('read each chunk as remark does', () => {
    const chunks: string[] = [];
    for (const text of [...FIXTURES, generateDraft({ bytes: 60_000, seed: 21 })]) for (const b of splitChunks(text)) chunks.push(text.slice(b.start, b.end));
    chunks.push(...randomChunks(new Rng(99), 4_000));
    let plain = 0;
    for (const chunk of chunks) {
      const fast = chunkProse(chunk, true);
      if (prosePlainly(chunk)) plain++;
      expect(fast, JSON.stringify(chunk)).toEqual(extractProse(chunk));
    }
    // The random chunks must exercise the reader, not only remark.
    expect(plain).toBeGreaterThan(chunks.length * 0.1);
  }, 60_000);

  it('leave unparsed only chunks that would produce nothing', () => {
    const chunks: string[] = [];
    for (const text of [...FIXTURES, generateDraft({ bytes: 60_000, seed: 22 })]) for (const b of splitChunks(text)) chunks.push(text.slice(b.start, b.end));
    chunks.push(...randomChunks(new Rng(98), 3_000));
    let inert = 0;
    for (const chunk of chunks) {
      if (!isInert(chunk, records)) continue;
      inert++;
      const full = analyzeChunk(chunk, records, { shortcuts: false });
      expect(full.footnotes, chunk).toEqual([]);
      expect(full.comments, chunk).toEqual([]);
      for (const s of full.sentences) {
        expect({ mentions: s.mentions, citations: s.citations, quotes: s.quotes, attributions: s.attributions, unknownPrograms: s.unknownPrograms }, chunk).toEqual({
          mentions: [],
          citations: [],
          quotes: [],
          attributions: [],
          unknownPrograms: [],
        });
      }
      for (const u of full.units) expect(u.inBlockquote, chunk).toBe(false);
    }
    expect(inert).toBeGreaterThan(100);
  }, 60_000);

  it('skip attribution phrases only where no word of attributions.ts KIND_WORDS can be', () => {
    // chunkAnalysis.ts copies what findAttributions needs (a kind word or an agency): keep the two in step.
    const source = readFileSync(join(ROOT, 'server/src/analysis/attributions.ts'), 'utf8');
    expect(source).toMatch(/if \(kinds\.length === 0 && agencies\.length === 0 && !speech\) continue;/);
    // A phrase kept without either is said by someone (a speech verb): maySpeak must see each verb.
    const verbs = /const SPEECH_VERB =\s*\n\s*'\(\?:([^']*)' \+\s*\n\s*'([^']*)\)';/.exec(source);
    expect(verbs).not.toBeNull();
    const speechWords = `${verbs![1]}${verbs![2]}`.split('|').filter(Boolean);
    expect(speechWords.length).toBeGreaterThan(30);
    for (const verb of speechWords) expect(maySpeak(`, the embassy ${verb}`), verb).toBe(true);
    const block = /const KIND_WORDS[^\n]*\n([\s\S]*?)\n\];/.exec(source)?.[1] ?? '';
    const words = [...block.matchAll(/\/\\b\(\?:([^)]*)\)\\b\//g)].flatMap((m) => m[1].split('|'));
    expect(words.length).toBeGreaterThan(20);
    for (const word of words) {
      // "reporters?" → "reporter" and "reporters"; "art[ií]culo" → "artículo" and "articulo".
      const variants = [word.replace(/.\?/g, ''), word.replace(/\?/g, '')].flatMap((w) => {
        const cls = /\[([^\]]+)\]/.exec(w);
        return cls ? [...cls[1]].map((c) => w.replace(cls[0], c)) : [w];
      });
      for (const v of variants) expect(mayNameKindOfSource(`as the ${v} says`), v).toBe(true);
    }
  });

  it('split a run of footnote definitions into one chunk per line, and nothing else', () => {
    const text = 'Text.[^1]\n\n[^1]: One, <https://a.b/c>.\n[^2]: Two.\n[^3]: Three.\n\n[^4]: Four.\n[^5]: See [^4].\n';
    const chunks = (split: boolean) => splitChunks(text, { splitDefinitions: split }).map((b) => text.slice(b.start, b.end));
    expect(chunks(true)).toEqual(['Text.[^1]', '[^1]: One, <https://a.b/c>.', '[^2]: Two.', '[^3]: Three.', '[^4]: Four.\n[^5]: See [^4].']);
    expect(chunks(false)).toEqual(['Text.[^1]', '[^1]: One, <https://a.b/c>.\n[^2]: Two.\n[^3]: Three.', '[^4]: Four.\n[^5]: See [^4].']);
  });
});

/** Whether the plain-chunk reader takes the chunk (plainReader.ts). */
function prosePlainly(chunk: string): boolean {
  return simpleProse(chunk) !== undefined;
}

/** Random chunks in the shapes the plain-chunk reader handles, with the characters that make it decline. */
function randomChunks(rng: Rng, n: number): string[] {
  const words = ['a', 'Foo', 'ICE', 'Tecún', ' according to 2016 testimony', ' a 2017 report says', ' Operation Nightfall', ' the Falcon Task Force', ' TCIUs', ' op*er*ation', 'Oper_ation', ' T*CIU*', ' Oper*ation* Nightfall', ' ice cream', ' Times', 'e\u0301', '😀', '2019', '4,600', ' ', ' ', '  ', '\t', '[^1]', '[@key]', '[x]', '[a](http://x.org/p)', '<https://z.org/a>', '“q”', '"', '(', ')', '!', '#', ':', ']:', '=', '-', '+', '>', '$', '@', '*', '_', '`', '~', '|', '&amp;', '\\', '<b>', 'www.x', '2016.', '1.', '[ ]', '\u00a0'];
  const prefixes = ['', '', '', '# ', '## ', '  ', '    ', '- ', '  - ', '1. ', '2. ', '> ', '>', '| ', '[^1]: ', '[x]: ', '<!-- c -->\n', '```\n', '~~~\n'];
  const breaks = ['\n', '\n', '\r\n', '\n  ', '\n- ', '\n  - ', '\n1. ', '\n2. ', '\n> ', '\n| --- | --- |\n| ', '\n```', '\n[^2]: ', ' \n', '  \n'];
  const out: string[] = [];
  while (out.length < n) {
    let s = rng.pick(prefixes);
    const parts = rng.int(1, 12);
    for (let i = 0; i < parts; i++) s += rng.chance(0.2) ? rng.pick(breaks) : rng.pick(words);
    // A chunk has no blank line and does not start or end with white space lines.
    s = s.replace(/^(?:[ \t]*(?:\r\n|\n|\r))+/, '').replace(/(?:\r\n|\n|\r)[ \t]*$/, '');
    if (s.trim() === '' || /(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)/.test(s)) continue;
    out.push(s);
  }
  return out;
}

describe('the alias index at scale', () => {
  it('matches against 100,000 synthetic programs about as fast as against the bundled records', () => {
    const [programsFile] = generateSyntheticRecords({ programs: 100_000 });
    const synthetic = JSON.parse(programsFile.text) as Program[];
    const bundled = [...records.programs.values()].map((e) => e.value);
    const entries = (programs: Program[]) => programs.flatMap((p) => [...p.aliases, p.name].map((alias) => ({ alias, target: p.id })));
    const small = new AliasIndex(entries(bundled));
    const large = new AliasIndex([...entries(bundled), ...entries(synthetic)]);
    expect(large.size).toBeGreaterThan(300_000);

    const text = generateDraft({ bytes: 200_000, seed: 8 });
    expect(large.findMentions(text)).toEqual(small.findMentions(text));
    const time = (index: AliasIndex) => fastestMs(() => index.findMentions(text), 7);
    expect(time(large) / time(small)).toBeLessThan(3);
  }, 60_000);
});
