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
  const chunks = splitAtBlankLines(text);
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

function splitAtBlankLines(text: string): ChunkSpan[] {
  const chunks: ChunkSpan[] = [];
  let chunkStart = -1;
  let chunkEnd = -1;
  let fence: string | undefined;
  let inComment = false;
  let afterBlank = false;
  let pos = 0;
  let lineNo = 0;
  let frontMatter = /^(---|\+\+\+)[ \t]*(\r\n|\r|\n)/.exec(text)?.[1];

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
  return chunks;
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
