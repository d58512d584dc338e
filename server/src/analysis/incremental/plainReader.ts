/**
 * The plain-chunk reader: the prose of a plain chunk without remark, the same units that
 * prose.ts's remark walk makes of it.
 */
import { finishUnit, UnitText, type ChunkProse, type ProseUnit, type RawCitation, type UnitKind } from '../prose';

// Most chunks of a draft are a paragraph, a list, a heading, a table, a block quote or a
// footnote definition of plain sentences. For those, the tree remark builds is predictable: a
// paragraph per line group or item (a cell per table cell), holding text nodes whose values
// are the source lines with the white space (and block-quote markers) at their edges removed,
// and links. simpleProse builds the same units directly, at a fraction of the
// cost, and returns undefined (remark decides) for anything else. It accepts a chunk only when
// nothing in it can be other markup:
// - outside the links it accepts (an inline link `[label](destination)` with a plain one-line
//   label and a plain destination, and an autolink `<https://…>`), no character that starts
//   inline markup or changes text: * _ ` \ < & | ~ (emphasis, code, escapes, HTML, character
//   references, tables, strikethrough), no `![` or `](`, no GFM autolink literal (www., ://,
//   mailto:, xmpp:, an e-mail address) and no control character;
// - every line has one of these shapes, and the chunk one of these forms:
//   · a paragraph: lines that start (after their indentation, at most three spaces on the
//     first line) with a letter, a digit, an opening quote or parenthesis, "$", or "[" in a
//     chunk without "]:" (which a definition needs, its label possibly over several lines);
//     not the first line with a list marker
//     ("1.", "2019)"), and no other with one that may interrupt a paragraph ("1."); no line
//     but the last ends in two or more white-space characters (a hard line break);
//   · a single ATX heading line with no "#" in its text;
//   · a single footnote definition line "[^label]: text" (chunks.ts gives each line of a
//     run of definitions its own chunk);
//   · list items only, one per line ("- text", "1. text"), whose nesting and numbering
//     leave no line to be read as the previous item's lazy continuation;
//   · a block quote of one paragraph, every line starting with ">" (and one space);
//   · a GFM table whose lines all start with "|", its header cells not empty;
//   · any of the above, or nothing, after one HTML comment line "<!-- … -->";
//   · a fenced code block closed on the chunk's last line (no prose at all).
// Brackets are allowed in text otherwise: with no definition in the chunk, "[^1]", "[@key]"
// and "[text]" are text to remark, as they are here (a footnote definition's text may not
// hold "[^", which its own label would resolve).
// test/unit/incremental.test.ts compares the shortcut with remark on generated drafts and on
// random chunks.

// Control characters are refused on purpose: remark treats some of them specially.
// eslint-disable-next-line no-control-regex
const NOT_SIMPLE = /[*_`\\<&|~\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|!\[|\]\(|www\.|:\/\/|mailto:|xmpp:|[\w.+-]@/i;
const LINE_START = /^[\p{L}\p{N}“”‘’"'(¿¡«»„$]/u;
const LIST_ITEM = /^\d{1,9}[.)](?:[ \t]|$)/;
// Within a paragraph only an ordered item numbered 1 starts a list; "2016." goes on the paragraph.
const INTERRUPTING_ITEM = /^0*1[.)](?:[ \t]|$)/;
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const ATX = /^( {0,3})(#{1,6})([ \t]+)([^#\r\n]*?)[ \t]*$/;
const LINE_BREAK = /\r\n|\r|\n/g;
// An inline link with a one-line label free of brackets and a plain destination, no title.
const INLINE_LINK = /\[([^[\]\r\n^][^[\]\r\n]*)\]\(([^\s()<>\\&"'`]+)\)/g;
const AUTOLINK = /<(https?:\/\/[^\s<>\\&"'`]*)>/g;
const FOOTNOTE_DEFINITION = /^\[\^([\p{L}\p{N}_.-]{1,100})\]: (?=\S)/u;
const ITEM = /^( *)(-|\+|(\d{1,9})([.)])) (?=\S)/;
const EDGE_SPACE = /[ \t]*(\r\n|\r|\n)[ \t]*/g;
const EDGE_SPACE_QUOTE = /[ \t]*(\r\n|\r|\n)>?[ \t]*/g;
// The indentation (and a block quote's ">") that closes a run of text after its last line ending.
const INDENT_AFTER_EOL = /(?<=[\r\n])[ \t]+$/;
const INDENT_AFTER_EOL_QUOTE = /(?<=[\r\n])>?[ \t]*$/;
const QUOTE_LINE = /^> ?(?=\S)/;
const TABLE_DELIMITER = /^\|(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*:?-+:?[ \t]*\|?[ \t]*$/;

interface SimpleLink {
  start: number;
  end: number;
  labelStart: number;
  labelEnd: number;
  url: string;
}

interface Line {
  /** Offsets of the line, without its line ending. */
  start: number;
  end: number;
}

/** The prose of a plain chunk (see above), or undefined to let remark read it. */
export function simpleProse(chunk: string): ChunkProse | undefined {
  const lines = splitLines(chunk);
  if (isFencedCode(chunk, lines)) return { units: [], footnotes: [], comments: [], definitions: [] };
  // One HTML comment line first: remark's HTML block ends on the line that closes the comment.
  let commentEnd = 0;
  if (chunk.startsWith('<!--') && !/^<!---?>/.test(chunk)) {
    const close = chunk.indexOf('-->', 4);
    if (close < 0 || close >= lines[0].end) return undefined;
    commentEnd = lines[0].end;
  }
  // Accept the links, and check the rest of the chunk with them (and the comment) blanked out.
  const links: SimpleLink[] = [];
  let masked = commentEnd > 0 ? ' '.repeat(commentEnd) + chunk.slice(commentEnd) : chunk;
  if (chunk.includes('](') || chunk.includes('<')) {
    const parts: string[] = [];
    let last = 0;
    const found: SimpleLink[] = [];
    for (const m of chunk.matchAll(INLINE_LINK)) {
      const labelStart = m.index + 1;
      const labelEnd = labelStart + m[1].length;
      found.push({ start: m.index, end: m.index + m[0].length, labelStart, labelEnd, url: m[2] });
    }
    for (const m of chunk.matchAll(AUTOLINK)) found.push({ start: m.index, end: m.index + m[0].length, labelStart: m.index + 1, labelEnd: m.index + m[0].length - 1, url: m[1] });
    found.sort((a, b) => a.start - b.start);
    for (const l of found) {
      // Overlapping candidates, or "@[…](…)", which buildUnit keeps as text: let remark decide.
      if (l.start < Math.max(last, commentEnd) || chunk[l.start - 1] === '@') return undefined;
      const keep = chunk[l.start] === '[' ? l.labelEnd : l.start;
      parts.push(masked.slice(last, keep), ' '.repeat(l.end - keep));
      last = l.end;
      links.push(l);
    }
    parts.push(masked.slice(last));
    masked = parts.join('');
  }
  // A table's pipes are its cell boundaries, not text.
  const table = lines.length >= 2 && chunk.startsWith('|') && TABLE_DELIMITER.test(chunk.slice(lines[1].start, lines[1].end));
  if (NOT_SIMPLE.test(table ? masked.replace(/\|/g, ' ') : masked)) return undefined;

  const out: ChunkProse = { units: [], footnotes: [], comments: [], definitions: [] };
  if (table) return tableUnits(chunk, lines, links, out);
  let first = 0;
  if (commentEnd > 0) {
    out.comments.push({ value: chunk.slice(0, commentEnd), start: 0, end: commentEnd });
    first = 1;
    if (lines.length === 1) return out;
  }
  const rest = lines.slice(first);
  // Text may start with "[" where no definition can start: a definition needs "]:" (and a task list item "[ ]").
  // (A definition's label may run over several lines: any "]:" in the chunk will do.)
  const mayDefine = chunk.includes(']:');
  const startsText = (content: string) => LINE_START.test(content) || (content.startsWith('[') && !mayDefine && !/^\[[ xX]\]/.test(content));

  if (rest.length === 1) {
    const line = rest[0];
    const text = chunk.slice(line.start, line.end);
    const heading = ATX.exec(text);
    if (heading) {
      const [, indent, hashes, space, content] = heading;
      const cs = line.start + indent.length + hashes.length + space.length;
      if (content.length === 0 || !startsText(content)) return undefined;
      out.units.push(simpleUnit(chunk, links, 'heading', line.start + indent.length, line.end, cs, cs + content.length, undefined));
      return out;
    }
    const definition = FOOTNOTE_DEFINITION.exec(text);
    if (definition && first === 0) {
      const cs = line.start + definition[0].length;
      const ce = line.start + text.replace(/[ \t]+$/, '').length;
      // The definition's own label is defined here: a "[^label]" in its text would be a reference.
      const content = text.slice(definition[0].length);
      if (!startsText(content) || LIST_ITEM.test(content) || content.includes('[^')) return undefined;
      const label = definition[1];
      const unit = simpleUnit(chunk, links, 'paragraph', cs, line.end, cs, ce, label);
      out.units.push(unit);
      out.footnotes.push({
        label,
        start: line.start,
        end: line.end,
        contentStart: cs,
        urls: links.map((l) => l.url),
        keys: unit.citations.filter((c) => c.kind === 'pandoc').flatMap((c) => c.keys),
        text: unit.text,
      });
      return out;
    }
  }
  if (ITEM.test(chunk.slice(rest[0].start, rest[0].end))) return listUnits(chunk, rest, out, first > 0, startsText, (cs, end, ce) => simpleUnit(chunk, links, 'paragraph', cs, end, cs, ce, undefined));

  if (chunk.startsWith('>', rest[0].start)) return quoteUnits(chunk, rest, links, out, startsText);

  // A paragraph.
  let cs = -1;
  let ce = -1;
  for (const [i, line] of rest.entries()) {
    const text = chunk.slice(line.start, line.end);
    const body = text.replace(/^[ \t]+/, '');
    const indent = text.length - body.length;
    if (i === 0 && (indent > 3 || text.slice(0, indent).includes('\t'))) return undefined;
    if (!startsText(body) || (i === 0 ? LIST_ITEM : INTERRUPTING_ITEM).test(body)) return undefined;
    const trimmed = body.replace(/[ \t]+$/, '');
    if (i < rest.length - 1 && body.length - trimmed.length >= 2) return undefined;
    if (cs < 0) cs = line.start + indent;
    ce = line.start + indent + trimmed.length;
  }
  out.units.push(simpleUnit(chunk, links, 'paragraph', cs, chunk.length, cs, ce, undefined));
  return out;
}

/** A chunk that is one fenced code block, closed on its last line: no prose at all. */
function isFencedCode(chunk: string, lines: Line[]): boolean {
  const open = FENCE_OPEN.exec(chunk.slice(lines[0].start, lines[0].end));
  if (!open || lines.length < 2 || (open[1][0] === '`' && open[2].includes('`'))) return false;
  for (let i = 1; i < lines.length; i++) {
    const close = FENCE_CLOSE.exec(chunk.slice(lines[i].start, lines[i].end));
    if (close && close[1][0] === open[1][0] && close[1].length >= open[1].length) return i === lines.length - 1;
  }
  return false;
}

function splitLines(chunk: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  LINE_BREAK.lastIndex = 0;
  for (;;) {
    const m = LINE_BREAK.exec(chunk);
    if (!m) {
      lines.push({ start: pos, end: chunk.length });
      return lines;
    }
    lines.push({ start: pos, end: m.index });
    pos = m.index + m[0].length;
  }
}

/**
 * List items, one per line. Nesting follows the items' columns; a line must be an item of
 * its own (a list that starts with a number other than 1 cannot interrupt the previous
 * item's paragraph, which would then take the line as lazy continuation).
 */
function listUnits(
  chunk: string,
  lines: Line[],
  out: ChunkProse,
  afterComment: boolean,
  startsText: (content: string) => boolean,
  unit: (cs: number, end: number, ce: number) => ProseUnit,
): ChunkProse | undefined {
  const open: Array<{ contentCol: number; type: string }> = [];
  for (const [i, line] of lines.entries()) {
    const text = chunk.slice(line.start, line.end);
    const m = ITEM.exec(text);
    if (!m) return undefined;
    const indent = m[1].length;
    const type = m[4] ? `1${m[4]}` : m[2];
    const contentCol = m[0].length;
    const content = text.slice(contentCol);
    const cs = line.start + contentCol;
    if (!startsText(content) || LIST_ITEM.test(content)) return undefined;
    let sibling: { type: string } | undefined;
    while (open.length > 0 && indent < open[open.length - 1].contentCol) sibling = open.pop();
    const parent = open[open.length - 1];
    if (parent ? indent - parent.contentCol > 3 : indent > 3) return undefined;
    const continues = sibling !== undefined && sibling.type === type;
    const interrupts = i > 0 || afterComment;
    if (!continues && interrupts && m[3] !== undefined && Number(m[3]) !== 1) return undefined;
    open.push({ contentCol, type });
    out.units.push(unit(cs, line.end, line.start + text.replace(/[ \t]+$/, '').length));
  }
  return out;
}

/**
 * A block quote of one paragraph: every line starts with ">" and one optional space, then
 * text, as a paragraph's lines (remark strips the markers with the indentation).
 */
function quoteUnits(chunk: string, lines: Line[], links: SimpleLink[], out: ChunkProse, startsText: (content: string) => boolean): ChunkProse | undefined {
  let cs = -1;
  let ce = -1;
  for (const [i, line] of lines.entries()) {
    const text = chunk.slice(line.start, line.end);
    const marker = QUOTE_LINE.exec(text);
    if (!marker) return undefined;
    const body = text.slice(marker[0].length);
    if (!startsText(body) || (i === 0 ? LIST_ITEM : INTERRUPTING_ITEM).test(body)) return undefined;
    const trimmed = body.replace(/[ \t]+$/, '');
    if (i < lines.length - 1 && body.length - trimmed.length >= 2) return undefined;
    if (cs < 0) cs = line.start + marker[0].length;
    ce = line.start + marker[0].length + trimmed.length;
  }
  out.units.push(simpleUnit(chunk, links, 'paragraph', cs, chunk.length, cs, ce, undefined, true));
  return out;
}

/**
 * A GFM table whose every line starts with "|": a header row, a delimiter row with as many
 * cells, body rows. A cell runs from its opening pipe to the next (the last one to the end of
 * the line); its text is what lies between the pipes, trimmed.
 */
function tableUnits(chunk: string, lines: Line[], links: SimpleLink[], out: ChunkProse): ChunkProse | undefined {
  const cellsOf = (line: Line) => {
    const pipes: number[] = [];
    for (let k = line.start; k < line.end; k++) if (chunk.charCodeAt(k) === 124 /* | */) pipes.push(k);
    const trailing = /^[ \t]*$/.test(chunk.slice(pipes[pipes.length - 1] + 1, line.end)) && pipes.length > 1;
    const count = trailing ? pipes.length - 1 : pipes.length;
    const cells: Array<{ start: number; end: number; cs: number; ce: number }> = [];
    for (let j = 0; j < count; j++) {
      const innerEnd = j + 1 < pipes.length ? pipes[j + 1] : line.end;
      const inner = chunk.slice(pipes[j] + 1, innerEnd);
      const cs = pipes[j] + 1 + /^[ \t]*/.exec(inner)![0].length;
      const ce = Math.max(cs, pipes[j] + 1 + inner.replace(/[ \t]+$/, '').length);
      cells.push({ start: pipes[j], end: j + 1 < count ? pipes[j + 1] : line.end, cs, ce });
    }
    return cells;
  };
  const delimiterCells = chunk.slice(lines[1].start, lines[1].end).replace(/^\||\|[ \t]*$/g, '').split('|').length;
  for (const [i, line] of lines.entries()) {
    if (!chunk.startsWith('|', line.start)) return undefined;
    if (i === 1) continue;
    const cells = cellsOf(line);
    if (i === 0 && (cells.length !== delimiterCells || cells.some((c) => c.ce === c.cs))) return undefined;
    for (const c of cells) {
      if (links.some((l) => l.start < c.ce && l.end > c.cs && (l.start < c.cs || l.end > c.ce))) return undefined;
      out.units.push(simpleUnit(chunk, links, 'tableCell', c.start, c.end, c.cs, c.ce, undefined));
    }
  }
  return out;
}

/** A unit from source [cs, ce) of plain text and accepted links, as buildUnit makes it from remark's nodes. */
function simpleUnit(
  chunk: string,
  allLinks: SimpleLink[],
  kind: UnitKind,
  start: number,
  end: number,
  cs: number,
  ce: number,
  footnoteLabel: string | undefined,
  inBlockquote = false,
): ProseUnit {
  // In a block quote the ">" that starts a line goes with the indentation.
  const edge = inBlockquote ? EDGE_SPACE_QUOTE : EDGE_SPACE;
  const indentAfterEol = inBlockquote ? INDENT_AFTER_EOL_QUOTE : INDENT_AFTER_EOL;
  const built = new UnitText(chunk);
  const citations: RawCitation[] = [];
  const append = (value: string, srcStart: number, srcEnd: number) => built.append(value, srcStart, srcEnd);
  // A text node between links: the white space at the edges of its lines is not its text, and
  // its position leaves out what it drops next to a line ending (as remark places it).
  const run = (from: number, to: number) => {
    const raw = chunk.slice(from, to);
    const lead = /^[ \t]+(?=[\r\n])/.exec(raw)?.[0].length ?? 0;
    const trail = indentAfterEol.exec(raw)?.[0].length ?? 0;
    append(raw.replace(edge, '$1'), from + lead, to - trail);
  };
  let pos = cs;
  for (const l of allLinks) {
    if (l.start < cs || l.end > ce) continue;
    if (l.start > pos) run(pos, l.start);
    citations.push({ kind: 'link', key: l.url, keys: [l.url], start: l.start, end: l.end });
    const label = chunk.slice(l.labelStart, l.labelEnd);
    if (label === l.url || /^(https?:|mailto:|www\.)/i.test(label)) append(' ', l.start, l.end);
    else append(label, l.labelStart, l.labelEnd);
    pos = l.end;
  }
  if (ce > pos) run(pos, ce);
  return finishUnit({ kind, text: built.text, start, end, inBlockquote, footnoteLabel, citations, comments: [], segments: built.segments });
}
