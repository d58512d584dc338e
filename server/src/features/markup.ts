/**
 * Markdown built from record content, which is untrusted: a user's record file (or a
 * hostile one in a cloned repository) must not be able to inject HTML, links to
 * `command:` URIs, images or layout into a hover. Every record string goes through `text`,
 * every URL through `httpUrl`; lengths are capped.
 */

/** ASCII punctuation; CommonMark lets any of it be backslash-escaped, and then it is only text. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;
/** C0/C1 controls, and the bidi controls that can make text read differently from what it is. */
const CONTROLS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Cuts a string to `max` UTF-16 units on a code point boundary, marking the cut with "…". */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  let cut = max - 1;
  const c = value.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return value.slice(0, cut).trimEnd() + '…';
}

/** A record string on one line, without control characters: for plain-text fields (completion details). */
export function plainLine(value: unknown, max = 120): string {
  if (value === undefined || value === null) return '';
  return truncate(String(value).replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim(), max);
}

/** A record string as inert Markdown text on one line: every punctuation character escaped, controls dropped, length capped. */
export function text(value: unknown, max = 300): string {
  if (value === undefined || value === null) return '';
  return plainLine(value, max).replace(PUNCTUATION, (c) => `\\${c}`);
}

/** The URL if it is a well-formed http(s) URL, normalised; undefined for anything else (command:, javascript:, file:, data:…). */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) return undefined;
  // Inside <…> a destination may hold anything but <, > and line breaks; encode the rest of the risky characters too.
  return url.href.replace(/[<>()[\]\\\s"'`]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** A link to an http(s) URL with escaped text, or just the escaped text when the URL is not http(s). */
export function link(title: unknown, url: unknown, maxTitle = 200): string {
  const href = httpUrl(url);
  const label = text(title, maxTitle);
  if (!href) return label;
  return `[${label || text(href, 80)}](<${href}>)`;
}

/** A block quote of one record string. */
export function blockQuote(value: unknown, max: number): string {
  const body = text(value, max);
  return body ? `> ${body}` : '';
}

/** Joins card sections until the card would pass `max` characters, then says how many were left out. */
export function joinSections(sections: string[], max: number, leftOutNote: (n: number) => string): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (!s) continue;
    if (out.length > 0 && length + s.length + 2 > max) {
      const left = sections.slice(i).filter(Boolean).length;
      out.push(leftOutNote(left));
      break;
    }
    out.push(s);
    length += s.length + 2;
  }
  return out.join('\n\n');
}
