/**
 * Text from records, drafts and file names is untrusted when it is shown: in a terminal an escape
 * sequence sets the title or clears the screen, in a CI log a line beginning `::error` is a
 * workflow command, and a bidirectional override makes a line read differently from what it
 * holds. Everything Claim Check prints or puts in a message goes through `printable`.
 */

/** What a message quotes from record or draft text, at most, per placeholder. */
export const MAX_QUOTED_CHARS = 500;

// C0 and C1 controls (tab and line breaks included: they are replaced by spaces below), DEL,
// and the bidirectional embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).
const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` on one line with no control or bidirectional-override character: line breaks and tabs
 * become spaces, the rest are dropped. With `max`, cut to at most `max` characters (plus "…"),
 * never inside a surrogate pair.
 */
export function printable(text: string, max?: number): string {
  let out = text;
  if (max !== undefined && out.length > max * 2) out = out.slice(0, max * 2);
  out = out.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROLS, '');
  if (max !== undefined && out.length > max) {
    let cut = max;
    const code = out.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    out = out.slice(0, cut) + '…';
  }
  return out;
}
