/**
 * The source library on disk (server/src/node/library/): real PDFs made by pdfkit, HTML pages,
 * text, a BibLaTeX file with Zotero file fields, a Zotero-like storage folder with
 * `.zotero-ft-cache`, documents that cannot be read, the disk cache and rebuilds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../server/src/node/library/extract';
import { terminalProgress } from '../../server/src/node/library/progress';
import { LibraryService, type BuildProgress } from '../../server/src/node/library/service';
import { hasFont, makePdf } from '../helpers/documents';

const root = mkdtempSync(join(tmpdir(), 'claimcheck-library-'));
const ws = join(root, 'workspace');
const cc = join(ws, '.claimcheck');
const lib = join(cc, 'library');
const zotero = join(root, 'Zotero', 'storage');
const cacheDir = join(root, 'cache');

const GAO_PAGES = [
  ['GAO-18-618 Border Security', 'Page one of the report.'],
  [
    'Since 2015, the Transnational Criminal Investigative Unit has led to the identiﬁ-',
    'cation of 36 illicit organizations, according to agency officials.',
  ],
  ['CBP trained 4,600 Guatemalan police in 2017, and the ofﬁce spent $4.6 million.'],
];

beforeAll(async () => {
  mkdirSync(lib, { recursive: true });
  mkdirSync(join(zotero, 'AB12CD34'), { recursive: true });
  mkdirSync(join(zotero, 'EF56GH78'), { recursive: true });
  mkdirSync(join(zotero, 'MISSING1'), { recursive: true });
  writeFileSync(join(lib, 'gao-18-618.pdf'), await makePdf({ pages: GAO_PAGES }));
  writeFileSync(join(lib, 'locked.pdf'), await makePdf({ pages: [['Nothing to see.']], userPassword: 'secret' }));
  writeFileSync(join(lib, 'scanned.pdf'), await makePdf({ pages: [[], []], noText: true }));
  writeFileSync(join(lib, 'garbled.pdf'), '%PDF-1.7\nthis is not a PDF at all');
  writeFileSync(
    join(lib, 'ice-2019-release.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>ICE release</title><style>p{color:red}</style><script>var quote = "not text";</script></head>
<body><nav>Home | News</nav><main><h1>ICE expands partnership</h1>
<p>“The Transnational Criminal Investigative Units are force multipliers,” said the attaché.</p>
<p>In fiscal year 2018, the units made 1,200 arrests.</p></main></body></html>`,
  );
  writeFileSync(join(lib, 'notes.md'), '# Interview notes\n\nThe director said the program "was never about numbers".\n');
  writeFileSync(join(lib, 'testimony.txt'), 'Testimony, page one.\f\nTestimony, page two: the unit had 59 members.\f');
  // Zotero: one attachment with its extracted text beside it, one whose file is gone but whose text is there,
  // one whose file and text are both gone.
  writeFileSync(join(zotero, 'AB12CD34', 'crs-r41731.pdf'), await makePdf({ pages: [['A CRS report, first page.'], ['The Merida Initiative began in 2008.']] }));
  writeFileSync(join(zotero, 'AB12CD34', '.zotero-ft-cache'), 'A CRS report, first page.\n\fThe Mérida Initiative began in 2008 with $1.6 billion.\n\f');
  writeFileSync(join(zotero, 'EF56GH78', '.zotero-ft-cache'), 'Prensa Libre reported that the task force was dissolved in 2019.\n\f');
  writeFileSync(
    join(cc, 'library.bib'),
    `@report{crs-r41731,
  title = {U.S.-Mexican Security Cooperation: The Mérida Initiative and Beyond},
  author = {{Congressional Research Service}},
  date = {2017},
  file = {Full Text PDF:${join(zotero, 'AB12CD34', 'crs-r41731.pdf')}:application/pdf}
}
@article{prensa-2019,
  title = {Task force dissolved},
  journaltitle = {Prensa Libre},
  date = {2019-09-02},
  file = {Snapshot:../../Zotero/storage/EF56GH78/page.html:text/html}
}
@report{gone,
  title = {Gone},
  file = {${join(zotero, 'MISSING1', 'gone.pdf')}}
}
`,
  );
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const locations = () => ({ recordsDirs: [cc], bibFiles: [join(cc, 'library.bib')] });

// Without the font (fonts-dejavu-core) the PDFs cannot be written: skipped outside CI, failing in CI.
describe.skipIf(!hasFont && !process.env.CI)('the source library on disk', () => {
  let service: LibraryService;
  const progress: BuildProgress[] = [];

  beforeAll(async () => {
    service = new LibraryService({ cacheDir });
    await service.build(locations(), { onProgress: (p) => progress.push(p) });
  }, 60_000);

  it('reads every readable document, and reports progress document by document', () => {
    const status = service.index.status();
    expect(status).toMatchObject({ documents: 6, failures: 4, building: false });
    // The missing attachment is counted, not read.
    expect(progress.at(-1)).toMatchObject({ done: 10, total: 10, read: 9 });
    expect(progress.filter((p) => p.path).length).toBe(10);
  });

  it('finds a quote in a PDF across a hyphenated line break and a ligature, with its page', () => {
    const m = service.index.locate('gao-18-618', 'has led to the identification of 36 illicit organizations')!;
    expect(m).toMatchObject({ exact: true, page: 2, pageLabel: '2' });
    expect(m.document.format).toBe('pdf');
    expect(m.context).toContain('Transnational Criminal Investigative Unit has led to the');
    const near = service.index.locate('gao-18-618', 'has led to the identification of 38 illicit organizations')!;
    expect(near.exact).toBe(false);
    expect(near.text).toContain('36 illicit');
    expect(service.index.findNumber('gao-18-618', 4_600_000)[0]).toMatchObject({ page: 3 });
    expect(service.index.findNumber('gao-18-618', 4600)[0]).toMatchObject({ page: 3 });
    expect(service.index.findAlias('gao-18-618', ['CBP'])).toMatchObject({ page: 3 });
  });

  it('reads HTML as a reader sees it (no script, style or markup), and text and Markdown as they are', () => {
    expect(service.index.locate('ice-2019-release', 'The Transnational Criminal Investigative Units are force multipliers')).toMatchObject({ exact: true });
    expect(service.index.locate('ice-2019-release', 'not text')?.exact ?? false).toBe(false);
    expect(service.index.findNumber('ice-2019-release', 1200).length).toBe(1);
    expect(service.index.locate('notes', 'was never about numbers')).toMatchObject({ exact: true, line: 2 });
    expect(service.index.locate('testimony', 'the unit had 59 members')).toMatchObject({ exact: true, page: 2 });
  });

  it('reads a .bib attachment through the Zotero text beside it, and a missing attachment through its Zotero text alone', () => {
    const crs = service.index.documents('crs-r41731');
    expect(crs).toHaveLength(1);
    expect(crs[0]).toMatchObject({ format: 'zotero-ft-cache', attachment: join(zotero, 'AB12CD34', 'crs-r41731.pdf'), pages: 2 });
    expect(service.index.locate('crs-r41731', 'The Merida Initiative began in 2008')).toMatchObject({ exact: true, page: 2 });
    expect(service.index.findNumber('crs-r41731', 1.6e9).length).toBe(1);
    expect(service.index.locate('prensa-2019', 'the task force was dissolved in 2019')).toMatchObject({ exact: true });
    const sources = service.bibliographyFiles()[0].sources.map((s) => s.item.id);
    expect(sources).toEqual(['crs-r41731', 'prensa-2019', 'gone']);
  });

  it('gives each unreadable document a located problem, and the rest are read', () => {
    const byKey = Object.fromEntries(service.index.problems().map((p) => [p.keys[0], p]));
    expect(byKey.locked).toMatchObject({ code: 'encrypted' });
    expect(byKey.scanned).toMatchObject({ code: 'no-text' });
    expect(byKey.garbled).toMatchObject({ code: 'unreadable' });
    expect(byKey.gone).toMatchObject({ code: 'missing', origin: { file: join(cc, 'library.bib'), line: 14 } });
  });

  it('reads nothing again when nothing changed, and only the changed document when one did', async () => {
    const again: BuildProgress[] = [];
    await service.build(locations(), { onProgress: (p) => again.push(p) });
    expect(again.at(-1)).toMatchObject({ read: 0 });
    writeFileSync(join(lib, 'notes.md'), '# Interview notes\n\nThe director said the program "was always about numbers".\n');
    utimesSync(join(lib, 'notes.md'), new Date(), new Date(Date.now() + 5000));
    const third: BuildProgress[] = [];
    await service.build(locations(), { onProgress: (p) => third.push(p) });
    expect(third.at(-1)).toMatchObject({ read: 1 });
    expect(service.index.locate('notes', 'was always about numbers')).toMatchObject({ exact: true });
  });

  it('starts from the disk cache in a new process: nothing is read, the answers are the same', async () => {
    const fresh = new LibraryService({ cacheDir });
    const seen: BuildProgress[] = [];
    await fresh.build(locations(), { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toMatchObject({ read: 0 });
    expect(fresh.index.status()).toMatchObject({ documents: 6, failures: 4 });
    expect(fresh.index.locate('gao-18-618', 'has led to the identification of 36 illicit organizations')).toMatchObject({ exact: true, page: 2 });
  });

  it('forgets a document removed from the library', async () => {
    rmSync(join(lib, 'testimony.txt'));
    await service.build(locations());
    expect(service.index.has('testimony')).toBe(false);
    expect(service.index.status().documents).toBe(5);
  });

  it('holds few documents in memory and reads the others back from the cache', async () => {
    const small = new LibraryService({ cacheDir, residentBytes: 1 });
    await small.build(locations());
    expect(small.index.locate('gao-18-618', 'CBP trained 4,600 Guatemalan police in 2017')).toMatchObject({ exact: true, page: 3 });
    expect(small.index.memory().resident).toBeLessThan(50_000);
  });
});

describe('documents that cannot be read', () => {
  it('names a missing file and an unsupported format', async () => {
    expect(await extractDocument(join(root, 'nope.pdf'))).toMatchObject({ ok: false, failure: { code: 'missing' } });
    expect(await extractDocument(join(root, 'x.docx'))).toMatchObject({ ok: false, failure: { code: 'unsupported' } });
  });

  it('reads text that is not UTF-8 as Windows-1252', async () => {
    const p = join(root, 'latin.txt');
    writeFileSync(p, Buffer.from([0x4d, 0xe9, 0x72, 0x69, 0x64, 0x61, 0x20, 0x93, 0x71, 0x94]));
    expect(await extractDocument(p)).toMatchObject({ ok: true, value: { text: 'Mérida “q”' } });
  });
});

describe('progress on a terminal', () => {
  it('writes one line rewritten in place on a terminal, and nothing elsewhere', () => {
    const written: string[] = [];
    const tty = terminalProgress({ isTTY: true, columns: 40, write: (t: string) => written.push(t) })!;
    tty({ done: 0, total: 3, path: '/x/gao-18-618.pdf', read: 1 });
    tty({ done: 3, total: 3, read: 3 });
    expect(written[0]).toMatch(/^\rReading sources 1\/3: gao-18-618\.pdf\s+$/);
    expect(written[0].length).toBe(40);
    expect(written.at(-1)).toMatch(/^\r\s+\r$/);
    expect(terminalProgress({ isTTY: false, write: () => undefined })).toBeUndefined();
  });
});

describe('documents that are not regular files', () => {
  it('refuses a FIFO and a link to /dev/zero named as documents, without blocking, and reads the rest', async () => {
    const dir = join(root, 'special', '.claimcheck');
    mkdirSync(join(dir, 'library'), { recursive: true });
    writeFileSync(join(dir, 'library', 'plain.txt'), 'The unit had 59 members.');
    symlinkSync('/dev/zero', join(dir, 'library', 'zero.pdf'));
    const fifo = spawnSync('mkfifo', [join(dir, 'library', 'pipe.txt')]);
    const service = new LibraryService({ cacheDir: join(root, 'special-cache') });
    await service.build({ recordsDirs: [dir] });
    const codes = Object.fromEntries(service.index.problems().map((p) => [p.keys[0], p.code]));
    expect(codes.zero).toBe('unreadable');
    if (fifo.status === 0) expect(codes.pipe).toBe('unreadable');
    expect(service.index.locate('plain', 'The unit had 59 members')).toMatchObject({ exact: true });
  }, 20_000);
});
