/**
 * BibLaTeX and BibTeX bibliographies as a sources format: each entry becomes a CSL-JSON item
 * (what the other sources files hold), and its `file` field the attachments the library reads.
 * Parsed by @retorquere/bibtex-parser, the parser of Zotero's Better BibTeX. Pure: the host
 * hands over the text.
 */
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import { parseFileField, type Attachment } from './attachments';

/** A CSL-JSON item (the shape of records/types Source, without Claim Check's own fields). */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: Array<{ family?: string; given?: string; literal?: string }>;
  editor?: Array<{ family?: string; given?: string; literal?: string }>;
  issued?: { 'date-parts'?: Array<Array<number | string>>; literal?: string };
  'container-title'?: string;
  publisher?: string;
  'publisher-place'?: string;
  number?: string;
  volume?: string;
  issue?: string;
  page?: string;
  URL?: string;
  DOI?: string;
  language?: string;
  note?: string;
  [extra: string]: unknown;
}

export interface BibEntry {
  item: CslItem;
  attachments: Attachment[];
  /** 0-based line and column of the entry's `@`, and of its file field when it has one. */
  line: number;
  column: number;
  fileLine?: number;
}

export interface BibProblem {
  line: number;
  column: number;
  /** The parser's message, in English. */
  detail: string;
  key?: string;
}

const TYPES: Record<string, string> = {
  article: 'article-journal',
  book: 'book',
  mvbook: 'book',
  booklet: 'pamphlet',
  inbook: 'chapter',
  incollection: 'chapter',
  bookinbook: 'chapter',
  inproceedings: 'paper-conference',
  conference: 'paper-conference',
  proceedings: 'book',
  report: 'report',
  techreport: 'report',
  thesis: 'thesis',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  online: 'webpage',
  electronic: 'webpage',
  www: 'webpage',
  unpublished: 'manuscript',
  manual: 'report',
  legislation: 'legislation',
  legal: 'legislation',
  jurisdiction: 'legal_case',
  patent: 'patent',
  dataset: 'dataset',
  software: 'software',
  misc: 'document',
};

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function names(creators: Creator[] | undefined): CslItem['author'] {
  if (!creators?.length) return undefined;
  return creators.map((c) => (c.name ? { literal: c.name } : { family: [c.prefix, c.lastName].filter(Boolean).join(' ') || undefined, given: c.firstName || undefined }));
}

function issued(fields: Record<string, unknown>): CslItem['issued'] {
  const date = typeof fields.date === 'string' ? fields.date : undefined;
  if (date) {
    const m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/.exec(date.trim());
    if (m) return { 'date-parts': [[Number(m[1]), ...(m[2] ? [Number(m[2])] : []), ...(m[3] ? [Number(m[3])] : [])]] };
    return { literal: date };
  }
  const year = typeof fields.year === 'string' ? /\d{4}/.exec(fields.year)?.[0] : undefined;
  if (!year) return undefined;
  const monthRaw = typeof fields.month === 'string' ? fields.month.trim().toLowerCase() : '';
  const month = /^\d{1,2}$/.test(monthRaw) ? Number(monthRaw) : MONTHS[monthRaw.slice(0, 3)];
  const day = typeof fields.day === 'string' && /^\d{1,2}$/.test(fields.day.trim()) ? Number(fields.day) : undefined;
  return { 'date-parts': [[Number(year), ...(month ? [month] : []), ...(month && day ? [day] : [])]] };
}

function first(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v) && typeof v[0] === 'string') return v.join('; ').trim() || undefined;
  return undefined;
}

/** Maps one parsed entry to a CSL-JSON item. */
export function toCsl(entry: Entry): CslItem {
  const f = entry.fields as unknown as Record<string, unknown>;
  const type = entry.type.toLowerCase();
  let cslType = TYPES[type] ?? 'document';
  const subtype = first(f.entrysubtype)?.toLowerCase();
  if (cslType === 'article-journal' && subtype === 'newspaper') cslType = 'article-newspaper';
  if (cslType === 'article-journal' && subtype === 'magazine') cslType = 'article-magazine';
  const item: CslItem = { id: entry.key, type: cslType };
  const set = (k: keyof CslItem, v: unknown) => {
    if (v !== undefined && v !== '') (item as Record<string, unknown>)[k as string] = v;
  };
  set('title', first(f.title));
  set('author', names(f.author as Creator[] | undefined));
  set('editor', names(f.editor as Creator[] | undefined));
  set('issued', issued(f));
  set('container-title', first(f.journaltitle ?? f.journal ?? f.booktitle ?? f.maintitle));
  set('publisher', first(f.publisher ?? f.institution ?? f.organization ?? f.school));
  set('publisher-place', first(f.location ?? f.address));
  set('number', first(f.number));
  set('volume', first(f.volume));
  set('issue', first(f.issue));
  set('page', first(f.pages));
  set('URL', first(f.url));
  set('DOI', first(f.doi));
  set('language', first(f.langid ?? f.language));
  set('note', first(f.note ?? f.addendum));
  return item;
}

/** 0-based line and column of `offset`. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last - 1 };
}

/**
 * Parses a `.bib` file's text: one CSL item per entry with its attachments and place, and
 * the parser's complaints, each located. A broken entry costs only itself.
 */
export function parseBibliography(text: string): { entries: BibEntry[]; problems: BibProblem[] } {
  const problems: BibProblem[] = [];
  let lib: ReturnType<typeof parse>;
  try {
    // Titles as written (no sentence case), unknown commands kept as text: the bibliography is the writer's.
    lib = parse(text, { english: false, sentenceCase: false, unsupported: 'ignore' });
  } catch (err) {
    return { entries: [], problems: [{ line: 0, column: 0, detail: (err as Error).message }] };
  }
  const entries: BibEntry[] = [];
  let from = 0;
  const seen = new Set<string>();
  for (const entry of lib.entries) {
    // An entry the parser gave up on early keeps nothing worth serving (its error is reported below).
    if (!entry.key || Object.keys(entry.fields).length === 0) continue;
    const at = entry.input ? text.indexOf(entry.input, from) : -1;
    const offset = at >= 0 ? at : text.indexOf(`{${entry.key},`, from);
    if (at >= 0) from = at + entry.input.length;
    const { line, column } = position(text, Math.max(0, offset));
    if (seen.has(entry.key)) {
      problems.push({ line, column, key: entry.key, detail: `Duplicate citation key "${entry.key}".` });
      continue;
    }
    seen.add(entry.key);
    const fileField = (entry.fields as unknown as Record<string, unknown>).file;
    const attachments = typeof fileField === 'string' ? parseFileField(fileField) : [];
    let fileLine: number | undefined;
    if (attachments.length && at >= 0) {
      const fm = /\bfile\s*=/i.exec(entry.input);
      if (fm) fileLine = position(text, at + fm.index).line;
    }
    entries.push({ item: toCsl(entry), attachments, line, column, fileLine });
  }
  for (const e of lib.errors) {
    const m = /line (\d+), column (\d+)/.exec(e.error);
    let line = m ? Number(m[1]) - 1 : 0;
    let column = m ? Number(m[2]) - 1 : 0;
    if (!m && e.input) {
      const at = text.indexOf(e.input);
      if (at >= 0) ({ line, column } = position(text, at));
    }
    problems.push({ line, column, detail: e.error });
  }
  return { entries, problems };
}
