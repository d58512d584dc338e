/** How checks name records in messages a writer reads. */
import { formatDate, shortTitle } from '../analysis/fixes';
import type { RecordSet } from '../records/recordSet';
import type { Claim } from '../records/types';

/** "Operation Citadel" for a program id. */
export function programName(records: RecordSet, id: string): string {
  return records.program(id)?.name ?? id;
}

/** Names several programs: "TCIU and Operation Citadel". */
export function programNames(records: RecordSet, ids: string[]): string {
  const names = ids.map((id) => programName(records, id));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const VERIFICATION_WORDS: Record<string, string> = {
  confirmed: 'confirmed',
  probable: 'probable match, quote not checked',
  candidate: 'candidate match only',
  unidentified: 'document not yet identified',
};

/** "GAO-18-618 (5 September 2018; probable match, quote not checked)". */
export function sourceLabel(records: RecordSet, id: string): string {
  const s = records.source(id);
  if (!s) return id;
  const details = [formatDate(s), VERIFICATION_WORDS[s.custom?.verification ?? ''] ?? undefined].filter(Boolean).join('; ');
  return details ? `“${shortTitle(s)}” (${details})` : `“${shortTitle(s)}”`;
}

/** Sources ranked for citing a claim about these programs: confirmed first, then by date. */
export function sourcesAbout(records: RecordSet, programs: string[]): string[] {
  const rank: Record<string, number> = { confirmed: 0, probable: 1, candidate: 2, unidentified: 3 };
  const ids = new Set<string>();
  for (const p of programs) for (const c of records.claimsAbout(p)) ids.add(c.source);
  return [...ids].sort((a, b) => (rank[records.source(a)?.custom?.verification ?? ''] ?? 4) - (rank[records.source(b)?.custom?.verification ?? ''] ?? 4));
}

/** Whether the claim's quote was checked against its source, said plainly. */
export function quoteStatus(claim: Claim): string {
  if (!claim.quote) return '';
  return claim.quoteVerified ? 'quote checked against the source' : 'quote not yet checked against the source';
}
