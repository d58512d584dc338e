/**
 * Hover cards: on a program mention, what the records say about the program and which
 * sources say it; on a citation, footnote definition or attribution, the source behind it.
 * Record strings are untrusted and go through markup.ts; no HTML, no command links.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatDate, shortTitle } from '../analysis/fixes';
import type { AttributionRef, CitationRef, DocumentAnalysis, FootnoteDefinition, MentionRef } from '../analysis/model';
import type { RecordSet } from '../records/recordSet';
import type { Claim, Located, Program, Source } from '../records/types';
import { toRange } from '../positions';
import { blockQuote, joinSections, link, text } from './markup';

export const MAX_CARD = 6000;
const MAX_QUOTE = 600;
const MAX_SOURCES = 5;
const MAX_CLAIMS_PER_SOURCE = 3;

export interface HoverContext {
  doc: TextDocument;
  text: string;
  analysis: DocumentAnalysis;
  records: RecordSet;
  /** A record file's path as shown to the writer (relative to the workspace folder). */
  displayPath(file: string): string;
}

const within = (offset: number) => (s: { start: number; end: number }) => s.start <= offset && offset <= s.end;

/** The hover at `offset`: a citation first (it is the more specific), then a mention, an attribution, a footnote definition. */
export function hoverAt(ctx: HoverContext, offset: number): Hover | null {
  const { analysis } = ctx;
  const citation = analysis.citations.find(within(offset));
  if (citation) return card(ctx, citation, citationCard(ctx, citation));
  const mention = analysis.mentions.find((m) => m.start <= offset && offset < m.end) ?? analysis.mentions.find(within(offset));
  if (mention) {
    const body = programCard(ctx, mention);
    return body ? card(ctx, mention, body) : null;
  }
  const attribution = analysis.attributions.find(within(offset));
  if (attribution && attribution.sources.length > 0) return card(ctx, attribution, attributionCard(ctx, attribution));
  const definition = analysis.footnotes.find((f) => f.start <= offset && offset <= f.end);
  if (definition) return card(ctx, { start: definition.start, end: definition.contentStart }, definitionCard(ctx, definition));
  return null;
}

function card(ctx: HoverContext, span: { start: number; end: number }, value: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(ctx.doc, span) };
}

const VERIFICATION_RANK: Record<string, number> = { confirmed: 1, probable: 2, candidate: 3, unidentified: 4 };

/** Lower is better: confirmed and checked, confirmed, probable, candidate, unidentified, unknown. */
export function sourceRank(source: Source | undefined): number {
  if (!source) return 9;
  const v = source.custom?.verification;
  if (v === 'confirmed' && source.custom?.documentConfirmed) return 0;
  return v ? (VERIFICATION_RANK[v] ?? 5) : 5;
}

/** The verification status of a source in plain words. */
export function sourceStatus(source: Source): string {
  const c = source.custom;
  switch (c?.verification) {
    case 'confirmed':
      return c.documentConfirmed ? 'Source confirmed; its facts and quotes were checked against the document.' : 'Source identified; its facts were not all checked against the document.';
    case 'probable':
      return 'Probable source (right author, venue and year); its wording is not verified.';
    case 'candidate':
      return 'Candidate source (a weak match); not verified.';
    case 'unidentified':
      return 'Source not identified: this record is a placeholder.';
    default:
      return 'No verification recorded for this source.';
  }
}

function quoteStatus(claim: Claim): string {
  if (!claim.quote) return '';
  return claim.quoteVerified === true ? 'Quote checked against the source.' : 'Quote not yet checked against the source.';
}

function recordNote(ctx: HoverContext, entry: Located<unknown> | undefined, what: string): string {
  if (!entry || entry.origin.bundled) return '';
  return `${what} from ${text(ctx.displayPath(entry.origin.file), 200)}, line ${entry.origin.line + 1}.`;
}

function sourceHeading(source: Source): string {
  const title = link(source.title ?? shortTitle(source), source.URL);
  const details = [formatDate(source), source.number !== undefined && source.title ? source.number : undefined, source['container-title'] ?? source.publisher]
    .filter((d): d is string => typeof d === 'string' && d.length > 0)
    .map((d) => text(d, 120));
  return [`**${title}**`, ...details].join(' · ');
}

function claimLines(ctx: HoverContext, claim: Claim): string[] {
  const out = [text(claim.fact, 500)];
  if (claim.quote) out.push(blockQuote(claim.quote, MAX_QUOTE));
  const notes = [quoteStatus(claim), claim.locator ? `At ${text(claim.locator, 60)}.` : '', recordNote(ctx, ctx.records.claims.get(claim.id), 'Claim')].filter(Boolean);
  if (notes.length) out.push(`*${notes.join(' ')}*`);
  return out;
}

/** One source's section: heading, its claims (about `programs` if given), its status. */
function sourceSection(ctx: HoverContext, sourceId: string, claims: Claim[]): string {
  const entry = ctx.records.sources.get(sourceId);
  if (!entry) return `No source with the id “${text(sourceId, 100)}” in the records.`;
  const source = entry.value;
  const lines = [sourceHeading(source)];
  const sorted = [...claims].sort((a, b) => Number(b.quoteVerified === true) - Number(a.quoteVerified === true)).slice(0, MAX_CLAIMS_PER_SOURCE);
  for (const claim of sorted) lines.push(...claimLines(ctx, claim));
  if (claims.length > sorted.length) lines.push(`*…and ${claims.length - sorted.length} more claim(s) from this source.*`);
  const status = [sourceStatus(source), recordNote(ctx, entry, 'Source')].filter(Boolean).join(' ');
  lines.push(`*${status}*`);
  return lines.join('\n\n');
}

function agencyNames(records: RecordSet, program: Program): string {
  return program.agency.map((id) => records.program(id)?.name ?? id).map((n) => text(n, 100)).join(', ');
}

/** The card of the program a mention names. */
export function programCard(ctx: HoverContext, mention: MentionRef): string | undefined {
  const { records } = ctx;
  const program = records.program(mention.program);
  if (!program) return undefined;
  const head: string[] = [];
  const kind = [program.kind, program.type].filter(Boolean).map((k) => text(k, 60)).join(', ');
  head.push(`**${text(program.name, 200)}** · ${kind}`);
  if (mention.unconfirmed) head.push(`*“${text(mention.text, 100)}” is an unconfirmed name for it.*`);
  const agencies = agencyNames(records, program);
  if (agencies) head.push(`Agency: ${agencies}`);
  if (program.country?.length) head.push(`Country: ${program.country.map((c) => text(c, 60)).join(', ')}`);
  if (program.status) {
    const since = program.status.since ? ` since ${text(program.status.since, 20)}` : '';
    head.push(`Status: ${text(program.status.state, 20)}${since} (as last reported by the sources)`);
    const events = program.status.events ?? [];
    const shown = events.slice(-6);
    if (shown.length) head.push([...(events.length > shown.length ? [`- *${events.length - shown.length} earlier event(s)*`] : []), ...shown.map((e) => `- ${text(e.date, 20)}: ${text(e.event, 300)}`)].join('\n'));
  }
  if (program.description) head.push(text(program.description, 600));
  const own = recordNote(ctx, records.programs.get(program.id), 'Record');
  if (own) head.push(`*${own}*`);

  const bySource = new Map<string, Claim[]>();
  for (const claim of records.claimsAbout(program.id)) {
    const list = bySource.get(claim.source);
    if (list) list.push(claim);
    else bySource.set(claim.source, [claim]);
  }
  const sourceIds = [...bySource.keys()].sort((a, b) => {
    const rank = sourceRank(records.source(a)) - sourceRank(records.source(b));
    if (rank !== 0) return rank;
    const verified = (id: string) => (bySource.get(id) ?? []).some((c) => c.quoteVerified === true);
    return Number(verified(b)) - Number(verified(a));
  });
  const sections = [head.join('\n\n')];
  if (sourceIds.length === 0) sections.push('*No claim about it in the records yet.*');
  else {
    sections.push(`---\n\n**What the sources say** (${sourceIds.length} source${sourceIds.length === 1 ? '' : 's'})`);
    for (const id of sourceIds.slice(0, MAX_SOURCES)) sections.push(sourceSection(ctx, id, bySource.get(id) ?? []));
    if (sourceIds.length > MAX_SOURCES) sections.push(`*…and ${sourceIds.length - MAX_SOURCES} more source(s).*`);
  }
  return joinSections(sections, MAX_CARD, (n) => `*…${n} more section(s) left out.*`);
}

/** Programs mentioned in the paragraph around a span (between blank lines). */
function paragraphPrograms(ctx: HoverContext, span: { start: number; end: number }): Set<string> {
  let blankBefore = 0;
  for (const m of ctx.text.slice(0, span.start).matchAll(/(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)/g)) blankBefore = m.index + m[0].length;
  const after = ctx.text.slice(span.end).search(/(\r?\n|\r)[ \t]*(\r?\n|\r)/);
  const end = after < 0 ? ctx.text.length : span.end + after;
  return new Set(ctx.analysis.mentions.filter((m) => m.start >= blankBefore && m.end <= end).map((m) => m.program));
}

function sourcesSections(ctx: HoverContext, sourceIds: string[], programs: Set<string>, keepOrder = false): string[] {
  const unique = [...new Set(sourceIds)];
  const sorted = keepOrder ? unique : unique.sort((a, b) => sourceRank(ctx.records.source(a)) - sourceRank(ctx.records.source(b)));
  const sections: string[] = [];
  for (const id of sorted.slice(0, MAX_SOURCES)) {
    const claims = ctx.records.claimsFrom(id);
    const relevant = programs.size > 0 ? claims.filter((c) => programs.has(c.program)) : claims;
    sections.push(sourceSection(ctx, id, relevant.length > 0 ? relevant : claims));
  }
  if (sorted.length > MAX_SOURCES) sections.push(`*…and ${sorted.length - MAX_SOURCES} more source(s).*`);
  return sections;
}

/** The card of a citation: the source(s) it resolves to, or why it resolves to none. */
export function citationCard(ctx: HoverContext, citation: CitationRef): string {
  if (citation.sources.length === 0) {
    if (citation.kind === 'footnote') {
      const defined = ctx.analysis.footnotes.some((f) => f.label.toLowerCase() === citation.key.toLowerCase());
      return defined
        ? `The footnote ${text(`[^${citation.key}]`, 80)} cites no source that the records know.`
        : `The footnote ${text(`[^${citation.key}]`, 80)} has no definition in this document.`;
    }
    if (citation.kind === 'pandoc') return `No source with the id “${text(citation.key, 100)}” in the records.`;
    return 'This link is not a source in the records.';
  }
  const sections = sourcesSections(ctx, citation.sources, paragraphPrograms(ctx, citation));
  return joinSections(sections, MAX_CARD, (n) => `*…${n} more section(s) left out.*`);
}

function definitionCard(ctx: HoverContext, definition: FootnoteDefinition): string {
  if (definition.sources.length === 0) return `The footnote ${text(`[^${definition.label}]`, 80)} cites no source that the records know.`;
  return joinSections(sourcesSections(ctx, definition.sources, new Set()), MAX_CARD, (n) => `*…${n} more section(s) left out.*`);
}

function attributionCard(ctx: HoverContext, attribution: AttributionRef): string {
  const head = attribution.sources.length === 1 ? '**Attributed source**' : '**Candidate sources for this attribution**, best first';
  const sections = [head, ...sourcesSections(ctx, attribution.sources, paragraphPrograms(ctx, attribution), true)];
  return joinSections(sections, MAX_CARD, (n) => `*…${n} more section(s) left out.*`);
}
