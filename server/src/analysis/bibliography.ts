/**
 * How a source is written for a reader: its short name ("GAO-18-618"), its date, and the
 * one-line reference a footnote definition holds. Record text is escaped as it goes into
 * Markdown.
 */
import type { Source } from '../records/types';
import { sourceYear } from './attributions';
import { formatDateParts, type Locale } from '../l10n/messages';
import { MAX_QUOTED_CHARS, printable } from '../l10n/printable';

/** A short name for a source: its report number, or its title cut to a few words. */
export function shortTitle(source: Source): string {
  if (source.number) return source.number;
  const title = (source.title ?? source.id).replace(/^\[[^\]]*\]\s*/, '');
  return title.length > 60 ? title.slice(0, 57).replace(/\s+\S*$/, '') + '…' : title;
}

const references = new WeakMap<Source, string>();

/** formatReference, once per source record: every uncited claim's fixes ask for it again on every edit. */
export function referenceOf(source: Source): string {
  let text = references.get(source);
  if (text === undefined) {
    text = formatReference(source);
    references.set(source, text);
  }
  return text;
}

/** A one-line reference for a footnote definition: author, *title*, publisher, number, date, URL. */
export function formatReference(source: Source): string {
  const author = (source.author ?? []).map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' ')).filter(Boolean).join(', ');
  const parts = [
    author && escapeMarkdown(author),
    source.title && `*${escapeMarkdown(source.title)}*`,
    (source['container-title'] ?? source.publisher) && escapeMarkdown((source['container-title'] ?? source.publisher)!),
    source.number && escapeMarkdown(source.number),
    formatDate(source) && escapeMarkdown(formatDate(source)!),
  ].filter((p): p is string => !!p && p.length > 0);
  let text = parts.join(', ');
  const url = linkableUrl(source);
  if (url) text += `. <${url}>`;
  return text;
}

/** Record URLs longer than this are not written into a draft. */
export const MAX_URL_CHARS = 2048;

/**
 * The source's URL as it may go between `<` and `>` in a draft: http(s) only, at most
 * MAX_URL_CHARS, with brackets, spaces, controls and bidirectional overrides percent-encoded.
 */
export function linkableUrl(source: Source): string | undefined {
  const url = source.URL;
  if (!url || url.length > MAX_URL_CHARS || !/^https?:\/\//i.test(url)) return undefined;
  // eslint-disable-next-line no-control-regex
  return url.replace(/[<>\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g, encodeURIComponent);
}

/** "5 September 2018", "April 2019", "2016" (or in Spanish), or undefined when the record has no date. */
export function formatDate(source: Source, locale: Locale = 'en'): string | undefined {
  const parts = source.issued?.['date-parts']?.[0];
  if (!parts || parts.length === 0) return source.issued?.literal ?? source.issued?.raw;
  const numbers = parts.map(Number);
  if (!numbers.every((n) => Number.isFinite(n)) || numbers[1] > 12 || numbers[1] < 1) return String(sourceYear(source) ?? parts[0]);
  return formatDateParts(numbers, locale);
}

/**
 * Escapes characters that Markdown would read as markup, so record text stays text; on one
 * line, without control characters or bidirectional overrides, and cut to MAX_QUOTED_CHARS.
 */
export function escapeMarkdown(text: string): string {
  return printable(text, MAX_QUOTED_CHARS).replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`);
}

/**
 * Record text placed inside a sentence of the draft (a restored quotation): printable, and with
 * the characters escaped that would make inline markup of it (links, code, emphasis, HTML,
 * strike-through, table cells), so that the draft reads back exactly the record's words.
 */
export function escapeInline(text: string): string {
  return printable(text).replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`);
}
