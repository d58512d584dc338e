/**
 * Suppression comments, in the manner of markdownlint:
 *   <!-- claimcheck-disable-next-line uncited-claim -- reason: quoted from our 2018 report -->
 *   <!-- claimcheck-disable-line misquote -->
 *   <!-- claimcheck-disable figure-mismatch --> … <!-- claimcheck-enable figure-mismatch -->
 * Without codes, a comment covers every code.
 */
import { Intervals } from './intervals';
import { lowerBound } from '../sorted';
import type { Finding, Suppression } from './model';

const DIRECTIVE = /<!--\s*claimcheck-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;

/** The suppressions that the document's HTML comments declare. */
export function findSuppressions(text: string, comments: Array<{ value: string; start: number; end: number }>): Suppression[] {
  const out: Suppression[] = [];
  const lines = new LineBreaks(text);
  const open: Array<{ codes: string[]; from: number; comment: { start: number; end: number }; reason?: string }> = [];
  for (const c of comments) {
    DIRECTIVE.lastIndex = 0;
    for (const m of c.value.matchAll(DIRECTIVE)) {
      const [body, reasonPart] = splitReason(m[2]);
      const codes = body.split(/[\s,]+/).filter(Boolean);
      const comment = { start: c.start + m.index, end: c.start + m.index + m[0].length };
      switch (m[1]) {
        case 'disable-next-line': {
          const lineEnd = lines.next(comment.end);
          const nextStart = lineEnd < text.length ? lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1) : text.length;
          out.push({ codes, from: nextStart, to: lines.next(nextStart), comment, reason: reasonPart });
          break;
        }
        case 'disable-line':
          out.push({ codes, from: lines.start(comment.start), to: lines.next(comment.end), comment, reason: reasonPart });
          break;
        case 'disable':
          open.push({ codes, from: comment.end, comment, reason: reasonPart });
          break;
        case 'enable':
          for (let i = open.length - 1; i >= 0; i--) {
            const o = open[i];
            if (codes.length === 0 || o.codes.length === 0 || o.codes.some((code) => codes.includes(code))) {
              out.push({ ...o, to: comment.start });
              open.splice(i, 1);
            }
          }
          break;
      }
    }
  }
  for (const o of open) out.push({ ...o, to: text.length });
  return out.sort((a, b) => a.from - b.from);
}

function splitReason(s: string): [string, string | undefined] {
  const m = /\s--\s*(?:reason:)?\s*([\s\S]*?)\s*$/.exec(s);
  if (!m) return [s, undefined];
  return [s.slice(0, m.index), m[1] || undefined];
}

/**
 * The lines that directives sit on and point at, each found once by scanning out from the
 * offset asked about (most documents have no directive, and those that have them should not
 * pay for every line of a long draft on each keystroke), then looked up by binary search:
 * many directives on one long line must not rescan it each time. Lines are held sorted and
 * disjoint; comments come in document order, so a new line is almost always the last.
 */
class LineBreaks {
  /** Known lines: `start` is the line's first offset, `end` its line break (or the text's length). */
  private readonly lines: Array<{ start: number; end: number }> = [];

  constructor(private readonly text: string) {}

  /** The offset of the first line break at or after `from`, or the text's length. */
  next(from: number): number {
    return this.line(from).end;
  }

  /** The offset where the line holding `at` starts. */
  start(at: number): number {
    return this.line(at).start;
  }

  private line(at: number): { start: number; end: number } {
    const lines = this.lines;
    const i = lowerBound(lines.length, (k) => lines[k].end < at);
    if (i < lines.length && lines[i].start <= at) return lines[i];
    const text = this.text;
    const isBreak = (k: number) => {
      const c = text.charCodeAt(k);
      return c === 10 || c === 13;
    };
    let start = at;
    while (start > 0 && !isBreak(start - 1)) start--;
    let end = at;
    while (end < text.length && !isBreak(end)) end++;
    const found = { start, end };
    lines.splice(i, 0, found);
    return found;
  }
}

/** Whether a suppression covers a finding: its start lies in [from, to] of one that names its code or no code. */
export function suppressionIndex(suppressions: Suppression[]): (f: Finding) => boolean {
  if (suppressions.length === 0) return () => false;
  const byCode = new Map<string, Array<{ start: number; end: number }>>();
  for (const s of suppressions) {
    for (const code of s.codes.length === 0 ? [ANY_CODE] : s.codes) {
      let spans = byCode.get(code);
      if (!spans) byCode.set(code, (spans = []));
      spans.push({ start: s.from, end: s.to + 1 });
    }
  }
  const index = new Map([...byCode].map(([code, spans]) => [code, new Intervals(spans)]));
  return (f) => !!(index.get(ANY_CODE)?.contains(f.start) || index.get(f.code)?.contains(f.start));
}
const ANY_CODE = '*';
