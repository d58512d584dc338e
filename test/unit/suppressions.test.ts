import { describe, expect, it } from 'vitest';
import { findSuppressions } from '../../server/src/analysis/suppressions';

/** The HTML comments of a text, as the chunk analysis hands them over. */
function comments(text: string) {
  return [...text.matchAll(/<!--[\s\S]*?-->/g)].map((m) => ({ value: m[0], start: m.index, end: m.index + m[0].length }));
}

/** The line holding an offset, found the slow and obvious way: [start, line break or end). */
function lineOf(text: string, at: number): { start: number; end: number } {
  let start = 0;
  for (const m of text.matchAll(/\r\n?|\n/g)) {
    const brk = m.index;
    if (brk >= at) return { start, end: brk };
    // A "\r\n" is one break for the line before it, but the "\n" is a line of its own for an offset on it.
    start = m[0] === '\r\n' && at === brk + 1 ? brk + 1 : brk + m[0].length;
    if (m[0] === '\r\n' && at === brk + 1) return { start, end: brk + 1 };
  }
  return { start, end: text.length };
}

describe('suppression comments cover the lines they name', () => {
  it('disable-line covers its own line, disable-next-line the next, with LF, CRLF and CR', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const lines = ['First line.', 'Second <!-- claimcheck-disable-line uncited-claim --> line.', '<!-- claimcheck-disable-next-line -->', 'Fourth line.', 'Fifth.'];
      const text = lines.join(eol);
      const found = findSuppressions(text, comments(text));
      const second = text.indexOf('Second');
      const fourth = text.indexOf('Fourth');
      expect(found).toHaveLength(2);
      expect(found[0]).toMatchObject({ codes: ['uncited-claim'], from: second, to: second + lines[1].length });
      expect(found[1]).toMatchObject({ codes: [], from: fourth, to: fourth + lines[3].length });
    }
  });

  it('a directive on the last line points past the end without going out of the text', () => {
    const text = 'Claim.\n<!-- claimcheck-disable-next-line -->';
    const [s] = findSuppressions(text, comments(text));
    expect(s.from).toBe(text.length);
    expect(s.to).toBe(text.length);
  });

  it('gives the same lines as a line-by-line reading, for many directives on long and short lines', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pieces = ['word ', 'x', '\n', '\r\n', '\r', '<!-- claimcheck-disable-line -->', '<!-- claimcheck-disable-next-line a -->', '<!-- claimcheck-disable b -->', '<!-- claimcheck-enable b -->'];
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 1 + rand(40) }, () => pieces[rand(pieces.length)]).join('');
      const expected: Array<{ from: number; to: number }> = [];
      const open: number[] = [];
      for (const c of comments(text)) {
        if (c.value.includes('disable-line')) expected.push({ from: lineOf(text, c.start).start, to: lineOf(text, c.end).end });
        else if (c.value.includes('disable-next-line')) {
          const end = lineOf(text, c.end).end;
          const next = end < text.length ? end + (text.startsWith('\r\n', end) ? 2 : 1) : text.length;
          expected.push({ from: next, to: lineOf(text, next).end });
        } else if (c.value.includes('disable b')) open.push(c.end);
        else for (const from of open.splice(0)) expected.push({ from, to: c.start }); // an enable closes every open disable of its code
      }
      for (const from of open) expected.push({ from, to: text.length });
      const found = findSuppressions(text, comments(text)).map(({ from, to }) => ({ from, to }));
      const byFrom = (a: { from: number; to: number }, b: { from: number; to: number }) => a.from - b.from || a.to - b.to;
      expect(found.sort(byFrom), JSON.stringify(text)).toEqual(expected.sort(byFrom));
    }
  });
});
