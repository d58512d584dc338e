/**
 * The source library's pure core (server/src/library/): normalisation, numbers, bibliographies,
 * attachment lists, and where a passage stands in a document and in the library.
 */
import { describe, expect, it } from 'vitest';
import { lineInMarkup } from '../../client/src/markupLine';
import { parseFileField } from '../../server/src/library/attachments';
import { parseBibliography } from '../../server/src/library/bibtex';
import { findAlias, findNumber, indexDocument, locatePassage, locateQuote, passageQuery } from '../../server/src/library/document';
import { judgeFigure, judgeProgram, judgeQuote, pageLocator, roundingTolerance } from '../../server/src/library/judge';
import { LibraryIndex } from '../../server/src/library/library';
import { digitReadings, extractNumbers } from '../../server/src/library/numbers';
import { pageAt, passageKeys, sentenceAround, tokenizeWords, typographic } from '../../server/src/library/text';

const doc = (text: string, pageStarts = [0]) => indexDocument({ format: 'text', text, pageStarts });

describe('normalisation', () => {
  it('joins a word hyphenated across a line end, and keeps its offsets in the original text', () => {
    const text = 'the identifi-\n  cation of units; an Inter-\nAgency task force';
    const t = tokenizeWords(text);
    const words = [...t.starts].map((s, i) => text.slice(s, t.ends[i]));
    expect(words).toEqual(['the', 'identifi-\n  cation', 'of', 'units', 'an', 'Inter', 'Agency', 'task', 'force']);
    expect(passageKeys('the identification')).toEqual(['the', 'identification']);
  });

  it('reads ligatures, accents, typographic apostrophes and soft hyphens as plain letters', () => {
    expect(passageKeys('ﬁnal ﬂow, Tecún Umán, don’t, identi\u00ADfication')).toEqual(['final', 'flow', 'tecun', 'uman', "don't", 'identification']);
  });

  it('puts typography aside for comparing punctuation', () => {
    expect(typographic('“It’s  the ﬁnal—word,” he said\u00A0–  again')).toBe('"It\'s the final-word," he said - again');
  });

  it('puts an offset on the page whose start is the last at or before it', () => {
    const starts = [0, 10, 10, 25];
    const byScan = (offset: number) => starts.filter((s) => s <= offset).length;
    for (const offset of [0, 9, 10, 11, 24, 25, 400]) expect(pageAt(starts, offset)).toBe(byScan(offset));
    expect(pageAt([0], 0)).toBe(1);
  });

  it('finds the sentence around a passage', () => {
    const text = 'First one. The unit was created in 2012 with help from ICE. Third one.';
    const at = text.indexOf('created');
    expect(sentenceAround(text, at, at + 7).text).toBe('The unit was created in 2012 with help from ICE.');
  });
});

describe('numbers in any writing', () => {
  it('reads separators both ways when they are ambiguous', () => {
    expect(digitReadings('4,600').sort()).toEqual([4.6, 4600].sort());
    expect(digitReadings('4.600')).toContain(4600);
    expect(digitReadings('4,600.5')).toEqual([4600.5]);
    expect(digitReadings('4.600,5')).toEqual([4600.5]);
    expect(digitReadings('1,234,567')).toEqual([1234567]);
    expect(digitReadings('4\u00A0600')).toEqual([4600]);
  });

  it('finds figures written with digits, scale words and words', () => {
    const text = 'CBP trained 4,600 police; $4.6 million went to the unit; thirty-six organizations; the fifth consecutive year; treinta y seis agentes; 2,1 millones; a second look.';
    const values = new Set(extractNumbers(text).values);
    for (const v of [4600, 4.6, 4_600_000, 36, 5, 2.1, 2_100_000]) expect(values.has(v), String(v)).toBe(true);
    expect(values.has(2)).toBe(false); // "a second look" is no number
    const d = doc(text);
    const [hit] = findNumber(d, 36);
    expect(text.slice(hit.start, hit.end)).toBe('thirty-six');
    expect(findNumber(d, 4601)).toEqual([]);
    expect(findNumber(d, 4601, 1).length).toBeGreaterThan(0);
  });
});

const REPORT = [
  'Page one of the report. Since 2015, the Transnational Criminal Investigative Unit has led to the',
  'identifi-',
  'cation of 36 illicit organizations, according to agency officials.',
  '\fPage two. U.S. Immigration and Customs Enforcement (ICE) vetted 40 officers. The ofﬁce trained 4,600 police in 2017.',
].join('\n');

describe('a passage in a document', () => {
  const pages = [0, REPORT.indexOf('\fPage two') + 1];
  const d = doc(REPORT, pages);

  it('finds an exact quote across a hyphenated line break, with its page and sentence', () => {
    const m = locatePassage(d, passageQuery('has led to the identification of 36 illicit organizations'))!;
    expect(m).toMatchObject({ exact: true, similarity: 1, page: 1 });
    expect(REPORT.slice(m.start, m.end)).toBe('has led to the\nidentifi-\ncation of 36 illicit organizations');
    expect(m.context).toContain('Since 2015, the Transnational Criminal Investigative Unit has led to the identification of 36');
  });

  it('finds the same quote with other typography (ligature, curly marks)', () => {
    expect(locatePassage(d, passageQuery('“The office trained 4,600 police”'))).toMatchObject({ exact: true, page: 2 });
  });

  it('finds a quote with a changed word as a near match at the right place', () => {
    const m = locatePassage(d, passageQuery('has led to the identification of 38 illicit organizations'))!;
    expect(m.exact).toBe(false);
    expect(m.similarity).toBeGreaterThan(0.8);
    expect(m.text).toContain('36 illicit organizations');
  });

  it('finds a quote with a word left out, and one with a word added', () => {
    expect(locatePassage(d, passageQuery('led to the identification of illicit organizations'))).toMatchObject({ exact: false, page: 1 });
    const added = locatePassage(d, passageQuery('ICE carefully vetted 40 officers'))!;
    expect(added.exact).toBe(false);
    expect(added.text).toBe('ICE) vetted 40 officers');
  });

  it('names the nearest passage, with a low similarity, for a quote that is not there', () => {
    const m = locatePassage(d, passageQuery('the organizations were dismantled by the police in 2019'));
    expect(m === undefined || m.similarity < 0.5).toBe(true);
    expect(locatePassage(d, passageQuery('zebra quokka'))).toBeUndefined();
  });

  it('names aliases as whole words, capitals only in capitals, plurals and possessives accepted', () => {
    expect(findAlias(d, ['Transnational Criminal Investigative Units'])).toBeUndefined();
    expect(findAlias(d, ['Transnational Criminal Investigative Unit'])).toMatchObject({ page: 1 });
    expect(findAlias(d, ['ICE'])).toMatchObject({ page: 2, alias: 'ICE' });
    expect(findAlias(doc('we had ice cream'), ['ICE'])).toBeUndefined();
    expect(findAlias(doc('the TCIUs were vetted'), ['TCIU'])).toBeDefined();
    expect(findAlias(doc('ICE’s agents'), ['ICE'])).toBeDefined();
    expect(findAlias(doc('an inter-agency task force'), ['Inter-Agency Task Force'])).toBeDefined();
  });
});

/** A seeded word salad: documents that share common words and differ in rare ones. */
function corpus(n: number, words: number, seed = 7): string[] {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const vocab = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
  return Array.from({ length: n }, () => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(vocab[Math.floor(vocab.length * rnd() ** 3)]);
    return out.join(' ');
  });
}

describe('the library', () => {
  it('finds a passage in whichever document holds it, and only through the word index', () => {
    const texts = corpus(60, 3000);
    const lib = new LibraryIndex();
    texts.forEach((t, i) => lib.add({ keys: [`k${i}`], path: `/d/${i}.txt` }, doc(t)));
    lib.seal();
    const words = texts[42].split(' ');
    const quote = words.slice(1200, 1212).join(' ');
    const [best] = lib.locateAnywhere(quote);
    expect(best).toMatchObject({ exact: true });
    expect(best.document.keys).toEqual(['k42']);
    expect(texts[42].slice(best.start, best.end)).toBe(quote);
    // A changed word: still the right document, as a near match.
    const changed = [...words.slice(1200, 1206), 'zzz', ...words.slice(1207, 1212)].join(' ');
    const [near] = lib.locateAnywhere(changed);
    expect(near.document.keys).toEqual(['k42']);
    expect(near.exact).toBe(false);
    expect(lib.locate('k42', quote)).toMatchObject({ exact: true });
    expect(lib.locate('k41', quote)?.exact ?? false).toBe(false);
    expect(lib.status()).toMatchObject({ documents: 60, keys: 60, failures: 0 });
  });

  it('forgets a removed document, and finds a replaced one at its new text', () => {
    const lib = new LibraryIndex();
    lib.add({ keys: ['a'], path: '/a.txt' }, doc('the quick brown fox jumps over the lazy dog'));
    lib.add({ keys: ['b'], path: '/b.txt' }, doc('a slow green turtle walks under the busy bridge'));
    lib.seal();
    expect(lib.locateAnywhere('quick brown fox jumps')[0].document.keys).toEqual(['a']);
    lib.add({ keys: ['a'], path: '/a.txt' }, doc('nothing of the kind is said here at all'));
    expect(lib.locateAnywhere('quick brown fox jumps')).toEqual([]);
    lib.remove('/b.txt');
    lib.seal();
    expect(lib.locateAnywhere('slow green turtle walks')).toEqual([]);
    expect(lib.status().documents).toBe(1);
  });

  it('holds documents up to its budget and reads the others back through the loader', () => {
    const texts = corpus(20, 2000, 3);
    const store = new Map<string, ReturnType<typeof doc>>();
    let loads = 0;
    const lib = new LibraryIndex({
      residentBytes: 200_000,
      load: (info) => {
        loads++;
        return store.get(info.path);
      },
    });
    texts.forEach((t, i) => {
      const d = doc(t);
      store.set(`/d/${i}`, d);
      lib.add({ keys: [`k${i}`], path: `/d/${i}` }, d);
    });
    expect(lib.memory().resident).toBeLessThanOrEqual(200_000 + 2 * 2000 * 12 * 8);
    const quote = texts[0].split(' ').slice(10, 20).join(' ');
    expect(lib.locate('k0', quote)).toMatchObject({ exact: true });
    expect(loads).toBeGreaterThan(0);
  });
});

describe('attachment lists', () => {
  it('reads Zotero and JabRef file fields', () => {
    expect(parseFileField('/home/u/Zotero/storage/AB12/report.pdf')).toEqual([{ path: '/home/u/Zotero/storage/AB12/report.pdf' }]);
    expect(parseFileField('Full Text PDF:storage/AB12/GAO-18-618.pdf:application/pdf;Snapshot:storage/CD34/page.html:text/html')).toEqual([
      { description: 'Full Text PDF', path: 'storage/AB12/GAO-18-618.pdf', mimeType: 'application/pdf' },
      { description: 'Snapshot', path: 'storage/CD34/page.html', mimeType: 'text/html' },
    ]);
    expect(parseFileField(':C\\:\\\\Users\\\\me\\\\a\\;b.pdf:PDF')).toEqual([{ path: 'C:\\Users\\me\\a;b.pdf', mimeType: 'PDF' }]);
    expect(parseFileField('C:\\Users\\me\\a.pdf')).toEqual([{ path: 'C:\\Users\\me\\a.pdf' }]);
  });
});

describe('BibLaTeX bibliographies', () => {
  const BIB = `% exported by Better BibTeX
@report{gao-18-618,
  title = {Border Security: {CBP} Training of {Guatemalan} Police},
  author = {{U.S. Government Accountability Office}},
  date = {2018-09},
  number = {GAO-18-618},
  url = {https://example.org/gao-18-618},
  file = {Full Text PDF:storage/AB12/GAO-18-618.pdf:application/pdf}
}

@article{smith2019,
  author = {Smith, John and de la Cruz, Ana},
  title = {A Study},
  journaltitle = {Journal of Things},
  year = {2019}, month = mar,
  file = {files/smith.pdf}
}

@misc{broken,
  title = {Unclosed
`;

  it('maps entries to CSL items with their attachments and lines, and reports a broken entry located', () => {
    const { entries, problems } = parseBibliography(BIB);
    expect(entries.map((e) => e.item.id)).toEqual(['gao-18-618', 'smith2019']);
    const [gao, smith] = entries;
    expect(gao.item).toMatchObject({
      type: 'report',
      title: 'Border Security: CBP Training of Guatemalan Police',
      author: [{ literal: 'U.S. Government Accountability Office' }],
      issued: { 'date-parts': [[2018, 9]] },
      number: 'GAO-18-618',
      URL: 'https://example.org/gao-18-618',
    });
    expect(gao.attachments).toEqual([{ description: 'Full Text PDF', path: 'storage/AB12/GAO-18-618.pdf', mimeType: 'application/pdf' }]);
    expect(gao.line).toBe(1);
    expect(gao.fileLine).toBe(7);
    expect(smith.item).toMatchObject({ type: 'article-journal', 'container-title': 'Journal of Things', issued: { 'date-parts': [[2019, 3]] } });
    expect(smith.item.author).toEqual([{ family: 'Smith', given: 'John' }, { family: 'de la Cruz', given: 'Ana' }]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].line).toBeGreaterThanOrEqual(17);
  });
});

describe('a quote as writers write it', () => {
  const d = doc('The units were created in 2012. They have led to the identifi-\ncation of 36 illicit organizations, officials said.');

  it('finds a quote with an omission mark, and gives the document’s words around it readable', () => {
    const m = locateQuote(d, 'have led … of 36 illicit organizations')!;
    expect(m.exact).toBe(true);
    expect(m.page).toBe(1);
    expect(m.text).toBe('have led to the identification of 36 illicit organizations');
    expect(m.around).toContain('They have led to the identification of 36 illicit organizations, officials said');
  });

  it('takes editorial brackets as the writer’s', () => {
    expect(locatePassage(d, passageQuery('[they] have led to the identification of 36'))).toMatchObject({ exact: true });
  });
});

describe('judging a sentence against its cited document', () => {
  const lib = new LibraryIndex();
  const text = [
    'Page one. Since 2015 the Transnational Criminal Investigative Unit has led to the identification',
    'of 36 illicit organizations.',
    '\fPage two. The office spent $2,078,988 on vehicles; CBP trained 4,600 police.',
  ].join('\n');
  lib.add({ keys: ['gao'], path: '/gao.txt' }, indexDocument({ format: 'text', text, pageStarts: [0, text.indexOf('\f') + 1] }));

  it('finds an exact quote, a changed one, and one that is not there', () => {
    expect(judgeQuote(lib, ['gao'], 'has led to the identification of 36 illicit organizations')).toMatchObject({ kind: 'found', match: { page: 1, endPage: 1 } });
    const near = judgeQuote(lib, ['gao'], 'has led to the identification of 38 illicit organizations');
    expect(near).toMatchObject({ kind: 'near' });
    expect(near?.kind === 'near' && near.match.text).toBe('has led to the identification of 36 illicit organizations');
    expect(judgeQuote(lib, ['gao'], 'the agents were deployed to the border in force')).toMatchObject({ kind: 'absent' });
    // Too short to judge, or no document for the key: no verdict.
    expect(judgeQuote(lib, ['gao'], 'illicit organizations')).toBeUndefined();
    expect(judgeQuote(lib, ['other'], 'has led to the identification of 36 illicit organizations')).toBeUndefined();
  });

  it('gives the page of a passage over a page break as a range', () => {
    const m = judgeQuote(lib, ['gao'], 'of 36 illicit organizations. Page two. The office spent');
    expect(m?.kind).toBe('found');
    if (m?.kind === 'found') expect(pageLocator(m.match)).toBe('pp. 1–2');
  });

  it('takes a rounded figure as the document’s within its last digit, and no further', () => {
    expect(roundingTolerance('$2.1 million')).toBe(50_000);
    expect(roundingTolerance('4,600')).toBe(0.5);
    expect(roundingTolerance('4.600')).toBe(0.5);
    expect(roundingTolerance('2,1 millones')).toBe(50_000);
    expect(judgeFigure(lib, ['gao'], 2_100_000, '$2.1 million')).toMatchObject({ kind: 'found', where: { page: 2 } });
    expect(judgeFigure(lib, ['gao'], 2_200_000, '$2.2 million')).toMatchObject({ kind: 'absent' });
    expect(judgeFigure(lib, ['gao'], 4600, '4.600')).toMatchObject({ kind: 'found' });
    expect(judgeFigure(lib, ['gao'], 5000, '5,000')).toMatchObject({ kind: 'absent' });
  });

  it('says whether the document names the program', () => {
    expect(judgeProgram(lib, ['gao'], ['TCIU', 'Transnational Criminal Investigative Unit'])).toMatchObject({ kind: 'named', where: { page: 1 } });
    expect(judgeProgram(lib, ['gao'], ['Operation Hornet'])).toMatchObject({ kind: 'not-named' });
  });
});

describe('a passage in a web page’s markup', () => {
  it('finds the line of its first words across tags and line breaks', () => {
    const html = '<html>\n<body>\n<p>Intro.</p>\n<p>The <em>Transnational</em>\nCriminal Investigative Units are force multipliers</p>';
    expect(lineInMarkup(html, 'The Transnational Criminal Investigative Units')).toBe(3);
    expect(lineInMarkup(html, 'nowhere (to be) found')).toBe(0);
  });
});

describe('figure-not-in-source', () => {
  it('flags a count or amount the cited document does not state, not an incidental small number or a date', async () => {
    const { DocumentAnalyzer } = await import('../../server/src/analysis/incremental/analyzer');
    const { RecordSet } = await import('../../server/src/records/recordSet');
    const records = RecordSet.fromTexts([{ path: 'sources.json', text: JSON.stringify([{ id: 'gao', type: 'report', title: 'GAO' }]) }]);
    const lib = new LibraryIndex();
    lib.add({ keys: ['gao'], path: '/gao.txt' }, indexDocument({ format: 'text', text: 'CBP trained 4,600 police in 2017 and spent $2,078,988.', pageStarts: [0] }));
    const draft = 'On 5 June 2019, CBP had trained 4,600 police and 3 vehicles, spent $2.1 million, and held 2 of its 4 offices [@gao].\n';
    const { analysis } = new DocumentAnalyzer(records, { library: lib }).analyzeWithContext(draft);
    const flagged = analysis.findings.filter((f) => f.code === 'figure-not-in-source').map((f) => draft.slice(f.start, f.end));
    expect(flagged).toEqual(['3']);
  });
});
