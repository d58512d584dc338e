/**
 * What was checked of a source, written once: the order sources are ranked in wherever one is
 * suggested or listed (messages, hover cards, completion), and the words for each status — short
 * in a message ("document identified, wording not checked"), a sentence in a hover card. Every
 * status is worded from the record's `custom.checked`, so that it is true of the record shown.
 */
import { msg, type Locale, type MessageId } from '../l10n/messages';
import type { Source } from './types';

const CHECKED_RANK: Readonly<Record<string, number>> = { wording: 0, figures: 1, document: 2, none: 4 };

/** Lower is better: wording checked, figures checked, document identified, not identified, no status; no source at all comes last. */
export function sourceRank(source: Source | undefined): number {
  if (!source) return 9;
  return CHECKED_RANK[source.custom?.checked ?? ''] ?? 5;
}

/** Whether the source's text was read elsewhere than at its own address (a faithful copy), or it has no address of its own. */
export function isCopy(source: Source): boolean {
  const seenAt = source.custom?.seenAt;
  return seenAt ? seenAt !== source.URL : !source.URL;
}

const KNOWN = new Set(['wording', 'document', 'figures', 'none']);

/** What was checked, in a few words for a message: "wording checked against a faithful copy"; none when the record says nothing. */
export function checkedWords(source: Source, locale: Locale = 'en'): string | undefined {
  const checked = source.custom?.checked;
  if (checked === 'wording' && isCopy(source)) return msg(locale, 'checked.wordingCopy');
  return checked && KNOWN.has(checked) ? msg(locale, `checked.${checked}` as MessageId) : undefined;
}

/** The site a copy was read on ("orinocotribune.com"); only a parsed host name, never other record text. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** What was checked, as a sentence for a hover card or a completion item. */
export function sourceStatus(source: Source, locale: Locale = 'en'): string {
  const checked = source.custom?.checked ?? '';
  if (checked === 'wording' && isCopy(source)) {
    const host = source.custom?.seenAt ? hostOf(source.custom.seenAt) : undefined;
    return msg(locale, 'hover.checked.wordingCopy', { site: host ? ` (${host})` : '' });
  }
  return msg(locale, KNOWN.has(checked) ? (`hover.checked.${checked}` as MessageId) : 'hover.status.none');
}
