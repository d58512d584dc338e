/**
 * Text edits that cite a source in each of the three styles: a GFM footnote (a reference
 * plus its definition at the end of the document, reusing a definition that already cites
 * the source), a Pandoc citation `[@id]`, or an inline link.
 */
import type { RecordSet } from '../records/recordSet';
import type { Source } from '../records/types';
import { escapeMarkdown, linkableUrl, referenceOf, shortTitle } from './bibliography';
import type { CitationStyle, CitePoint, Fix, FootnoteState, TextEdit } from './model';

/** Plans citations for one batch of fixes, so that labels stay unique and a source gets one definition. */
export class CitationPlanner {
  private readonly newDefinitions = new Map<string, { label: string; text: string }>();
  /** Labels this planner has taken, beside the document's own (not copied: a planner is made per fix). */
  private readonly taken = new Set<string>();

  constructor(
    private readonly records: RecordSet,
    private readonly docText: string,
    private readonly footnotes: FootnoteState,
  ) {}

  /** The edits that cite `sourceId` at `point` in `style`, or undefined when the style cannot (a link without URL). */
  cite(point: CitePoint, sourceId: string, style: CitationStyle): TextEdit[] | undefined {
    const source = this.records.source(sourceId);
    if (!source) return undefined;
    if (style === 'pandoc') {
      const key = pandocKey(sourceId);
      return key === undefined ? undefined : [this.beforeTerminal(point, ` [@${key}]`)];
    }
    if (style === 'link') {
      const url = linkableUrl(source);
      if (!url) return undefined;
      return [this.beforeTerminal(point, ` ([${escapeMarkdown(shortTitle(source))}](<${url}>))`)];
    }
    const existing = this.footnotes.definitions.find((d) => d.sources.includes(sourceId));
    if (existing) return [insert(point.end, `[^${existing.label}]`)];
    let planned = this.newDefinitions.get(sourceId);
    if (!planned) {
      planned = { label: this.uniqueLabel(source), text: referenceOf(source) };
      this.newDefinitions.set(sourceId, planned);
    }
    return [insert(point.end, `[^${planned.label}]`)];
  }

  /**
   * An inline citation goes before the sentence's final period, so that it belongs to the
   * sentence. When closing quotes or brackets follow that period (`…Guatemala.”`), the period
   * moves after them and the citation goes between (`…Guatemala” ([…](…)).`): after the closing
   * mark it would start a sentence of its own, and before the period it would sit inside the quotation.
   */
  private beforeTerminal(point: CitePoint, citation: string): TextEdit {
    if (point.terminal === undefined) return insert(point.end, citation);
    if (point.closed === undefined) return insert(point.terminal, citation);
    const mark = this.docText[point.terminal];
    return { start: point.terminal, end: point.closed, newText: this.docText.slice(point.terminal + 1, point.closed) + citation + mark };
  }

  /** One edit that appends every new footnote definition planned so far, or none. */
  definitionsEdit(): TextEdit | undefined {
    if (this.newDefinitions.size === 0) return undefined;
    const eol = this.footnotes.eol;
    const text = this.docText;
    // Checked from the end: a regex anchored at the end would scan the whole draft for every fix.
    const last = text.charCodeAt(text.length - 1);
    const endsWithEol = last === 10 || last === 13;
    let prefix = endsWithEol ? '' : eol;
    // A draft that ends inside a code fence or an HTML comment would swallow the definitions: close it first.
    const open = this.footnotes.openAtEnd;
    if (open) prefix += open + eol;
    if (open || (!this.footnotes.endsWithDefinition && /\S/.test(text))) prefix += eol;
    const body = [...this.newDefinitions.values()].map((d) => `[^${d.label}]: ${d.text}`).join(eol);
    const edit = insert(text.length, prefix + body + eol);
    DOCUMENT_END_EDITS.add(edit);
    return edit;
  }

  /** A short, readable label: the report number, or the id cut at a word boundary ("kelly-2017-testimony"). */
  private uniqueLabel(source: Source): string {
    const raw = (source.number ?? source.id).toLowerCase().replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^[-_]+|[-_]+$/g, '');
    const words = raw.split('-');
    let base = words[0] ?? '';
    for (const w of words.slice(1)) {
      if ((base + '-' + w).length > 24) break;
      base += '-' + w;
    }
    base = base.slice(0, 40) || 'source';
    let label = base;
    const used = (l: string) => this.footnotes.labels.has(l.toLowerCase()) || this.taken.has(l.toLowerCase());
    for (let n = 2; used(label); n++) label = `${base}-${n}`;
    this.taken.add(label.toLowerCase());
    return label;
  }
}

/** A fix on its own: the citation edits plus the definition they need. */
export function citationFix(
  records: RecordSet,
  docText: string,
  footnotes: FootnoteState,
  title: string,
  point: CitePoint,
  sourceId: string,
  style: CitationStyle,
): Fix | undefined {
  const planner = new CitationPlanner(records, docText, footnotes);
  const edits = planner.cite(point, sourceId, style);
  if (!edits) return undefined;
  const definitions = planner.definitionsEdit();
  return { title, edits: definitions ? [...edits, definitions] : edits };
}

/** Edits that append to the document: they follow its end, not the sentence they cite (findingsCache.ts). */
const DOCUMENT_END_EDITS = new WeakSet<TextEdit>();

/** Whether an edit appends footnote definitions at the document's end. */
export function isDocumentEndEdit(edit: TextEdit): boolean {
  return DOCUMENT_END_EDITS.has(edit);
}

/**
 * Pandoc citation keys that Markdown reads back as written: a letter or digit first and last,
 * and between them letters, digits and `_ : . / -` (a subset of what Pandoc accepts, without the
 * characters that Markdown takes for markup: `_under_` is emphasis, `a<b>` HTML, `a&amp;` an
 * entity, `](` a link). Another id cannot be cited as `[@id]`; the fix falls back to a footnote.
 */
const SAFE_PANDOC_KEY = /^[\p{L}\p{N}](?:[\p{L}\p{N}_:./-]*[\p{L}\p{N}])?$/u;

/** The key to write for `id` in a Pandoc citation, or undefined when it cannot be written safely. */
export function pandocKey(id: string): string | undefined {
  return id.length <= 200 && SAFE_PANDOC_KEY.test(id) && !/[_:./-]{2}/.test(id) ? id : undefined;
}

/**
 * What closes the code fence or HTML comment block a text ends inside (a top-level one: a
 * fence inside a list item or block quote ends with its container), or undefined. Such a block
 * starts in the document's last top-level chunk (chunks.ts starts none inside one), so the
 * analyzer reads only that chunk's text, once per version.
 */
export function openBlockAtEnd(text: string): string | undefined {
  let open: string | undefined;
  if (text.includes('```') || text.includes('~~~') || text.includes('<!--')) {
    let fence: { char: string; length: number } | undefined;
    let comment = false;
    for (const line of text.split(/\r\n|\r|\n/)) {
      if (comment) {
        if (line.includes('-->')) comment = false;
        continue;
      }
      const f = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
      if (fence) {
        if (f && f[1][0] === fence.char && f[1].length >= fence.length && f[2].trim() === '') fence = undefined;
        continue;
      }
      if (f && !(f[1][0] === '`' && f[2].includes('`'))) fence = { char: f[1][0], length: f[1].length };
      else if (/^ {0,3}<!--/.test(line)) comment = !/^ {0,3}<!--[\s\S]*?-->/.test(line) && !/^ {0,3}<!--(>|->)/.test(line);
    }
    open = fence ? fence.char.repeat(fence.length) : comment ? '-->' : undefined;
  }
  return open;
}

function insert(at: number, newText: string): TextEdit {
  return { start: at, end: at, newText };
}
