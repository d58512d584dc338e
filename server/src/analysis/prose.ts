/**
 * Parses one chunk with unified + remark and turns it into prose units: the plain text of
 * each paragraph, heading and table cell, with a map back to source offsets, and the
 * citations found in it. Code, HTML, front matter and link targets are not prose.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, PhrasingContent } from 'mdast';

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
}

export type UnitKind = 'paragraph' | 'heading' | 'tableCell';

export interface RawCitation {
  kind: 'footnote' | 'pandoc' | 'link';
  key: string;
  /** For Pandoc citations, every key in the bracket. */
  keys: string[];
  start: number;
  end: number;
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
}

const FOOTNOTE_REF = /\[\^([^\]\s]+)\]/g;
// Pandoc: [@key], [see @key, p. 3; @other], and the suppress-author form [-@key].
const PANDOC_BRACKET = /\[[^[\]]*?-?@[\p{L}\p{N}_][^[\]]*\]/gu;
const PANDOC_KEY = /-?@([\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?)/gu;

/** Extracts the prose of one chunk. */
export function extractProse(chunk: string): ChunkProse {
  const tree = parseMarkdown(chunk);
  const out: ChunkProse = { units: [], footnotes: [], comments: [] };
  const walk = (nodes: RootContent[], inBlockquote: boolean, footnoteLabel: string | undefined): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'paragraph':
        case 'heading': {
          const unit = buildUnit(chunk, node.type, node.children, node.position!.start.offset!, node.position!.end.offset!, inBlockquote, footnoteLabel);
          out.units.push(unit);
          out.comments.push(...unit.comments);
          break;
        }
        case 'table':
          for (const row of node.children)
            for (const cell of row.children) {
              const unit = buildUnit(chunk, 'tableCell', cell.children, cell.position!.start.offset!, cell.position!.end.offset!, inBlockquote, footnoteLabel);
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
            urls: collectUrls(node.children),
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

function collectUrls(nodes: unknown[]): string[] {
  const urls: string[] = [];
  const visit = (n: { type?: string; url?: string; children?: unknown[] }) => {
    if (n.type === 'link' && n.url) urls.push(n.url);
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
): ProseUnit {
  let text = '';
  const segments: Segment[] = [];
  const citations: RawCitation[] = [];
  const comments: RawComment[] = [];
  const append = (value: string, srcStart: number, srcEnd: number) => {
    if (value.length === 0) return;
    segments.push({ textStart: text.length, srcStart, srcEnd, exact: chunk.slice(srcStart, srcEnd) === value });
    text += value;
  };
  // Something that is not prose but occupies source: a space keeps words apart and the map exact enough.
  const opaque = (srcStart: number, srcEnd: number) => append(' ', srcStart, srcEnd);

  const visit = (nodes: PhrasingContent[]): void => {
    for (const node of nodes) {
      const s = node.position?.start.offset ?? 0;
      const e = node.position?.end.offset ?? s;
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
          citations.push({ kind: 'link', key: node.url, keys: [node.url], start: s, end: e });
          const label = node.children.map((c) => ('value' in c ? c.value : '')).join('');
          // A bare URL is an address, not prose.
          if (label === node.url || /^(https?:|mailto:|www\.)/i.test(label)) opaque(s, e);
          else visit(node.children);
          break;
        }
        case 'linkReference':
          visit(node.children);
          break;
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

  // Footnote references whose definition is in another chunk, and Pandoc citations, are text to remark.
  const blank = (from: number, to: number) => {
    text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  };
  const unit: ProseUnit = { kind, text, start, end, inBlockquote, footnoteLabel, citations, comments, segments };
  for (const m of text.matchAll(FOOTNOTE_REF)) {
    const [from, to] = [m.index, m.index + m[0].length];
    citations.push({ kind: 'footnote', key: m[1], keys: [m[1]], start: toSource(unit, from), end: toSource(unit, to, true) });
  }
  for (const m of text.matchAll(PANDOC_BRACKET)) {
    if (m[0].startsWith('[^')) continue;
    const keys = [...m[0].matchAll(PANDOC_KEY)].map((k) => k[1]);
    if (keys.length === 0) continue;
    citations.push({ kind: 'pandoc', key: keys[0], keys, start: toSource(unit, m.index), end: toSource(unit, m.index + m[0].length, true) });
  }
  // Blank citation text so that "[@operation-citadel]" is not read as a mention.
  for (const m of [...text.matchAll(FOOTNOTE_REF), ...text.matchAll(PANDOC_BRACKET)]) blank(m.index, m.index + m[0].length);
  unit.text = text;
  citations.sort((a, b) => a.start - b.start);
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
  // Text that differs from its source (an entity, an escape): map to the node's edges.
  return rel <= 0 ? seg.srcStart : isEnd || rel > 0 ? seg.srcEnd : seg.srcStart;
}
