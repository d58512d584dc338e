/**
 * Hover cards: on a program mention, what the records say about the program and which
 * sources say it; on a citation, footnote definition or attribution, the source behind it.
 * Record strings are untrusted and go through markup.ts; no HTML, no command links.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatDate, shortTitle } from '../analysis/bibliography';
import { msg, type Locale, type MessageId } from '../l10n/messages';
import type { AttributionRef, CitationRef, DocumentAnalysis, FootnoteDefinition, MentionRef, SentenceModel } from '../analysis/model';
import type { LibraryIndex } from '../library/library';
import { documentLabel, documentVerdict, pageText } from '../checks/sourceDocuments';
import type { RecordSet } from '../records/recordSet';
import type { Claim, Located, Program, Source } from '../records/types';
import { sourceRank, sourceStatus } from '../records/verification';
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
  /** The language of the card (the analysis locale); English when not given. */
  locale?: Locale;
  /** The sentence models and the writer's source documents, for quotes checked against a document. */
  sentences?: SentenceModel[];
  library?: LibraryIndex;
}

const within = (offset: number) => (s: { start: number; end: number }) => s.start <= offset && offset <= s.end;

/** The hover at `offset`: a citation first (it is the more specific), then a mention, an attribution, a footnote definition. */
export function hoverAt(ctx: HoverContext, offset: number): Hover | null {
  const { analysis } = ctx;
  const citation = analysis.citations.find(within(offset));
  if (citation) return card(ctx, citation, citationCard(ctx, citation));
  const quoted = quoteCard(ctx, offset);
  if (quoted) return quoted;
  // A name or description under the cursor before the sentence it stands in (a carried reading spans the sentence).
  const mention =
    analysis.mentions.find((m) => !m.carried && m.start <= offset && offset < m.end) ??
    analysis.mentions.find((m) => !m.carried && within(offset)(m)) ??
    analysis.mentions.find((m) => m.carried && within(offset)(m));
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

/** On a quote that the cited document holds (or nearly): the document's passage in its sentence, and the page. */
function quoteCard(ctx: HoverContext, offset: number): Hover | null {
  if (!ctx.library || !ctx.sentences) return null;
  for (const s of ctx.sentences) {
    if (offset < s.start || offset > s.end) continue;
    for (const q of s.quotes) {
      if (offset < q.start || offset > q.end) continue;
      const v = documentVerdict(ctx.library, s, q);
      if (!v || v.kind === 'absent') return null;
      const locale = ctx.locale;
      const source = documentLabel(ctx.records, v.match.document, locale ?? 'en');
      const head = msg(locale, v.kind === 'found' ? 'hover.document.found' : 'hover.document.near', { source: text(source, 300), page: text(pageText(v.match, locale ?? 'en'), 40) });
      const sections = [`**${head}**`, blockQuote(v.match.context, MAX_QUOTE)];
      if (v.kind === 'found' && q.match?.exact) sections.push(msg(locale, 'hover.document.verified'));
      const file = v.match.document.attachment ?? v.match.document.path;
      sections.push(text(ctx.displayPath(file), 300));
      return card(ctx, q, joinSections(sections, MAX_CARD, moreSections(locale)));
    }
  }
  return null;
}

function card(ctx: HoverContext, span: { start: number; end: number }, value: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(ctx.doc, span) };
}

/** A record's own note (a caution, a disagreement), shown where the record is. */
function noteLine(locale: Locale | undefined, note: string | undefined, max = 500): string {
  return note ? msg(locale, 'hover.note', { note: text(note, max) }) : '';
}

const KIND_WORDS: Readonly<Record<string, MessageId>> = { program: 'hover.kind.program', agency: 'hover.kind.agency', institution: 'hover.kind.institution' };
const STATE_WORDS: Readonly<Record<string, MessageId>> = {
  active: 'hover.state.active',
  suspended: 'hover.state.suspended',
  ended: 'hover.state.ended',
  planned: 'hover.state.planned',
  proposed: 'hover.state.proposed',
  unknown: 'hover.state.unknown',
};

/** A record's enumerated value (kind, status) in the card's language, or the value itself, escaped, when the catalogue has no word for it. */
function enumWord(locale: Locale | undefined, words: Readonly<Record<string, MessageId>>, value: unknown): string {
  const key = String(value);
  return Object.hasOwn(words, key) ? msg(locale, words[key]) : text(key, 60);
}

/** A recorded quote whose source's document is in the writer's library: checked against the document itself. */
function documentCheck(ctx: HoverContext, claim: Claim): string | undefined {
  if (!claim.quote || !ctx.library?.has(claim.source)) return undefined;
  const m = ctx.library.locate(claim.source, claim.quote);
  if (m?.exact) return msg(ctx.locale, 'hover.document.quoteFound', { page: text(pageText(m, ctx.locale ?? 'en'), 40) });
  return msg(ctx.locale, 'hover.document.quoteMissing');
}

function quoteStatus(claim: Claim, locale: Locale | undefined): string {
  if (!claim.quote) return '';
  return msg(locale, claim.quoteVerified === true ? 'hover.quoteChecked' : 'hover.quoteUnchecked');
}

function recordNote(ctx: HoverContext, entry: Located<unknown> | undefined, what: 'hover.recordFrom' | 'hover.claimFrom' | 'hover.sourceFrom'): string {
  if (!entry || entry.origin.bundled) return '';
  return msg(ctx.locale, what, { file: text(ctx.displayPath(entry.origin.file), 200), line: entry.origin.line + 1 });
}

function moreSections(locale: Locale | undefined): (n: number) => string {
  return (n) => `*${msg(locale, 'hover.moreSections', { count: n })}*`;
}

function sourceHeading(source: Source, locale: Locale | undefined): string {
  const title = link(source.title ?? shortTitle(source), source.URL);
  const details = [formatDate(source, locale), source.number !== undefined && source.title ? source.number : undefined, source['container-title'] ?? source.publisher]
    .filter((d): d is string => typeof d === 'string' && d.length > 0)
    .map((d) => text(d, 120));
  return [`**${title}**`, ...details].join(' · ');
}

function claimLines(ctx: HoverContext, claim: Claim): string[] {
  const out = [text(claim.fact, 500)];
  if (claim.quote) out.push(blockQuote(claim.quote, MAX_QUOTE));
  const notes = [
    documentCheck(ctx, claim) ?? quoteStatus(claim, ctx.locale),
    claim.locator ? msg(ctx.locale, 'hover.locator', { locator: text(claim.locator, 60) }) : '',
    recordNote(ctx, ctx.records.claims.get(claim.id), 'hover.claimFrom'),
  ].filter(Boolean);
  if (notes.length) out.push(`*${notes.join(' ')}*`);
  const note = noteLine(ctx.locale, claim.note, 400);
  if (note) out.push(note);
  return out;
}

/** One source's section: heading, its claims (about `programs` if given), its status, and its note when the card is about the source. */
function sourceSection(ctx: HoverContext, sourceId: string, claims: Claim[], withNote = false): string {
  const entry = ctx.records.sources.get(sourceId);
  if (!entry) return msg(ctx.locale, 'hover.noSourceId', { id: text(sourceId, 100) });
  const source = entry.value;
  const lines = [sourceHeading(source, ctx.locale)];
  const sorted = [...claims].sort((a, b) => Number(b.quoteVerified === true) - Number(a.quoteVerified === true)).slice(0, MAX_CLAIMS_PER_SOURCE);
  for (const claim of sorted) lines.push(...claimLines(ctx, claim));
  if (claims.length > sorted.length) lines.push(`*${msg(ctx.locale, 'hover.moreClaims', { count: claims.length - sorted.length })}*`);
  const status = [sourceStatus(source, ctx.locale), recordNote(ctx, entry, 'hover.sourceFrom')].filter(Boolean).join(' ');
  lines.push(`*${status}*`);
  const note = withNote ? noteLine(ctx.locale, source.note, 400) : '';
  if (note) lines.push(note);
  return lines.join('\n\n');
}

function agencyNames(records: RecordSet, program: Program): string {
  return program.agency.map((id) => records.program(id)?.name ?? id).map((n) => text(n, 100)).join(', ');
}

/** The card of the program a mention names. */
export function programCard(ctx: HoverContext, mention: MentionRef): string | undefined {
  const { records, locale } = ctx;
  const program = records.program(mention.program);
  if (!program) return undefined;
  const head: string[] = [];
  const kind = [program.kind ? enumWord(locale, KIND_WORDS, program.kind) : '', program.type ? text(program.type, 60) : ''].filter(Boolean).join(', ');
  head.push(`**${text(program.name, 200)}** · ${kind}`);
  if (mention.unconfirmed) head.push(`*${msg(locale, 'hover.unconfirmedName', { name: text(mention.text, 100) })}*`);
  if (mention.carried) head.push(`*${msg(locale, 'hover.carriedAs', { name: text(program.name, 200) })}*`);
  if (mention.described) head.push(`*${msg(locale, 'hover.describedAs', { phrase: text(mention.text, 100), name: text(program.name, 200) })}*`);
  const agencies = agencyNames(records, program);
  if (agencies) head.push(msg(locale, 'hover.agency', { names: agencies }));
  if (program.country?.length) head.push(msg(locale, 'hover.country', { names: program.country.map((c) => text(c, 60)).join(', ') }));
  if (program.status) {
    head.push(msg(locale, 'hover.status', { state: enumWord(locale, STATE_WORDS, program.status.state), since: '' }));
    const dates = (['started', 'suspended', 'ended'] as const).flatMap((key) => {
      const d = program.status?.[key];
      if (!d) return [];
      const source = d.source ? records.source(d.source) : undefined;
      const per = source ? msg(locale, 'hover.date.per', { source: text(shortTitle(source), 100) }) : '';
      return [`- ${msg(locale, `hover.date.${key}`, { date: text(d.date, 20) })}${per}${d.note ? `: ${text(d.note, 300)}` : ''}`];
    });
    if (dates.length) head.push(dates.join('\n'));
    const events = program.status.events ?? [];
    const shown = events.slice(-6);
    if (shown.length)
      head.push(
        [...(events.length > shown.length ? [`- *${msg(locale, 'hover.earlierEvents', { count: events.length - shown.length })}*`] : []), ...shown.map((e) => `- ${text(e.date, 20)}: ${text(e.event, 300)}`)].join('\n'),
      );
  }
  if (program.description) head.push(text(program.description, 600));
  const note = noteLine(locale, program.note);
  if (note) head.push(note);
  const recordFrom = recordNote(ctx, records.programs.get(program.id), 'hover.recordFrom');
  if (recordFrom) head.push(`*${recordFrom}*`);

  const bySource = new Map<string, Claim[]>();
  for (const claim of records.claimsAbout(program.id)) {
    const list = bySource.get(claim.source);
    if (list) list.push(claim);
    else bySource.set(claim.source, [claim]);
  }
  // The writer's own records first (they are what the writer works from), then the best checked,
  // then those that carry a checked quote.
  const ownSource = (id: string) => (bySource.get(id) ?? []).some((c) => records.claims.get(c.id)?.origin.bundled === false);
  const sourceIds = [...bySource.keys()].sort((a, b) => {
    const mine = Number(ownSource(b)) - Number(ownSource(a));
    if (mine !== 0) return mine;
    const rank = sourceRank(records.source(a)) - sourceRank(records.source(b));
    if (rank !== 0) return rank;
    const verified = (id: string) => (bySource.get(id) ?? []).some((c) => c.quoteVerified === true);
    return Number(verified(b)) - Number(verified(a));
  });
  const sections = [head.join('\n\n')];
  if (sourceIds.length === 0) sections.push(`*${msg(locale, 'hover.noClaims')}*`);
  else {
    const count = sourceIds.length === 1 ? msg(locale, 'hover.sourceCount.one') : msg(locale, 'hover.sourceCount.other', { count: sourceIds.length });
    sections.push(`---\n\n${msg(locale, 'hover.whatSourcesSay', { count })}`);
    for (const id of sourceIds.slice(0, MAX_SOURCES)) sections.push(sourceSection(ctx, id, bySource.get(id) ?? []));
    if (sourceIds.length > MAX_SOURCES) sections.push(`*${msg(locale, 'hover.moreSources', { count: sourceIds.length - MAX_SOURCES })}*`);
  }
  return joinSections(sections, MAX_CARD, moreSections(locale));
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
    sections.push(sourceSection(ctx, id, relevant.length > 0 ? relevant : claims, true));
  }
  if (sorted.length > MAX_SOURCES) sections.push(`*${msg(ctx.locale, 'hover.moreSources', { count: sorted.length - MAX_SOURCES })}*`);
  return sections;
}

/** The card of a citation: the source(s) it resolves to, or why it resolves to none. */
export function citationCard(ctx: HoverContext, citation: CitationRef): string {
  if (citation.sources.length === 0) {
    if (citation.kind === 'footnote') {
      const defined = ctx.analysis.footnotes.some((f) => f.label.toLowerCase() === citation.key.toLowerCase());
      return msg(ctx.locale, defined ? 'hover.footnoteUnknown' : 'hover.footnoteUndefined', { label: text(`[^${citation.key}]`, 80) });
    }
    if (citation.kind === 'pandoc') return msg(ctx.locale, 'hover.noSourceId', { id: text(citation.key, 100) });
    return msg(ctx.locale, 'hover.linkNotSource');
  }
  const sections = sourcesSections(ctx, citation.sources, paragraphPrograms(ctx, citation));
  return joinSections(sections, MAX_CARD, moreSections(ctx.locale));
}

function definitionCard(ctx: HoverContext, definition: FootnoteDefinition): string {
  if (definition.sources.length === 0) return msg(ctx.locale, 'hover.footnoteUnknown', { label: text(`[^${definition.label}]`, 80) });
  return joinSections(sourcesSections(ctx, definition.sources, new Set()), MAX_CARD, moreSections(ctx.locale));
}

function attributionCard(ctx: HoverContext, attribution: AttributionRef): string {
  const head = msg(ctx.locale, attribution.sources.length === 1 ? 'hover.attributedSource' : 'hover.candidateSources');
  const sections = [head, ...sourcesSections(ctx, attribution.sources, paragraphPrograms(ctx, attribution), true)];
  return joinSections(sections, MAX_CARD, moreSections(ctx.locale));
}
