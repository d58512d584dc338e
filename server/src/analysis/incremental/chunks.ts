/**
 * Splits a Markdown document into top-level chunks that can be parsed and analysed
 * independently: runs of lines separated by blank lines, except that a blank line inside
 * a fenced code block, an HTML comment or front matter does not split, and an indented
 * line after a blank line (a list item's continuation, indented code) stays with the
 * chunk before it.
 *
 * Each chunk is analysed on its own and cached by its text, so an edit costs the chunks it
 * touched. Parsing a chunk alone gives the same prose as parsing the whole document,
 * with two differences that do not change any finding: a list split by blank lines becomes
 * several lists, and reference-style links resolve only within their chunk.
 *
 * A run of footnote definitions, one per line (as drafts keep them at the end), is split
 * further: each line is a chunk, so that a full check reads them quickly and an edit costs
 * one line, not the whole run (see splitDefinitionRun).
 */

import { lowerBound } from '../../sorted';

/** A chunk's place in the document: offsets [start, end). */
export interface ChunkSpan {
  start: number;
  end: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLANK = /^[ \t]*$/;

/**
 * The document's top-level chunks, in order; blank lines between them belong to none.
 * `splitDefinitions: false` keeps a run of footnote definitions in one chunk (for tests that
 * check the split changes nothing).
 */
export function splitChunks(text: string, { splitDefinitions = true }: { splitDefinitions?: boolean } = {}): ChunkSpan[] {
  const { chunks } = splitAtBlankLines(text);
  if (!splitDefinitions) return chunks;
  return chunks.flatMap((b) => splitDefinitionRun(text, b) ?? [b]);
}

// A footnote definition line whose text holds no "[" (so no footnote reference, link or
// reference that another line could resolve), no code fence and no HTML comment.
const DEFINITION_LINE = /^\[\^[\p{L}\p{N}_.-]{1,100}\]: [^[`~]*$/u;

/**
 * The lines of a chunk made only of footnote definition lines, one chunk each; undefined for
 * any other chunk. Each line parses alone as it does in the run: a footnote definition
 * interrupts the paragraph before it, so each line is its own definition either way, and
 * with no "[" in their text no line refers to another.
 */
function splitDefinitionRun(text: string, chunk: ChunkSpan): ChunkSpan[] | undefined {
  if (text.charCodeAt(chunk.start) !== 91 /* [ */ || text.charCodeAt(chunk.start + 1) !== 94 /* ^ */) return undefined;
  const out: ChunkSpan[] = [];
  let pos = chunk.start;
  while (pos <= chunk.end) {
    let eol = pos;
    while (eol < chunk.end && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const line = text.slice(pos, eol);
    if (!DEFINITION_LINE.test(line) || line.includes('<!--')) return undefined;
    out.push({ start: pos, end: eol });
    if (eol >= chunk.end) break;
    pos = text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1;
  }
  return out.length > 1 ? out : undefined;
}

/**
 * The document's chunks after an edit, from those of the version before: the text before the
 * edit and after it is compared with the previous version's (`commonPrefix`, `commonSuffix`),
 * the chunks before the last chunk that starts before the edit are kept, the text is split
 * again from there, and as soon as a chunk starts in the unchanged text after the edit where a
 * chunk of the previous version started, the rest are the previous version's, moved. Equal to
 * `splitChunks(text)` (test/unit/incremental.test.ts; the splitter's state at the start of a
 * chunk other than the first is always the same: no fence, comment or front matter open).
 */
export function splitChunksAfterEdit(
  previous: { text: string; chunks: ChunkSpan[] },
  text: string,
  { splitDefinitions = true }: { splitDefinitions?: boolean } = {},
): { chunks: ChunkSpan[]; topLevel: ChunkSpan[]; prefix: number; suffix: number } {
  const old = previous.text;
  const prefix = commonPrefix(old, text);
  const suffix = Math.min(commonSuffix(old, text), Math.min(old.length, text.length) - prefix);
  const delta = text.length - old.length;
  const top = previous.chunks;
  // The last chunk of the previous version that starts before the edit: its first line, and everything before it, is unchanged.
  const restart = lowerBound(top.length, (i) => top[i].start < prefix) - 1;
  const kept = restart > 0 ? top.slice(0, restart) : [];
  const from = restart > 0 ? top[restart].start : 0;
  const syncFrom = text.length - suffix;
  let j = Math.max(restart, 0);
  const rest = splitAtBlankLines(text, from, (start) => {
    if (start < syncFrom) return false;
    while (j < top.length && top[j].start + delta < start) j++;
    // Not the first chunk of the previous version: front matter may have held it.
    return j < top.length && top[j].start > 0 && top[j].start + delta === start;
  });
  const moved = rest.stoppedAt === undefined ? [] : top.slice(j).map((c) => (delta === 0 ? c : { start: c.start + delta, end: c.end + delta }));
  const topLevel = kept.concat(rest.chunks, moved);
  if (!splitDefinitions) return { topLevel, chunks: topLevel, prefix, suffix };
  const chunks: ChunkSpan[] = [];
  for (const b of topLevel) {
    const lines = splitDefinitionRun(text, b);
    if (lines) for (const line of lines) chunks.push(line);
    else chunks.push(b);
  }
  return { topLevel, chunks, prefix, suffix };
}

const BLOCK = 4096;

/** The length of the longest common prefix of two texts (blocks compared natively first). */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the longest common suffix of two texts. */
export function commonSuffix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k + BLOCK <= n && a.slice(a.length - k - BLOCK, a.length - k) === b.slice(b.length - k - BLOCK, b.length - k)) k += BLOCK;
  while (k < n && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}

/**
 * Splits from `from` (0, or the start of a chunk) to the end, or until `stopAt` accepts the
 * start of a new chunk (then `stoppedAt` is that start, and that chunk is not included).
 */
function splitAtBlankLines(text: string, from = 0, stopAt?: (start: number) => boolean): { chunks: ChunkSpan[]; stoppedAt?: number } {
  const chunks: ChunkSpan[] = [];
  let chunkStart = -1;
  let chunkEnd = -1;
  let fence: string | undefined;
  let inComment = false;
  let afterBlank = false;
  let pos = from;
  let lineNo = from === 0 ? 0 : 1;
  let frontMatter = from === 0 ? /^(---|\+\+\+)[ \t]*(\r\n|\r|\n)/.exec(text)?.[1] : undefined;

  while (pos < text.length) {
    let eol = pos;
    while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const line = text.slice(pos, eol);
    const next = eol < text.length ? (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1) : eol;
    const blank = BLANK.test(line);

    if (frontMatter !== undefined) {
      if (chunkStart < 0) chunkStart = pos;
      chunkEnd = eol;
      if (lineNo > 0 && (line.trimEnd() === frontMatter || (frontMatter === '---' && line.trimEnd() === '...'))) {
        chunks.push({ start: chunkStart, end: chunkEnd });
        chunkStart = -1;
        frontMatter = undefined;
        afterBlank = true;
      }
    } else if (fence !== undefined || inComment) {
      chunkEnd = eol;
      if (fence !== undefined) {
        const close = FENCE.exec(line);
        if (close && close[1][0] === fence[0] && close[1].length >= fence.length && BLANK.test(line.slice(close[0].length))) fence = undefined;
      } else if (line.includes('-->')) {
        inComment = false;
      }
    } else if (blank) {
      afterBlank = true;
    } else {
      const continues = chunkStart >= 0 && (!afterBlank || /^[ \t]/.test(line));
      if (!continues) {
        if (chunkStart >= 0) chunks.push({ start: chunkStart, end: chunkEnd });
        if (stopAt && chunks.length > 0 && stopAt(pos)) return { chunks, stoppedAt: pos };
        chunkStart = pos;
      }
      chunkEnd = eol;
      afterBlank = false;
      const open = FENCE.exec(line);
      if (open && !(open[1][0] === '`' && line.slice(open[0].length).includes('`'))) fence = open[1];
      else if (opensComment(line)) inComment = true;
    }
    pos = next;
    lineNo++;
  }
  if (chunkStart >= 0) chunks.push({ start: chunkStart, end: chunkEnd });
  return { chunks };
}

/**
 * Whether the line opens an HTML comment block that runs past it: only a line that starts
 * with "<!--" starts such a block. A comment opened mid-line is inline HTML, which a blank
 * line ends like the paragraph around it.
 */
function opensComment(line: string): boolean {
  if (!/^ {0,3}<!--/.test(line)) return false;
  return line.indexOf('-->', line.indexOf('<!--') + 4) < 0;
}
