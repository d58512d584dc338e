/**
 * How far a source is verified, written once: the order sources are ranked in wherever one
 * is suggested or listed (messages, hover cards, completion), and the words for each status —
 * short in a message ("probable match, quote not checked"), a sentence in a hover card.
 */
import { msg, type Locale, type MessageId } from '../l10n/messages';
import type { Source, Verification } from './types';

/** Best first. */
const ORDER: readonly Verification[] = ['confirmed', 'probable', 'candidate', 'unidentified'];

/**
 * Lower is better: confirmed and checked against the document, confirmed, probable,
 * candidate, unidentified, no status recorded; no source at all comes last.
 */
export function sourceRank(source: Source | undefined): number {
  if (!source) return 9;
  const v = source.custom?.verification;
  if (v === 'confirmed' && source.custom?.documentConfirmed) return 0;
  const i = v ? ORDER.indexOf(v) : -1;
  return i < 0 ? 5 : i + 1;
}

/** The status in a few words, for a message; none when the source records none. */
export function verificationWords(source: Source, locale: Locale = 'en'): string | undefined {
  const v = source.custom?.verification;
  return v && ORDER.includes(v) ? msg(locale, `verification.${v}` as MessageId) : undefined;
}

const STATUS: Readonly<Record<Verification, MessageId>> = {
  confirmed: 'hover.status.confirmed',
  probable: 'hover.status.probable',
  candidate: 'hover.status.candidate',
  unidentified: 'hover.status.unidentified',
};

/** The status as a sentence, for a hover card or a completion item. */
export function sourceStatus(source: Source, locale: Locale = 'en'): string {
  const c = source.custom;
  if (c?.verification === 'confirmed' && c.documentConfirmed) return msg(locale, 'hover.status.confirmedChecked');
  const id = c?.verification ? STATUS[c.verification] : undefined;
  return msg(locale, id ?? 'hover.status.none');
}
