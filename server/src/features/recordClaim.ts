/**
 * "Record a claim from selection": the writer selects quoted words (in a source note, a
 * draft, anything), picks the program and the source, says the fact in one line, and the
 * claim is appended to `<workspace folder>/.claimcheck/claims.json` (created when missing)
 * as a WorkspaceEdit the editor applies. Once the records reload, the quote is one the
 * misquote check compares drafts against.
 *
 * Two requests: `claimcheck/recordChoices` (the programs and sources to pick from, those the
 * selection's sentence names or cites first) and `claimcheck/recordClaim` (the edit).
 */
import { join } from 'node:path';
import { msg, type Locale } from '../l10n/messages';
import type { CitationRef } from '../analysis/model';
import type { RecordSet } from '../records/recordSet';
import type { Claim } from '../records/types';
import { appendRecordEdit, type EditSupport } from './codeActions';
import { checkedWords } from '../records/verification';
import { plainLine } from './markup';
import { pathToUri } from './records';
import type { Choice, RecordChoices, RecordClaimParams, RecordClaimResult } from '../protocol';

const PAIRS: ReadonlyArray<[string, string]> = [
  ['“', '”'],
  ['"', '"'],
  ['«', '»'],
  ['„', '“'],
  ['‘', '’'],
  ["'", "'"],
  ['‹', '›'],
  ['»', '«'],
  ['「', '」'],
];
/** Opening marks, and closing ones (not ’ and ', which end words too: “the agents’”). */
const STRAY_OPENING = /^[“"«„‹「‘]+/u;
const STRAY_CLOSING = /[”"»›」]+$/u;

/** The quoted words of a selection: white space collapsed, surrounding quotation marks (paired, or a stray opening or closing one) removed. */
export function stripQuotationMarks(selection: string): string {
  // The sentence's punctuation after the closing mark often comes with the selection: “…”.
  let text = selection
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([”"»›」’'])[.,;:!?]+$/u, '$1');
  for (let changed = true; changed; ) {
    changed = false;
    for (const [open, close] of PAIRS) {
      if (text.length >= open.length + close.length && text.startsWith(open) && text.endsWith(close)) {
        text = text.slice(open.length, text.length - close.length).trim();
        changed = true;
      }
    }
  }
  return text.replace(STRAY_OPENING, '').replace(STRAY_CLOSING, '').trim();
}

/** A short id slug from the fact: its first words, lower case, without accents ("ice-trained-4600-police"). */
export function claimSlug(fact: string): string {
  const words = fact
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/(\d)[,.](?=\d{3}\b)/g, '$1')
    .match(/[a-z0-9]+/g);
  const slug = (words ?? []).slice(0, 6).join('-').slice(0, 60).replace(/-+$/, '');
  return slug || 'claim';
}

/** A source id as the first part of a claim id (which allows letters, digits and `._:/-`). */
function idPart(sourceId: string): string {
  return sourceId.replace(/[^A-Za-z0-9._:/-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'source';
}

function programDetail(records: RecordSet, id: string): string {
  const p = records.program(id);
  if (!p) return '';
  const agencies = p.agency.map((a) => records.program(a)?.name ?? a);
  return plainLine([p.kind, p.type, agencies.join(', '), p.country?.join(', ')].filter(Boolean).join(' · '), 160);
}

function sourceDetail(records: RecordSet, id: string, formatDate: (id: string) => string | undefined): string {
  const s = records.source(id);
  if (!s) return '';
  return plainLine([s.number, formatDate(id), s['container-title'] ?? s.publisher, checkedWords(s)].filter(Boolean).join(' · '), 160);
}

/** The choices for a claim: programs named in `sentence` and sources in `cited` first. */
export function recordChoices(
  records: RecordSet,
  sentence: string | undefined,
  cited: string[],
  formatDate: (id: string) => string | undefined,
  claimsFile: string | undefined,
): RecordChoices {
  const suggestedPrograms = [...new Set((sentence ? records.aliasIndex.findMentions(sentence) : []).map((m) => m.target))].filter((id) => records.program(id));
  const suggestedSources = [...new Set(cited)].filter((id) => records.source(id));
  const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label);
  const programs = [...records.programs.values()].map(({ value: p }) => ({ id: p.id, label: plainLine(p.name, 200), detail: programDetail(records, p.id) }));
  const own = (id: string) => records.sources.get(id)?.origin.bundled === false;
  const sources = [...records.sources.values()].map(({ value: s }) => ({ id: s.id, label: plainLine(s.title ?? s.id, 200), detail: sourceDetail(records, s.id, formatDate) }));
  const first = <T extends Choice>(list: T[], suggested: string[], rest: (a: T, b: T) => number) => {
    const rank = new Map(suggested.map((id, i) => [id, i]));
    return list.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || rest(a, b));
  };
  return {
    programs: first(programs, suggestedPrograms, byLabel),
    sources: first(sources, suggestedSources, (a, b) => Number(own(b.id)) - Number(own(a.id)) || byLabel(a, b)),
    suggestedPrograms,
    suggestedSources,
    claimsFile,
  };
}

/** Sources cited in a draft, nearest to `offset` first. */
export function citedNear(citations: CitationRef[], offset: number): string[] {
  const distance = (c: CitationRef) => (offset < c.start ? c.start - offset : offset > c.end ? offset - c.end : 0);
  return [...citations].sort((a, b) => distance(a) - distance(b)).flatMap((c) => c.sources);
}

/** The claims file of a workspace folder. */
export function claimsFilePath(folderPath: string): string {
  return join(folderPath, '.claimcheck', 'claims.json');
}

/** The claim a writer recorded, and the edit that appends it to the folder's claims file. */
export function recordClaimEdit(params: RecordClaimParams, records: RecordSet, folderPath: string | undefined, support: EditSupport, locale: Locale): RecordClaimResult {
  if (!folderPath) return { error: msg(locale, 'record.noFolder') };
  const program = String(params.program ?? '');
  const source = String(params.source ?? '');
  if (!records.program(program)) return { error: msg(locale, 'record.unknownProgram', { id: program }) };
  if (!records.source(source)) return { error: msg(locale, 'record.unknownSource', { id: source }) };
  const quote = stripQuotationMarks(String(params.quote ?? ''));
  if (!quote) return { error: msg(locale, 'record.emptyQuote') };
  const fact = String(params.fact ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!fact) return { error: msg(locale, 'record.emptyFact') };
  const path = claimsFilePath(folderPath);
  const entry = (id: string): Claim & Record<string, unknown> => ({ id, program, source, fact, quote, quoteVerified: true });
  const current = typeof params.claimsText === 'string' ? { text: params.claimsText, version: typeof params.claimsVersion === 'number' ? params.claimsVersion : null } : undefined;
  const result = appendRecordEdit(path, `${idPart(source)}/${claimSlug(fact)}`, entry, support, { current, taken: (id) => records.claims.has(id) });
  if (!result.ok) return { error: msg(locale, result.reason === 'not-array' ? 'record.badFile' : 'record.cannotWrite', { file: '.claimcheck/claims.json' }) };
  return { id: result.id, uri: pathToUri(path), claim: entry(result.id), edit: result.edit };
}
