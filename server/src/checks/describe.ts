/** How checks name records in messages a writer reads. */
import { formatDate, shortTitle } from '../analysis/bibliography';
import { msg, type Locale } from '../l10n/messages';
import { checkedWords, sourceRank } from '../records/verification';
import type { RecordSet } from '../records/recordSet';
import type { Claim } from '../records/types';

/** "Operation Citadel" for a program id. */
export function programName(records: RecordSet, id: string): string {
  return records.program(id)?.name ?? id;
}

/** Names several programs: "TCIU and Operation Citadel". */
export function programNames(records: RecordSet, ids: string[], locale: Locale = 'en'): string {
  const names = ids.map((id) => programName(records, id));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')}${msg(locale, 'and')}${names[names.length - 1]}`;
}

/** "GAO-18-618 (5 September 2018; document identified, wording not checked)". */
export function sourceLabel(records: RecordSet, id: string, locale: Locale = 'en'): string {
  const s = records.source(id);
  if (!s) return id;
  const [open, close] = locale === 'es' ? ['«', '»'] : ['“', '”'];
  const details = [formatDate(s, locale), checkedWords(s, locale)].filter(Boolean).join('; ');
  return details ? `${open}${shortTitle(s)}${close} (${details})` : `${open}${shortTitle(s)}${close}`;
}

/** Sources ranked for citing a claim about these programs: the writer's own first, then the best verified (sourceRank). */
export function sourcesAbout(records: RecordSet, programs: string[]): string[] {
  const score = (id: string) => {
    const located = records.sources.get(id);
    const own = located && !located.origin.bundled ? -10 : 0;
    return own + sourceRank(located?.value);
  };
  const ids = new Set<string>();
  for (const p of programs) for (const c of records.claimsAbout(p)) ids.add(c.source);
  return [...ids].sort((a, b) => score(a) - score(b));
}

const MAX_NOTE = 240;

/** The records' own cautions on the claims a finding rests on (" The record notes: …"), or ''. */
export function recordNotes(claims: Claim[], locale: Locale = 'en'): string {
  const notes = [...new Set(claims.map((c) => c.note?.trim()).filter((n): n is string => !!n))];
  if (notes.length === 0) return '';
  const short = notes.map((n) => (n.length > MAX_NOTE ? `${n.slice(0, MAX_NOTE - 1).trimEnd()}…` : n));
  return msg(locale, 'finding.note', { note: short.join(' ') });
}

/** Whether the claim's quote was checked against its source, said plainly. */
export function quoteStatus(claim: Claim, locale: Locale = 'en'): string {
  if (!claim.quote) return '';
  return msg(locale, claim.quoteVerified ? 'quote.checked' : 'quote.unchecked');
}
