/**
 * Suppression comments, in the manner of markdownlint:
 *   <!-- claimcheck-disable-next-line uncited-claim -- reason: quoted from our 2018 report -->
 *   <!-- claimcheck-disable-line misquote -->
 *   <!-- claimcheck-disable figure-mismatch --> … <!-- claimcheck-enable figure-mismatch -->
 * Without codes, a comment covers every code.
 */
import type { Suppression } from './model';

const DIRECTIVE = /<!--\s*claimcheck-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;

/** The suppressions that the document's HTML comments declare. */
export function findSuppressions(text: string, comments: Array<{ value: string; start: number; end: number }>): Suppression[] {
  const out: Suppression[] = [];
  const open: Array<{ codes: string[]; from: number; comment: { start: number; end: number }; reason?: string }> = [];
  for (const c of comments) {
    DIRECTIVE.lastIndex = 0;
    for (const m of c.value.matchAll(DIRECTIVE)) {
      const [body, reasonPart] = splitReason(m[2]);
      const codes = body.split(/[\s,]+/).filter(Boolean);
      const comment = { start: c.start + m.index, end: c.start + m.index + m[0].length };
      switch (m[1]) {
        case 'disable-next-line': {
          const lineEnd = nextLineBreak(text, comment.end);
          const nextStart = lineEnd < text.length ? lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1) : text.length;
          out.push({ codes, from: nextStart, to: nextLineBreak(text, nextStart), comment, reason: reasonPart });
          break;
        }
        case 'disable-line':
          out.push({ codes, from: lineStart(text, comment.start), to: nextLineBreak(text, comment.end), comment, reason: reasonPart });
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

function nextLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function lineStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}
