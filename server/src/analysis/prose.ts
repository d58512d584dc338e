/**
 * Parses one chunk with unified + remark and turns it into prose units: the plain text of
 * each paragraph, heading and table cell, with a map back to source offsets, and the
 * citations found in it. Code, HTML, front matter and link targets are not prose. The plain
 * reader (incremental/plainReader.ts) builds the same units for plain chunks without remark.
 */
import { fit } from '../fit';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, PhrasingContent } from 'mdast';
import { Intervals } from './intervals';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** Parses Markdown into mdast; every node keeps its source offsets. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/** A stretch of plain text that maps to a stretch of source. */
interface Segment {
  textStart: number;
  srcStart: number;
  srcEnd: number;
  /** The plain text equals the source here, character for character. */
  exact: boolean;
  /**
   * Where the text differs from its source (CRLF or indentation inside a paragraph, an escape,
   * an entity): the source offset of each of its characters.
   */
  map?: Int32Array;
}

/**
 * Aligns text that remark derived from a source stretch with that stretch: each character of
 * the text is found at or after the previous one's place, skipping what remark dropped
 * ("\r" of a CRLF, continuation indentation, a backslash, an entity's letters).
 */
function alignText(value: string, chunk: string, srcStart: number, srcEnd: number): Int32Array {
  const map = new Int32Array(value.length);
  let j = srcStart;
  for (let i = 0; i < value.length; i++) {
    const limit = Math.min(srcEnd, j + 16);
    let k = j;
    while (k < limit && chunk[k] !== value[i]) k++;
    if (k < limit) {
      map[i] = k;
      j = k + 1;
    } else {
      // Not in the source nearby (an entity's character): it stands where the source is now.
      map[i] = Math.min(j, Math.max(srcStart, srcEnd - 1));
    }
  }
  return map;
}

/**
 * Where `value` ends if it is the source from `from` on, read as alignText reads it (skipping
 * what remark dropped): undefined unless every character but white space is found in order.
 */
function followFrom(value: string, chunk: string, from: number, to: number): number | undefined {
  let j = from;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const limit = Math.min(to, j + 16);
    let k = j;
    while (k < limit && chunk[k] !== c) k++;
    if (k < limit) j = k + 1;
    else if (!/\s/.test(c)) return undefined;
  }
  return j;
}

/** A unit's plain text as it is built from pieces of its chunk, with the map back to the source. */
export class UnitText {
  text = '';
  readonly segments: Segment[] = [];

  constructor(private readonly chunk: string) {}

  /** Appends `value`, which stands for the source [srcStart, srcEnd). */
  append(value: string, srcStart: number, srcEnd: number): void {
    if (value.length === 0) return;
    const exact = this.chunk.slice(srcStart, srcEnd) === value;
    const map = exact || value.length === 1 ? undefined : alignText(value, this.chunk, srcStart, srcEnd);
    this.segments.push({ textStart: this.text.length, srcStart, srcEnd, exact, map });
    this.text += value;
  }
}

export type UnitKind = 'paragraph' | 'heading' | 'tableCell';

export interface RawCitation {
  kind: 'footnote' | 'pandoc' | 'link';
  key: string;
  /** For Pandoc citations, every key in the bracket. */
  keys: string[];
  start: number;
  end: number;
  /** Pandoc's in-text form, "@gao-15-707 notes…": a citation only where the key is a known source (incremental/analyzer.ts). */
  inText?: boolean;
}

export interface ProseUnit {
  kind: UnitKind;
  text: string;
  /** Source offsets (relative to the chunk) of the unit. */
  start: number;
  end: number;
  inBlockquote: boolean;
  /** Set when the unit is inside a footnote definition. */
  footnoteLabel?: string;
  citations: RawCitation[];
  /** HTML comments inside the unit (a suppression at the end of a line). */
  comments: RawComment[];
  segments: Segment[];
}

export interface RawFootnoteDefinition {
  label: string;
  start: number;
  end: number;
  contentStart: number;
  /** URLs of links in the definition. */
  urls: string[];
  /** Pandoc keys in the definition. */
  keys: string[];
  /** The definition's plain text. */
  text: string;
}

export interface RawComment {
  value: string;
  start: number;
  end: number;
}

export interface ChunkProse {
  units: ProseUnit[];
  footnotes: RawFootnoteDefinition[];
  comments: RawComment[];
  /** Link reference definitions ("[gao]: https://…"), which serve references anywhere in the document. */
  definitions: RawLinkDefinition[];
}

export interface RawLinkDefinition {
  /** The label, normalised as mdast normalises it (see referenceIdentifier). */
  identifier: string;
  url: string;
  start: number;
  end: number;
}

/** A reference's label as mdast identifies it: white space collapsed, case folded. */
export function referenceIdentifier(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();
}

const FOOTNOTE_REF = /\[\^([^\]\s]+)\]/g;
// Pandoc: [@key], [see @key, p. 3; @other], and the suppress-author form [-@key].
const PANDOC_BRACKET = /\[[^[\]]*?-?@[\p{L}\p{N}_][^[\]]*\]/gu;
const PANDOC_KEY = /-?@([\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?)/gu;
// "@gao-15-707 notes": an at-sign that no word, address or other at-sign stands against.
const PANDOC_IN_TEXT = /(?<![\p{L}\p{N}_@.])@([\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?)/gu;

/**
 * Extracts the prose of one chunk by walking remark's tree. (A plain chunk may be read without
 * remark instead, with the same result: incremental/plainReader.ts.)
 */
export function extractProse(chunk: string): ChunkProse {
  const tree = parseMarkdown(chunk);
  const out: ChunkProse = { units: [], footnotes: [], comments: [], definitions: [] };
  // Definitions serve references before them as well as after: find them first.
  collectDefinitions(tree.children, out.definitions);
  const urls = new Map<string, string>();
  for (const d of out.definitions) if (!urls.has(d.identifier)) urls.set(d.identifier, d.url);
  const walk = (nodes: RootContent[], inBlockquote: boolean, footnoteLabel: string | undefined): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'paragraph':
        case 'heading': {
          const unit = buildUnit(chunk, node.type, node.children, node.position!.start.offset!, node.position!.end.offset!, inBlockquote, footnoteLabel, urls);
          out.units.push(unit);
          out.comments.push(...unit.comments);
          break;
        }
        case 'table':
          for (const row of node.children)
            for (const cell of row.children) {
              const unit = buildUnit(chunk, 'tableCell', cell.children, cell.position!.start.offset!, cell.position!.end.offset!, inBlockquote, footnoteLabel, urls);
              out.units.push(unit);
              out.comments.push(...unit.comments);
            }
          break;
        case 'blockquote':
          walk(node.children, true, footnoteLabel);
          break;
        case 'list':
          for (const item of node.children) walk(item.children, inBlockquote, footnoteLabel);
          break;
        case 'footnoteDefinition': {
          const before = out.units.length;
          walk(node.children, inBlockquote, node.label ?? node.identifier);
          const units = out.units.slice(before);
          const start = node.position!.start.offset!;
          out.footnotes.push({
            label: node.label ?? node.identifier,
            start,
            end: node.position!.end.offset!,
            contentStart: units[0]?.start ?? node.position!.end.offset!,
            urls: collectUrls(node.children, urls),
            keys: units.flatMap((u) => u.citations.filter((c) => c.kind === 'pandoc').flatMap((c) => c.keys)),
            text: units.map((u) => u.text).join('\n'),
          });
          break;
        }
        case 'html':
          if (node.value.startsWith('<!--')) out.comments.push({ value: node.value, start: node.position!.start.offset!, end: node.position!.end.offset! });
          break;
        default:
          // code, yaml, toml, definition, thematicBreak: not prose.
          break;
      }
    }
  };
  walk(tree.children, false, undefined);
  return out;
}

/** Every link reference definition in the tree, containers included. */
function collectDefinitions(nodes: RootContent[], out: RawLinkDefinition[]): void {
  for (const node of nodes) {
    if (node.type === 'definition') out.push({ identifier: node.identifier, url: node.url, start: node.position!.start.offset!, end: node.position!.end.offset! });
    else if (node.type === 'blockquote' || node.type === 'listItem' || node.type === 'footnoteDefinition') collectDefinitions(node.children, out);
    else if (node.type === 'list') collectDefinitions(node.children, out);
  }
}

function collectUrls(nodes: unknown[], definitions: Map<string, string>): string[] {
  const urls: string[] = [];
  const visit = (n: { type?: string; url?: string; identifier?: string; children?: unknown[] }) => {
    if (n.type === 'link' && n.url) urls.push(n.url);
    if (n.type === 'linkReference' && n.identifier && definitions.has(n.identifier)) urls.push(definitions.get(n.identifier)!);
    n.children?.forEach((c) => visit(c as typeof n));
  };
  nodes.forEach((n) => visit(n as { type?: string }));
  return urls;
}

/** Builds the plain text of a paragraph, heading or cell, with its map back to the source. */
function buildUnit(
  chunk: string,
  kind: UnitKind,
  children: PhrasingContent[],
  start: number,
  end: number,
  inBlockquote: boolean,
  footnoteLabel: string | undefined,
  definitions: ReadonlyMap<string, string>,
): ProseUnit {
  const built = new UnitText(chunk);
  const citations: RawCitation[] = [];
  const comments: RawComment[] = [];
  const append = (value: string, srcStart: number, srcEnd: number) => built.append(value, srcStart, srcEnd);
  // Nodes that a transform made (GFM autolink literals) may have no position: they are found in
  // the source after the node placed before them.
  let cursor = start;
  const place = (node: PhrasingContent): [number, number] => {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s !== undefined && e !== undefined) return [s, e];
    const value = 'value' in node ? node.value : 'children' in node ? node.children.map((c) => ('value' in c ? c.value : '')).join('') : '';
    if (!value) return [cursor, cursor];
    // Usually the node's text starts where the previous one ended, perhaps normalised by remark
    // (a line's trailing spaces dropped); else it is found further on.
    const reach = followFrom(value, chunk, cursor, end);
    if (reach !== undefined) return [cursor, reach];
    const at = chunk.indexOf(value, cursor);
    return at >= 0 && at + value.length <= end ? [at, at + value.length] : [cursor, cursor];
  };
  // Something that is not prose but occupies source: a space keeps words apart and the map exact enough.
  const opaque = (srcStart: number, srcEnd: number) => append(' ', srcStart, srcEnd);

  const visit = (nodes: PhrasingContent[]): void => {
    for (const node of nodes) {
      const [s, e] = place(node);
      cursor = Math.max(cursor, e);
      switch (node.type) {
        case 'text':
          append(node.value, s, e);
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
          visit(node.children);
          break;
        case 'link': {
          // "[@http://zotero.org/…]" is a Pandoc citation whose key GFM took for a bare URL: keep it as text.
          if (chunk[s - 1] === '@') {
            append(chunk.slice(s, e), s, e);
            break;
          }
          // An e-mail address is a way to write to someone, not a source.
          if (!/^(?:mailto|xmpp|tel):/i.test(node.url)) citations.push({ kind: 'link', key: node.url, keys: [node.url], start: s, end: e });
          const label = node.children.map((c) => ('value' in c ? c.value : '')).join('');
          // A bare URL is an address, not prose.
          if (label === node.url || /^(https?:|mailto:|www\.)/i.test(label)) opaque(s, e);
          else visit(node.children);
          break;
        }
        case 'linkReference': {
          // remark makes a reference only where a definition exists; the chunk may have been given the document's (incremental/crossChunk.ts).
          const url = definitions.get(node.identifier);
          if (url) citations.push({ kind: 'link', key: url, keys: [url], start: s, end: e });
          visit(node.children);
          break;
        }
        case 'footnoteReference':
          citations.push({ kind: 'footnote', key: node.label ?? node.identifier, keys: [node.label ?? node.identifier], start: s, end: e });
          opaque(s, e);
          break;
        case 'break':
          append(' ', s, e);
          break;
        case 'html':
          if (node.value.startsWith('<!--')) comments.push({ value: node.value, start: s, end: e });
          opaque(s, e);
          break;
        default:
          // inlineCode, image, imageReference: not prose.
          opaque(s, e);
          break;
      }
    }
  };
  visit(children);
  return finishUnit({ kind, text: built.text, start, end, inBlockquote, footnoteLabel, citations, comments, segments: built.segments });
}

/** Adds the citations that remark leaves as text, and blanks them out of the unit's text. */
export function finishUnit(unit: ProseUnit): ProseUnit {
  const text = unit.text;
  const citations = unit.citations;
  const spans: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(FOOTNOTE_REF)) {
    const [from, to] = [m.index, m.index + m[0].length];
    citations.push({ kind: 'footnote', key: m[1], keys: [m[1]], start: toSource(unit, from), end: toSource(unit, to, true) });
    spans.push({ start: from, end: to });
  }
  for (const m of text.matchAll(PANDOC_BRACKET)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].startsWith('[^')) continue;
    const keys = [...m[0].matchAll(PANDOC_KEY)].map((k) => k[1]);
    if (keys.length === 0) continue;
    citations.push({ kind: 'pandoc', key: keys[0], keys, start: toSource(unit, m.index), end: toSource(unit, m.index + m[0].length, true) });
  }
  if (text.includes('@')) {
    const bracketed = new Intervals(spans);
    for (const m of text.matchAll(PANDOC_IN_TEXT)) {
      if (bracketed.contains(m.index)) continue;
      const to = m.index + m[0].length;
      citations.push({ kind: 'pandoc', key: m[1], keys: [m[1]], start: toSource(unit, m.index), end: toSource(unit, to, true), inText: true });
      spans.push({ start: m.index, end: to });
    }
  }
  spans.sort((x, y) => x.start - y.start);
  // Blank citation text so that "[@operation-citadel]" is not read as a mention (in one pass:
  // rebuilding the string per citation would cost the square of a long paragraph).
  if (spans.length > 0) {
    let out = '';
    let at = 0;
    for (const { start: from, end: to } of spans) {
      if (to <= at) continue;
      const start = Math.max(from, at);
      out += text.slice(at, start) + ' '.repeat(to - start);
      at = to;
    }
    unit.text = out + text.slice(at);
  }
  citations.sort((a, b) => a.start - b.start);
  // A unit is kept as long as its chunk's sentences map offsets through it: its lists fitted.
  unit.citations = fit(citations);
  unit.segments = fit(unit.segments);
  return unit;
}

/** Maps an offset in a unit's plain text to a source offset in its chunk. */
export function toSource(unit: ProseUnit, textOffset: number, isEnd = false): number {
  const segs = unit.segments;
  if (segs.length === 0) return unit.start;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].textStart < textOffset || (!isEnd && segs[mid].textStart === textOffset)) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo];
  const rel = textOffset - seg.textStart;
  if (seg.exact) return Math.min(seg.srcStart + rel, seg.srcEnd);
  if (seg.map) {
    if (isEnd) return rel <= 0 ? seg.srcStart : rel >= seg.map.length ? seg.srcEnd : seg.map[rel - 1] + 1;
    return rel >= seg.map.length ? seg.srcEnd : seg.map[Math.max(0, rel)];
  }
  // A one-character stand-in (a space for code or a break): its node's edges.
  return rel <= 0 ? seg.srcStart : seg.srcEnd;
}
