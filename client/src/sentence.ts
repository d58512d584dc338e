/** Text helpers of the client's commands; no VS Code API, so that tests can run them. */

/** The sentence around a selection, as plain text (citations, links and emphasis markers removed): the fact's first draft. */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 2000), start);
  let from = 0;
  for (const m of before.matchAll(/[.!?][”"’»)\]]*\s+(?=[“"«([*_]*\p{Lu})|\n[ \t]*\n|^[ \t]*(?:#+|>|[-*+]|\d+[.)])[ \t]+/gmu)) from = m.index + m[0].length;
  // A selection that ends its sentence ("…organizations.”") is not extended into the next.
  const after = /[.!?][”"’»)]*\s*$/u.test(text.slice(start, end)) ? '' : text.slice(end, end + 2000);
  const stop = /[.!?][”"’»)]*(?=\s|$)|\n[ \t]*\n/u.exec(after);
  const sentence = before.slice(from) + text.slice(start, end) + (stop ? after.slice(0, stop.index + (stop[0].startsWith('\n') ? 0 : stop[0].length)) : after);
  return sentence
    .replace(/\[\^[^\]]*\]/g, '')
    .replace(/\s*\[@[^\]]*\]/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<https?:[^>]*>/g, '')
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 400);
}
