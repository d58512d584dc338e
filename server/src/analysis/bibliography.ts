/**
 * How a source is written for a reader: its short name ("GAO-18-618"), its date, and the
 * one-line reference a footnote definition holds. Record text is escaped as it goes into
 * Markdown.
 */
import type { Source } from '../records/types';
import { sourceYear } from './attributions';
import { formatDateParts, type Locale } from '../l10n/messages';

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
    formatDate(source),
  ].filter((p): p is string => !!p && p.length > 0);
  let text = parts.join(', ');
  if (source.URL && /^https?:\/\//i.test(source.URL)) text += `. <${source.URL.replace(/[<>\s]/g, encodeURIComponent)}>`;
  return text.replace(/\r?\n|\r/g, ' ');
}

/** "5 September 2018", "April 2019", "2016" (or in Spanish), or undefined when the record has no date. */
export function formatDate(source: Source, locale: Locale = 'en'): string | undefined {
  const parts = source.issued?.['date-parts']?.[0];
  if (!parts || parts.length === 0) return source.issued?.literal ?? source.issued?.raw;
  const numbers = parts.map(Number);
  if (!numbers.every((n) => Number.isFinite(n)) || numbers[1] > 12 || numbers[1] < 1) return String(sourceYear(source) ?? parts[0]);
  return formatDateParts(numbers, locale);
}

/** Escapes characters that Markdown would read as markup, so record text stays text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, ' ');
}
