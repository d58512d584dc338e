/**
 * Text edits that cite a source in each of the three styles: a GFM footnote (a reference
 * plus its definition at the end of the document, reusing a definition that already cites
 * the source), a Pandoc citation `[@id]`, or an inline link.
 */
import type { RecordSet } from '../records/recordSet';
import type { Source } from '../records/types';
import { escapeMarkdown, referenceOf, shortTitle } from './bibliography';
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
    if (style === 'pandoc') return [insert(point.terminal ?? point.end, ` [@${sourceId}]`)];
    if (style === 'link') {
      if (!source.URL || !/^https?:\/\//i.test(source.URL)) return undefined;
      return [insert(point.terminal ?? point.end, ` ([${escapeMarkdown(shortTitle(source))}](<${source.URL.replace(/[<>\s]/g, encodeURIComponent)}>))`)];
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

  /** One edit that appends every new footnote definition planned so far, or none. */
  definitionsEdit(): TextEdit | undefined {
    if (this.newDefinitions.size === 0) return undefined;
    const eol = this.footnotes.eol;
    const text = this.docText;
    // Checked from the end: a regex anchored at the end would scan the whole draft for every fix.
    const last = text.charCodeAt(text.length - 1);
    const endsWithEol = last === 10 || last === 13;
    let prefix = endsWithEol ? '' : eol;
    if (!this.footnotes.endsWithDefinition && /\S/.test(text)) prefix += eol;
    const body = [...this.newDefinitions.values()].map((d) => `[^${d.label}]: ${d.text}`).join(eol);
    const edit = insert(text.length, prefix + body + eol);
    DOCUMENT_END_EDITS.add(edit);
    return edit;
  }

  /** A short, readable label: the report number, or the id cut at a word boundary ("kelly-2017-testimony"). */
  private uniqueLabel(source: Source): string {
    const raw = (source.number ?? source.id).toLowerCase().replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
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

function insert(at: number, newText: string): TextEdit {
  return { start: at, end: at, newText };
}
