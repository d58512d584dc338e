/**
 * The incremental engine's entry: DocumentAnalyzer splits the text into chunks (chunks.ts),
 * analyses each (chunkAnalysis.ts, plainReader.ts; cached by its text), resolves what one
 * chunk takes from others (crossChunk.ts) and what depends on the whole document — footnote
 * definitions, citations covering a paragraph, block quotes introduced by an attributed
 * sentence, suppression comments — builds the sentence models (kept for the next version
 * while their signatures hold, signatures.ts) and runs the checks (../checkRunner.ts; a
 * chunk's findings kept by findingsCache.ts).
 *
 * What proves that all this equals a full analysis of the text:
 * - test/unit/incremental.test.ts: every shortcut (lazy chunks, the plain reader, skipped
 *   finders, the split of footnote runs) against a full analysis (`shortcuts: false`), and
 *   edits against a fresh analyzer, on the fixtures and on generated drafts;
 * - test/unit/findingsCache.test.ts: each thing a chunk takes from outside changed around an
 *   unchanged chunk;
 * - test/unit/fuzz.test.ts: random edit sequences, the incremental result against a fresh one;
 * - test/lsp/storm.test.ts: 5,000 random edits to the built server, its final diagnostics
 *   against a fresh check.
 * *
 * How a claim inherits a citation:
 * 1. a citation in the sentence itself (a footnote reference or Pandoc citation anywhere in
 *    it, or after its final punctuation; a link inside it);
 * 2. a citation placed after the final punctuation of a paragraph's last sentence covers
 *    every sentence of that paragraph;
 * 3. a block quote's sentences inherit the citations and attributions of the sentence that
 *    introduces the quote (the last sentence before it), and of the quote's own last line.
 */
import { isClaimSubject } from '../../records/subjects';
import { CHECKS, type Check } from '../../checks';
import type { RecordSet } from '../../records/recordSet';
import type { LibraryIndex } from '../../library/library';
import { introducesWhatFollows, isSourceLine, resolveAttribution, type RawAttribution } from '../attributions';
import { mayDescribeInTitle, NamedSoFar, resolveOpen, resolveTitle, type TitleReading } from '../descriptions';
import { namesPlace } from '../frame';
import { mayBeCarried, namesOnlyItsAgencies } from '../topic';
import { splitChunks, splitChunksAfterEdit, type ChunkSpan } from './chunks';
import { openBlockAtEnd } from '../fixes';
import { analyzeChunk, type ChunkAnalysis, type ChunkMention, type ChunkSentence, type ChunkUnit } from './chunkAnalysis';
import { FindingsCache } from './findingsCache';
import { runChecks } from '../checkRunner';
import { citeEveryClaim } from '../citeAll';
import { parseLazyChunksThatMatter, resolveReferencesAcrossChunks, type PlacedAnalysis } from './crossChunk';
import { attributionSignature, citationSignature, documentSignature, footnoteSignature } from './signatures';
import {
  type AnalysisOptions,
  type AttributionRef,
  type CheckContext,
  type CitationRef,
  type DocumentAnalysis,
  type Finding,
  type FootnoteDefinition,
  type FootnoteState,
  type MentionRef,
  type SentenceModel,
  type TextEdit,
  DEFAULT_OPTIONS,
} from '../model';
import type { Locale } from '../../l10n/messages';
import { quoteIndexFor, type QuoteMatch } from '../quotes';
import { findSuppressions, suppressionIndex } from '../suppressions';

/** The offset-independent part of a sentence model (see DocumentAnalyzer.sentenceFacts). */
interface SentenceFacts {
  programs: string[];
  entities: string[];
  /** The entities that are claim subjects (task forces, units). */
  subjects: string[];
  quoteMatches: Array<QuoteMatch | undefined>;
  /** Per attribution, its sources (unless it is "the same testimony" as the previous attribution). */
  attributionSources: string[][];
  numbers: SentenceModel['numbers'];
  isClaim: boolean;
  /** Everything a claim needs but a program: not a heading, question, footnote, title, caption or sentence with nothing to check. */
  claimShaped: boolean;
  /** Offset in the text of the final period, question or exclamation mark. */
  terminal: number | undefined;
  /** After a final period: the end of the closing quotes or brackets that follow it, if any. */
  closed: number | undefined;
}

// Characters that end a sentence without being seen: white space, zero-width characters and
// bidirectional marks. A citation goes before them, not after (where it would start a new sentence).
const INVISIBLE_END = '[\\s\\u200b-\\u200f\\u2060\\ufeff\\u061c\\u202a-\\u202e\\u2066-\\u2069]*$';
const TERMINAL = new RegExp(`[.!?](?=${INVISIBLE_END})`, 'u');
const TERMINAL_THEN_CLOSING = new RegExp(`\\.([”"’'»)\\]]+)(?=${INVISIBLE_END})`, 'u');

/**
 * A sentence model's map from its text to the document, holding only its chunk sentence and
 * the chunk's offset (a function made in sentenceModel would keep that call's every variable).
 */
function sentenceToDocument(cs: ChunkSentence, offset: number): SentenceModel['toDocument'] {
  return (o, isEnd) => offset + cs.toSource(o, isEnd);
}

/** The empty list that sentence models share (never modified). */
const NONE: never[] = [];

/**
 * The sentence models of a chunk that depends on nothing before it (no block quote, no "the
 * same testimony"), as built at `offset` under the footnotes `footnotes`: while both hold, the
 * next version reuses them (most chunks before an edit).
 */
interface BuiltChunk {
  offset: number;
  footnotes: string;
  sentences: SentenceModel[];
  mentions: MentionRef[];
  signature: string;
  /** The attribution of the section it stands in (a findings heading's), as a signature. */
  section: string;
  /** The programs its section's heading names, when a description of the chunk may take one (topicKey). */
  topic: string;
  /** What it names, in order, for NamedSoFar and the document's topic (namedSequence). */
  named?: readonly NamedStep[];
}

/**
 * A step of what a chunk names: a program id, a heading's start or end (a section resets what is
 * named so far), or the end of a unit with the programs and claim subjects its sentences name
 * (what the document is about follows the paragraphs: topic.ts).
 */
type NamedStep = string | typeof HEADING_STARTS | typeof HEADING_ENDS | { unit: ChunkUnit; subjects: ReadonlySet<string> };
const HEADING_STARTS = 0;
const HEADING_ENDS = 1;

/**
 * What a built chunk names, read once: each mention's program in the order of its sentences
 * (the same program twice in a row once; a sentence only read as about a program names none),
 * with its headings' starts and ends and each unit's programs. A reused chunk replays it instead
 * of walking its sentences and mentions again on every version.
 */
function namedSequence(chunk: ChunkAnalysis, built: BuiltChunk): readonly NamedStep[] {
  if (built.named) return built.named;
  const steps: NamedStep[] = [];
  let k = 0;
  for (const unit of chunk.units) {
    if (unit.kind === 'heading') steps.push(HEADING_STARTS);
    const subjects = new Set<string>();
    for (const index of unit.sentences) {
      const model = built.sentences[index];
      for (const p of model.programs) subjects.add(p);
      for (const p of model.subjects ?? []) subjects.add(p);
      while (k < built.mentions.length && built.mentions[k].start < model.end) {
        const m = built.mentions[k++];
        if (!m.carried && steps[steps.length - 1] !== m.program) steps.push(m.program);
      }
    }
    if (unit.kind === 'heading') steps.push(HEADING_ENDS);
    steps.push({ unit, subjects });
  }
  return (built.named = steps);
}

/** The latest version's text and chunks, from which the next version's are found (chunks.ts: splitChunksAfterEdit). */
interface PreviousVersion {
  text: string;
  topLevel: ChunkSpan[];
  spans: ChunkSpan[];
  /** Each span's text, as a string the chunk caches already hold (no slicing or hashing again). */
  texts: string[];
}

/** Analyses one document; keeps the chunk analyses of its latest version for the next. */
export class DocumentAnalyzer {
  private chunks = new Map<string, ChunkAnalysis>();
  private locale: Locale = 'en';
  private quoteMatches = new Map<string, QuoteMatch | undefined>();
  private readonly facts = new WeakMap<ChunkSentence, SentenceFacts>();
  private readonly built = new WeakMap<ChunkAnalysis, BuiltChunk>();
  private readonly namedReaders = new WeakMap<ChunkAnalysis, boolean>();
  /** Per chunk analysis: the lower-cased labels of its footnote references, and its footnote definitions with their sources. */
  private readonly footnoteLabels = new WeakMap<ChunkAnalysis, string[]>();
  private readonly chunkFootnotes = new WeakMap<ChunkAnalysis, FootnoteDefinition[]>();
  private previous: PreviousVersion | undefined;
  private footnotesKey = '';
  private readonly findingsCache = new FindingsCache();
  /** The signature of what every chunk's findings depend on (options, footnote state); a change empties the findings cache. */
  private documentSignature = '';
  /** How many chunks the last analysis took from the cache, and how many it analysed. */
  lastStats = { reused: 0, analysed: 0 };
  /** How many chunks of the last analysis were left unparsed because nothing in them can be found (chunkAnalysis.ts). */
  lastLazy = 0;
  private readonly shortcuts: boolean;
  /** The checks to run: the registry, or others in tests. */
  private readonly checks: readonly Check[];

  /**
   * `shortcuts: false` analyses every chunk in full (parsed by remark, every finder run): the
   * results are the same, only slower; tests compare the two.
   */
  /** The writer's source documents: their citation keys resolve as sources do, and the checks read them. */
  readonly library: LibraryIndex | undefined;

  constructor(
    readonly records: RecordSet,
    options: { shortcuts?: boolean; checks?: readonly Check[]; library?: LibraryIndex } = {},
  ) {
    this.shortcuts = options.shortcuts ?? true;
    this.checks = options.checks ?? CHECKS;
    this.library = options.library;
  }

  /** Whether a citation key names a source: a recorded one, or one whose document is in the library. */
  private knownKey(key: string): boolean {
    return this.records.sources.has(key) || (this.library?.has(key) ?? false);
  }

  /** Builds the document model that the checks read. */
  model(text: string, options: AnalysisOptions = DEFAULT_OPTIONS): CheckContext & { analysis: Omit<DocumentAnalysis, 'findings' | 'internalErrors'>; chunks: PlacedChunk[] } {
    const { spans, texts, tailStart } = this.split(text);
    // Chunk analyses depend on the locale (sentence rules, "4.600"): a new locale starts afresh.
    const locale = options.locale ?? 'en';
    if (locale !== this.locale) {
      this.chunks = new Map();
      this.locale = locale;
    }
    const next = new Map<string, ChunkAnalysis>();
    const stats = { reused: 0, analysed: 0 };
    const placed: PlacedAnalysis[] = [];
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      const chunkText = texts[i];
      let chunk = next.get(chunkText) ?? this.chunks.get(chunkText);
      if (chunk) stats.reused++;
      else {
        chunk = analyzeChunk(chunkText, this.records, { shortcuts: this.shortcuts, locale });
        stats.analysed++;
      }
      next.set(chunkText, chunk);
      placed.push({ offset: span.start, chunk, text: chunkText });
    }
    const analyzeInFull = (chunkText: string) => analyzeChunk(chunkText, this.records, { shortcuts: this.shortcuts, lazy: false, locale });
    parseLazyChunksThatMatter(placed, next, analyzeInFull);
    resolveReferencesAcrossChunks(placed, next, this.chunks, analyzeInFull);
    // Keep only this version's chunks: memory follows the document, not its history.
    this.chunks = next;
    this.lastStats = stats;
    this.lastLazy = placed.reduce((n, p) => n + (p.chunk.lazy ? 1 : 0), 0);
    if (this.quoteMatches.size > 10_000) this.quoteMatches.clear();

    const footnotes = this.resolveFootnotes(placed);
    const byLabel = new Map(footnotes.map((f) => [f.label.toLowerCase(), f]));
    const labels = new Set(footnotes.map((f) => f.label.toLowerCase()));
    const mentions: MentionRef[] = [];
    const citations: CitationRef[] = [];
    const attributions: AttributionRef[] = [];
    const sentences: SentenceModel[] = [];
    let previousAttribution: AttributionRef | undefined;
    let introducer: SentenceModel | undefined;
    let lastNonQuote: SentenceModel | undefined;
    const chunks: PlacedChunk[] = [];

    // What every footnote reference resolves to: models built under other footnotes are not reused.
    // The previous version's string when it is the same, so that each chunk compares it by reference.
    let footnotesKey = footnoteSignature(footnotes);
    if (footnotesKey === this.footnotesKey) footnotesKey = this.footnotesKey;
    else this.footnotesKey = footnotesKey;
    // A findings heading ("What GAO Found") attributes the sentences of its section. Its key holds
    // the section's offsets relative to the chunk: a chunk moved without its heading is rebuilt.
    let section: AttributionRef[] = [];
    const sectionKey = (offset: number) => section.map((a) => `${a.start - offset},${a.end - offset},${attributionSignature(a)}`).join(';');
    // The programs the latest heading names: a description that nothing before it in its
    // paragraph fits ("The program offers…" under "# Alternatives to Detention") may take one.
    // A chunk with such a description is rebuilt when they change.
    let topic: readonly string[] = NONE;
    // Failing that, the one program of its kind named earlier in the document, or in its section
    // when the document has headings: a section starts with what the document named up to its
    // first heading (its title). Read front to back, one mention at a time (descriptions.ts).
    const named = new NamedSoFar(this.records);
    let opening: NamedSoFar | undefined;
    const enterHeading = () => {
      if (opening) named.reset(opening);
    };
    const leaveHeading = () => {
      opening ??= named.copy();
    };
    // The document's title may stand for the one program the rest of it names (descriptions.ts: resolveTitle).
    const title = this.titleReadings(placed);
    // What the document is about at this point (topic.ts): the one program (or task force) that every
    // paragraph of the section that names any has named. A title or heading that names a program
    // announces it and starts a section about it: the text is about it once its body names it.
    // A sentence that names none, in a paragraph that has named none before it, may be about it.
    let candidates: Set<string> | undefined;
    let about: string | undefined;
    const endUnit = (unit: ChunkUnit, subjects: ReadonlySet<string>) => {
      if (inFootnoteUnit(unit) || unit.inBlockquote || subjects.size === 0) return;
      if (unit.kind === 'heading') candidates = undefined;
      else if (!candidates) candidates = new Set(subjects);
      else for (const id of candidates) if (!subjects.has(id)) candidates.delete(id);
      about = candidates?.size === 1 ? candidates.values().next().value : undefined;
    };
    const topicKey = (chunk: ChunkAnalysis) =>
      (this.readsNamed(chunk) ? `${topic.join(',')}|${named.signature()}|${opening ? opening.signature() : '-'}|${candidates ? [...candidates].join(',') : '-'}` : '') +
      (title && chunk === title.chunk ? `|title:${title.key}` : '');

    for (const { offset, chunk: placedChunk, text: chunkText, given } of placed) {
      let chunk = placedChunk;
      // A chunk left unparsed (it names nothing) may hold a figure or a place about the program the
      // document is about (mayCarry): then it is parsed after all, as a full analysis would have it.
      if (chunk.lazy && about !== undefined && (/\d/.test(chunkText) || namesPlace(chunkText))) {
        chunk = analyzeInFull(chunkText);
        this.chunks.set(chunkText, chunk);
      }
      // A heading left unparsed (it names nothing) still ends the section before it.
      if (chunk.lazy && LAZY_HEADING.test(chunkText)) {
        section = [];
        topic = NONE;
        enterHeading();
        leaveHeading();
      }
      const reusable = this.built.get(chunk);
      if (reusable && reusable.footnotes === footnotesKey && reusable.section === sectionKey(offset) && reusable.topic === topicKey(chunk)) {
        // Nothing before the chunk shapes its models: take them as they are (moved with the chunk), and what they say.
        const from = sentences.length;
        const models = reusable.offset === offset ? reusable : placeChunkModels(reusable, offset);
        for (const s of models.sentences) {
          sentences.push(s);
          if (s.citations.length > 0) citations.push(...s.citations);
          if (s.attributions.length > 0) {
            attributions.push(...s.attributions);
            previousAttribution = s.attributions[s.attributions.length - 1];
          }
          lastNonQuote = s;
          if (s.kind === 'heading' || (!s.inFootnote && s.attributions.length > 0 && introducesWhatFollows(s.text))) section = s.attributions.map((a) => ({ ...a, sources: [] }));
          if (s.kind === 'heading') topic = s.programs;
        }
        for (const label of this.footnoteLabelsOf(chunk)) labels.add(label);
        for (const m of models.mentions) mentions.push(m);
        // What the chunk names, sentence by sentence (its models are in the order of its sentences).
        for (const step of namedSequence(chunk, reusable)) {
          if (step === HEADING_STARTS) enterHeading();
          else if (step === HEADING_ENDS) leaveHeading();
          else if (typeof step === 'string') named.add(step);
          else endUnit(step.unit, step.subjects);
        }
        if (chunk.units.length > 0) introducer = undefined;
        if (sentences.length > from) chunks.push({ text: chunkText, offset, from, to: sentences.length, signature: reusable.signature });
        continue;
      }
      const mentionsFrom = mentions.length;
      // What this chunk's sentence models take from outside the chunk (findingsCache.ts); the
      // footnote definitions that its references resolve through are in documentSignature.
      const outside: string[] = [chunk.lazy ? 'lazy' : 'parsed', given ?? ''];
      const from = sentences.length;
      const sectionAtStart = sectionKey(offset);
      const topicAtStart = topicKey(chunk);
      if (topicAtStart) outside.push(`topic:${topicAtStart}`);
      for (const unit of chunk.units) {
        const trailing = unit.trailingCitations.filter((c) => this.isCitation(c)).map((c) => this.resolveCitation(c, offset, byLabel));
        if (unit.inBlockquote && !introducer) introducer = lastNonQuote;
        if (!unit.inBlockquote) introducer = undefined;
        const unitSentences: SentenceModel[] = [];
        // The programs and claim subjects the unit has named so far (by name or description).
        const unitSubjects = new Set<string>();
        if (unit.kind === 'heading') enterHeading();
        for (const index of unit.sentences) {
          const cs = chunk.sentences[index];
          if (cs.attributions.some((a) => a.same)) outside.push(`same:${previousAttribution ? attributionSignature(previousAttribution) : ''}`);
          const s = this.sentenceModel(cs, unit, offset, byLabel, previousAttribution);
          for (const c of cs.citations) if (c.kind === 'footnote') labels.add(c.key.toLowerCase());
          // What the sentence names before its first open description is named before it; what it names after, after.
          const firstOpen = unit.kind !== 'heading' && cs.openDescriptions ? cs.openDescriptions[0].start : Infinity;
          const readings = title?.readings.get(cs);
          const csMentions = readings ? this.readTitle(s, cs.mentions, readings) : cs.mentions;
          let k = 0;
          const takeMentions = (before: number) => {
            for (; k < csMentions.length && csMentions[k].start < before; k++) {
              const m = csMentions[k];
              mentions.push({ start: offset + m.start, end: offset + m.end, program: m.program, text: m.text, unconfirmed: m.unconfirmed, ...(m.described ? { described: true } : {}) });
              named.add(m.program);
            }
          };
          takeMentions(firstOpen);
          if (unit.kind === 'heading') topic = s.programs;
          else if (cs.openDescriptions) this.takeTopic(s, cs, unit, topic, named, offset, mentions);
          takeMentions(Infinity);
          // A sentence that names no program and says something checkable: it is about the one program its paragraph has named
          // before it (by name or by a description read here), or, when the paragraph has named none, the one the document is about (topic.ts).
          const carry = unitSubjects.size === 1 ? unitSubjects.values().next().value : unitSubjects.size === 0 ? about : undefined;
          if (carry !== undefined && s.programs.length === 0 && (s.subjects ?? []).length === 0 && !s.carriedPrograms && this.mayCarry(cs, unit) && this.sentenceFacts(cs, unit).claimShaped) {
            if (namesOnlyItsAgencies(cs.mentions.map((m) => m.program), carry, this.records)) s.carriedPrograms = [carry];
          }
          for (const p of s.programs) unitSubjects.add(p);
          for (const p of s.subjects ?? []) unitSubjects.add(p);
          // The sentence is listed as read about the program it carries (a hover says so; the eval counts it as a claim recognised).
          if (s.carriedPrograms && !s.isClaim) mentions.push({ start: s.start, end: s.end, program: s.carriedPrograms[0], text: s.text, unconfirmed: false, carried: true });
          citations.push(...s.citations);
          attributions.push(...s.attributions);
          if (s.attributions.length > 0) previousAttribution = s.attributions[s.attributions.length - 1];
          // Paragraph-final citations cover the paragraph.
          if (s.citations.length === 0) s.inheritedCitations.push(...trailing);
          if (introducer && unit.inBlockquote) {
            s.inheritedCitations.push(...introducer.citations, ...introducer.inheritedCitations);
            s.inheritedAttributions.push(...introducer.attributions);
            outside.push(`quote:${[...introducer.citations, ...introducer.inheritedCitations].map(citationSignature).join(';')}/${introducer.attributions.map(attributionSignature).join(';')}`);
          }
          // The heading says who found it, not which of their reports: it points at no source.
          if (unit.kind === 'heading') section = s.attributions.map((a) => ({ ...a, sources: [] }));
          else if (section.length > 0 && !inFootnoteUnit(unit)) {
            s.inheritedAttributions.push(...section);
            outside.push(`section:${sectionKey(offset)}`);
          }
          // "The FBI released the following:": the rest of the section is the FBI's text.
          if (unit.kind !== 'heading' && !inFootnoteUnit(unit) && s.attributions.length > 0 && introducesWhatFollows(s.text)) section = s.attributions.map((a) => ({ ...a, sources: [] }));
          unitSentences.push(s);
          sentences.push(s);
        }
        if (unit.kind === 'heading') leaveHeading();
        endUnit(unit, unitSubjects);
        inheritWithinParagraph(unitSentences);
        if (trailing.length > 0) {
          // A trailing citation covers its own sentence's programs and those of every uncited sentence.
          const owners = new Map<number, SentenceModel>();
          for (const s of unitSentences) for (const c of s.citations) if (!owners.has(c.start)) owners.set(c.start, s);
          const uncitedPrograms = new Set<string>();
          for (const s of unitSentences) if (s.citations.length === 0) for (const p of s.programs) uncitedPrograms.add(p);
          for (const t of trailing) {
            const owner = owners.get(t.start);
            if (owner) (owner.coveredPrograms ??= new Map()).set(t.start, [...new Set([...owner.programs, ...uncitedPrograms])]);
          }
        }
        // A block quote's own closing citation covers the quote.
        if (unit.inBlockquote && trailing.length > 0) for (const s of unitSentences) if (s.citations.length === 0) s.inheritedCitations.push(...trailing);
        if (!unit.inBlockquote && unitSentences.length > 0) lastNonQuote = unitSentences[unitSentences.length - 1];
      }
      const signature = outside.join('\n');
      if (sentences.length > from) chunks.push({ text: chunkText, offset, from, to: sentences.length, signature });
      if (chunk.units.every((u) => !u.inBlockquote) && !chunk.sentences.some((cs) => cs.attributions.some((a) => a.same))) {
        this.built.set(chunk, { offset, footnotes: footnotesKey, sentences: sentences.slice(from), mentions: mentions.slice(mentionsFrom), signature, section: sectionAtStart, topic: topicAtStart });
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    const comments: Array<ChunkAnalysis['comments'][number]> = [];
    for (const { offset, chunk } of placed) for (const c of chunk.comments) comments.push({ ...c, start: c.start + offset, end: c.end + offset });
    const suppressions = findSuppressions(text, comments);
    const footnoteState: FootnoteState = {
      labels,
      definitions: footnotes.map((f) => ({ label: f.label, sources: f.sources })),
      endsWithDefinition: endsWithFootnoteDefinition(text, footnotes),
      eol: /\r\n|\r|\n/.exec(text)?.[0] ?? '\n',
      openAtEnd: openBlockAtEnd(text.slice(tailStart)),
    };
    return {
      text,
      records: this.records,
      library: this.library,
      options,
      sentences,
      footnotes,
      footnoteState,
      suppressions,
      analysis: { mentions, citations, attributions, footnotes, suppressions },
      chunks,
    };
  }

  /**
   * The chunks of `text` and their texts: after an edit, found from the previous version's
   * (splitChunksAfterEdit), whose strings are kept for the chunks the edit did not touch.
   */
  /** The version's chunks and their texts, and where its last top-level chunk starts (what a block open at the end starts in). */
  private split(text: string): { spans: ChunkSpan[]; texts: string[]; tailStart: number } {
    const previous = this.previous;
    const options = { splitDefinitions: this.shortcuts };
    let spans: ChunkSpan[];
    let topLevel: ChunkSpan[];
    const texts: string[] = [];
    if (!previous) {
      topLevel = splitChunks(text, { splitDefinitions: false });
      spans = this.shortcuts ? splitChunks(text, options) : topLevel;
      for (const span of spans) texts.push(text.slice(span.start, span.end));
    } else {
      const after = splitChunksAfterEdit({ text: previous.text, chunks: previous.topLevel }, text, options);
      spans = after.chunks;
      topLevel = after.topLevel;
      const syncFrom = text.length - after.suffix;
      const delta = text.length - previous.text.length;
      const old = previous.spans;
      let k = 0;
      for (const span of spans) {
        // A chunk wholly in the unchanged text before or after the edit has the text of the previous version's chunk at the same place.
        let same: string | undefined;
        const at = span.end <= after.prefix ? span.start : span.start >= syncFrom ? span.start - delta : -1;
        if (at >= 0) {
          while (k < old.length && old[k].start < at) k++;
          if (k < old.length && old[k].start === at && old[k].end - at === span.end - span.start) same = previous.texts[k];
        }
        texts.push(same ?? text.slice(span.start, span.end));
      }
    }
    this.previous = { text, topLevel, spans, texts };
    return { spans, texts, tailStart: topLevel.length > 0 ? topLevel[topLevel.length - 1].start : 0 };
  }

  /** The lower-cased labels of a chunk's footnote references. */
  private footnoteLabelsOf(chunk: ChunkAnalysis): string[] {
    let labels = this.footnoteLabels.get(chunk);
    if (!labels) {
      labels = [];
      for (const cs of chunk.sentences) for (const c of cs.citations) if (c.kind === 'footnote') labels.push(c.key.toLowerCase());
      this.footnoteLabels.set(chunk, labels);
    }
    return labels;
  }

  /** Runs every check; a check that throws becomes one internal error and the others still report. */
  analyze(text: string, options: AnalysisOptions = DEFAULT_OPTIONS): DocumentAnalysis {
    return this.analyzeWithContext(text, options).analysis;
  }

  /** The analysis and the document model it was made from, for callers that need both (cite-all, cross-draft checks). */
  analyzeWithContext(text: string, options: AnalysisOptions = DEFAULT_OPTIONS): { analysis: DocumentAnalysis; context: CheckContext } {
    const { chunks, ...context } = this.model(text, options);
    const findings: Finding[] = [];
    const errors = new Map<Check, string>();
    const enabled = this.checks.filter((c) => (options.severity[c.code] ?? c.defaultSeverity) !== 'off');
    const perSentence = enabled.filter((c) => (c.scope ?? 'sentence') === 'sentence');
    // A check that throws becomes one internal error; the other checks, and its findings elsewhere, still report.
    const run = (checks: readonly Check[], ctx: CheckContext, into: Finding[]) => runChecks(checks, ctx, options, into, errors);
    if (this.shortcuts) {
      // Sentence checks run per chunk, and a chunk whose text and outside dependencies are unchanged keeps its findings.
      const signature = documentSignature(options, context.footnoteState, text);
      if (signature !== this.documentSignature) {
        this.findingsCache.clear();
        this.documentSignature = signature;
      }
      for (const chunk of chunks) {
        const cached = this.findingsCache.get(chunk.text, chunk.signature, chunk.offset, text.length);
        if (cached) {
          findings.push(...cached);
          continue;
        }
        const own: Finding[] = [];
        if (run(perSentence, { ...context, sentences: context.sentences.slice(chunk.from, chunk.to) }, own)) this.findingsCache.set(chunk.text, chunk.signature, chunk.offset, own);
        findings.push(...own);
      }
      this.findingsCache.commit();
    } else run(perSentence, context, findings);
    run(
      enabled.filter((c) => c.scope === 'document'),
      context,
      findings,
    );
    const internalErrors = this.checks.filter((c) => errors.has(c)).map((c) => ({ check: c.code, message: errors.get(c)! }));
    const suppressed = suppressionIndex(context.suppressions);
    const kept = findings.filter((f) => !suppressed(f));
    kept.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
    return { analysis: { ...context.analysis, findings: kept, internalErrors }, context };
  }

  /** Edits that cite every uncited claim with its best source, in one batch (one definition per source). */
  citeAll(text: string, options: AnalysisOptions = DEFAULT_OPTIONS): TextEdit[] {
    const { analysis, context } = this.analyzeWithContext(text, options);
    return citeEveryClaim(context, analysis.findings);
  }

  private sentenceModel(
    cs: ChunkSentence,
    unit: ChunkUnit,
    offset: number,
    byLabel: Map<string, FootnoteDefinition>,
    previousAttribution: AttributionRef | undefined,
  ): SentenceModel {
    const facts = this.sentenceFacts(cs, unit);
    const toDocument = sentenceToDocument(cs, offset);
    // Most sentences cite, quote and attribute nothing: they share one empty list (never modified).
    const citations = cs.citations.length === 0 ? NONE : cs.citations.filter((c) => this.isCitation(c)).map((c) => this.resolveCitation(c, offset, byLabel));
    const quotes = cs.quotes.length === 0 ? NONE : cs.quotes.map((q, i) => ({ start: toDocument(q.start), end: toDocument(q.end, true), text: q.text, match: facts.quoteMatches[i] }));
    const attributions = cs.attributions.length === 0 ? NONE : cs.attributions.map((a, i) => {
      const ref = this.attributionRef(a, toDocument, previousAttribution);
      // "The same testimony" takes the previous attribution's sources, which depend on where the sentence stands.
      return { ...ref, sources: a.same && previousAttribution ? this.withQuotedFirst(previousAttribution.sources, facts.quoteMatches) : facts.attributionSources[i] };
    });
    const inFootnote = unit.footnoteLabel !== undefined;
    return {
      start: offset + cs.start,
      end: offset + cs.end,
      text: cs.text,
      kind: unit.kind,
      inBlockquote: unit.inBlockquote,
      inFootnote,
      isQuestion: cs.isQuestion,
      // A copy: findings hand it on.
      programs: facts.programs.length === 0 ? NONE : [...facts.programs],
      entities: facts.entities,
      subjects: facts.subjects,
      citations,
      inheritedCitations: [],
      attributions,
      inheritedAttributions: [],
      quotes,
      numbers: facts.numbers,
      unknownPrograms: cs.unknownPrograms,
      isClaim: facts.isClaim,
      ...(cs.carried && facts.claimShaped && facts.programs.length === 0 ? { carriedPrograms: [cs.carried] } : {}),
      citePoint: {
        end: offset + cs.end,
        terminal: facts.terminal === undefined ? undefined : toDocument(facts.terminal),
        closed: facts.closed === undefined ? undefined : toDocument(facts.closed, true),
      },
      toDocument,
    };
  }

  /**
   * What a sentence model takes from its chunk sentence alone, whatever the sentence's place
   * in the document: computed once per chunk sentence and kept as long as the chunk is cached,
   * so that an edit does not recompute it for every sentence of the draft. (The arrays are
   * shared by the models of successive versions; nothing modifies them.)
   */
  private sentenceFacts(cs: ChunkSentence, unit: ChunkUnit): SentenceFacts {
    let facts = this.facts.get(cs);
    if (facts) return facts;
    const kindOf = (m: { program: string }) => this.records.program(m.program)?.kind;
    const programs = [...new Set(cs.mentions.filter((m) => kindOf(m) === 'program').map((m) => m.program))];
    const entities = [...new Set(cs.mentions.filter((m) => kindOf(m) === 'agency' || kindOf(m) === 'institution').map((m) => m.program))];
    // The task forces and units among them that the records mark as claim subjects (records/subjects.ts).
    const subjects = entities.filter((id) => isClaimSubject(this.records.program(id)));
    const quoteMatches = cs.quotes.map((q) => this.matchQuote(q.text));
    const context = {
      agencies: cs.mentions.filter((m) => kindOf(m) === 'agency').map((m) => m.program),
      years: cs.numbers.filter((n) => n.unit === 'year').map((n) => n.value),
    };
    const inFootnote = unit.footnoteLabel !== undefined;
    const terminal = TERMINAL.exec(cs.text);
    const closing = terminal ? undefined : TERMINAL_THEN_CLOSING.exec(cs.text);
    facts = {
      programs,
      entities: entities.length === 0 ? NONE : entities,
      subjects: subjects.length === 0 ? NONE : subjects,
      quoteMatches,
      attributionSources: cs.attributions.map((a) => this.withQuotedFirst(resolveAttribution(a, this.records, programs, context), quoteMatches)),
      numbers: cs.numbers.map((n) => ({ ...n, text: cs.text.slice(n.start, n.end) })),
      isClaim: false,
      claimShaped: unit.kind !== 'heading' && !cs.isQuestion && !inFootnote && !cs.notClaim && looksLikeSentence(cs.text, unit.kind),
      terminal: terminal ? terminal.index : closing ? closing.index : undefined,
      closed: closing ? closing.index + closing[0].length : undefined,
    };
    facts.isClaim = facts.claimShaped && (programs.length > 0 || subjects.length > 0);
    this.facts.set(cs, facts);
    return facts;
  }

  /**
   * The document's title — its first prose unit, when a heading — and what its sentences describe
   * (descriptions.ts: resolveTitle) among the programs that the rest of the document names, read
   * once over the chunks' mentions; undefined when the title describes nothing.
   */
  private titleReadings(placed: readonly PlacedAnalysis[]): { chunk: ChunkAnalysis; readings: Map<ChunkSentence, TitleReading[]>; key: string } | undefined {
    let first = 0;
    for (; first < placed.length && placed[first].chunk.units.length === 0; first++) {
      // A chunk left unparsed may hold the title: it names nothing, so describes nothing either.
      if (placed[first].chunk.lazy && !/^\s*(?:<!--[\s\S]*?-->\s*)*$/.test(placed[first].text)) return undefined;
    }
    if (first === placed.length) return undefined;
    const chunk = placed[first].chunk;
    const unit = chunk.units[0];
    if (unit.kind !== 'heading') return undefined;
    const titles = unit.sentences.filter((i) => mayDescribeInTitle(chunk.sentences[i].text, chunk.sentences[i].mentions, this.records));
    if (titles.length === 0) return undefined;
    const body = new Set<string>();
    for (let p = first; p < placed.length; p++) {
      const sentences = placed[p].chunk.sentences;
      for (let i = p === first ? Math.max(...unit.sentences) + 1 : 0; i < sentences.length; i++) for (const m of sentences[i].mentions) body.add(m.program);
    }
    const readings = new Map<ChunkSentence, TitleReading[]>();
    const keys: string[] = [];
    for (const i of titles) {
      const cs = chunk.sentences[i];
      const found = resolveTitle(cs.text, cs.toSource, cs.mentions, body, this.records);
      if (found.length === 0) continue;
      readings.set(cs, found);
      keys.push(`${i}:${found.map((r) => `${r.start}-${r.end}=${r.target}`).join(',')}`);
    }
    return readings.size === 0 ? undefined : { chunk, readings, key: keys.join(';') };
  }

  /** A title sentence's mentions with what its readings make of them; its model's programs to match. */
  private readTitle(s: SentenceModel, mentions: readonly ChunkMention[], readings: readonly TitleReading[]): ChunkMention[] {
    const out: ChunkMention[] = mentions.filter((m) => !readings.some((r) => r.replaces === m.program && r.start === m.start));
    for (const r of readings) out.push({ start: r.start, end: r.end, program: r.target, text: r.text, unconfirmed: false, described: true });
    out.sort((a, b) => a.start - b.start);
    for (const r of readings) {
      if (r.replaces && !out.some((m) => m.program === r.replaces)) s.programs = s.programs.filter((p) => p !== r.replaces);
      const entry = this.records.program(r.target);
      if (entry?.kind === 'program') {
        if (!s.programs.includes(r.target)) s.programs = [...s.programs, r.target];
      } else if (isClaimSubject(entry) && !(s.subjects ?? []).includes(r.target)) s.subjects = [...(s.subjects ?? []), r.target];
    }
    return out;
  }

  /**
   * A paragraph's sentence that may be about the program the document is about: it comes before
   * the paragraph names any, names no program itself, holds no description, carries none from its
   * paragraph and says something checkable (topic.ts).
   */
  private mayCarry(cs: ChunkSentence, unit: ChunkUnit): boolean {
    // A description that did not resolve ("The operation…" where two fit) is not overruled by the topic.
    return unit.kind === 'paragraph' && !unit.inBlockquote && !cs.afterSubject && !cs.carried && !cs.notClaim && !cs.openDescriptions && mayBeCarried(cs.text, cs.numbers, cs.mentions, this.records);
  }

  /** Whether a chunk's models depend on what the document named before it: an open description, or a figure in a sentence that names nothing. */
  private readsNamed(chunk: ChunkAnalysis): boolean {
    let reads = this.namedReaders.get(chunk);
    if (reads === undefined) {
      reads = chunk.sentences.some((cs) => cs.openDescriptions !== undefined || this.mayCarry(cs, chunk.units[cs.unit]));
      this.namedReaders.set(chunk, reads);
    }
    return reads;
  }

  /**
   * Descriptions that nothing before them in the paragraph fits, resolved among the programs of
   * the section's heading (descriptions.ts: resolveOpen), or else to the one program of their kind
   * named so far (NamedSoFar): a program joins the sentence's, which may make it a claim, and the
   * description is listed as a mention.
   */
  private takeTopic(s: SentenceModel, cs: ChunkSentence, unit: ChunkUnit, topic: readonly string[], named: NamedSoFar, offset: number, mentions: MentionRef[]): void {
    const added: string[] = [];
    const subjects: string[] = [];
    for (const d of cs.openDescriptions ?? []) {
      const program = (topic.length > 0 ? resolveOpen(d, topic, this.records) : undefined) ?? (d.afterProgram ? undefined : named.resolve(d));
      if (!program) continue;
      mentions.push({ start: offset + d.start, end: offset + d.end, program, text: d.text, unconfirmed: false, described: true });
      // As the chunk's models are read again when reused (every mention, in order).
      named.add(program);
      const entry = this.records.program(program);
      if (entry?.kind === 'program' && !s.programs.includes(program) && !added.includes(program)) added.push(program);
      else if (isClaimSubject(entry) && !(s.subjects ?? []).includes(program) && !subjects.includes(program)) subjects.push(program);
    }
    if (subjects.length > 0) s.subjects = [...(s.subjects ?? []), ...subjects];
    if (added.length === 0 && subjects.length === 0) return;
    if (added.length > 0) s.programs = [...s.programs, ...added];
    s.isClaim = this.sentenceFacts(cs, unit).claimShaped;
  }

  /** The source whose exact words the sentence quotes comes first. */
  private withQuotedFirst(sources: string[], quoteMatches: Array<QuoteMatch | undefined>): string[] {
    const quoted = quoteMatches.flatMap((m) => (m?.exact ? [m.claim.source] : [])).filter((id) => sources.includes(id));
    return [...new Set([...quoted, ...sources])];
  }

  private matchQuote(text: string): QuoteMatch | undefined {
    if (this.quoteMatches.has(text)) return this.quoteMatches.get(text);
    const match = quoteIndexFor(this.records).match(text);
    this.quoteMatches.set(text, match);
    return match;
  }

  /** An attribution placed in the document, without its sources (the caller sets them). */
  private attributionRef(a: RawAttribution, toDocument: (o: number, isEnd?: boolean) => number, previous: AttributionRef | undefined): AttributionRef {
    return {
      start: toDocument(a.start),
      end: toDocument(a.end, true),
      text: a.text,
      year: a.same && previous ? previous.year : a.year,
      agencies: a.agencies,
      kinds: a.kinds,
      sources: [],
    };
  }

  /** Pandoc's in-text "@key" cites only a source the records know: "@WOLA_org" is a handle. */
  private isCitation(c: ChunkSentence['citations'][number]): boolean {
    return !c.inText || this.knownKey(c.key);
  }

  private resolveCitation(c: ChunkSentence['citations'][number], offset: number, byLabel: Map<string, FootnoteDefinition>): CitationRef {
    let sources: string[] = [];
    if (c.kind === 'footnote') sources = byLabel.get(c.key.toLowerCase())?.sources ?? [];
    else if (c.kind === 'pandoc') sources = c.keys.filter((k) => this.knownKey(k));
    else {
      const id = this.records.sourceForUrl(c.key);
      if (id) sources = [id];
    }
    return { start: offset + c.start, end: offset + c.end, kind: c.kind, key: c.key, sources };
  }

  private resolveFootnotes(placed: Array<{ offset: number; chunk: ChunkAnalysis }>): FootnoteDefinition[] {
    const out: FootnoteDefinition[] = [];
    for (const { offset, chunk } of placed) {
      if (chunk.footnotes.length === 0) continue;
      let own = this.chunkFootnotes.get(chunk);
      if (!own) {
        own = this.footnotesOf(chunk);
        this.chunkFootnotes.set(chunk, own);
      }
      for (const f of own) out.push({ label: f.label, start: offset + f.start, end: offset + f.end, contentStart: offset + f.contentStart, sources: f.sources });
    }
    return out;
  }

  /** A chunk's footnote definitions with the sources they cite; offsets relative to the chunk. */
  private footnotesOf(chunk: ChunkAnalysis): FootnoteDefinition[] {
    const out: FootnoteDefinition[] = [];
    {
      for (const f of chunk.footnotes) {
        const sources = new Set<string>();
        for (const url of f.urls) {
          const id = this.records.sourceForUrl(url);
          if (id) sources.add(id);
        }
        for (const key of f.keys) if (this.knownKey(key)) sources.add(key);
        for (const m of f.text.matchAll(/\b[A-Z]{2,6}-\d{2}-\d{2,5}[A-Z]?\b/g)) {
          const id = this.records.sourceForNumber(m[0]);
          if (id) sources.add(id);
        }
        out.push({ label: f.label, start: f.start, end: f.end, contentStart: f.contentStart, sources: [...sources] });
      }
    }
    return out;
  }
}

/**
 * A chunk's sentence models and mentions, built where the chunk stood, placed at `offset`:
 * each model is the built one seen from the chunk's new place (PlacedSentence), made in
 * constant time; only the mentions, which the analysis lists, are copied.
 */
function placeChunkModels(built: BuiltChunk, offset: number): { sentences: SentenceModel[]; mentions: MentionRef[] } {
  const delta = offset - built.offset;
  return {
    sentences: built.sentences.map((s) => new PlacedSentence(s, delta)),
    mentions: built.mentions.map((m) => ({ ...m, start: m.start + delta, end: m.end + delta })),
  };
}

const moveSpan = <T extends { start: number; end: number }>(x: T, delta: number): T => ({ ...x, start: x.start + delta, end: x.end + delta });
const moveSpans = <T extends { start: number; end: number }>(xs: T[], delta: number): T[] => (xs.length === 0 ? xs : xs.map((x) => moveSpan(x, delta)));

/**
 * A sentence model kept relative to its chunk: the model built where the chunk stood, seen
 * `delta` characters further. Its offsets are the built model's plus `delta`; the lists that
 * hold offsets are moved when first read (most never are: a moved chunk's findings come from
 * the findings cache), and everything else is the built model's own. Nothing modifies a model
 * once built, so the two never disagree.
 */
class PlacedSentence implements SentenceModel {
  readonly start: number;
  readonly end: number;
  private movedCitations: CitationRef[] | undefined;
  private movedInheritedCitations: CitationRef[] | undefined;
  private movedAttributions: AttributionRef[] | undefined;
  private movedInheritedAttributions: AttributionRef[] | undefined;
  private movedQuotes: SentenceModel['quotes'] | undefined;
  private movedCoveredPrograms: Map<number, string[]> | undefined;
  private movedCitePoint: SentenceModel['citePoint'] | undefined;

  constructor(
    private readonly built: SentenceModel,
    private readonly delta: number,
  ) {
    this.start = built.start + delta;
    this.end = built.end + delta;
  }

  get text(): string {
    return this.built.text;
  }
  get kind(): SentenceModel['kind'] {
    return this.built.kind;
  }
  get inBlockquote(): boolean {
    return this.built.inBlockquote;
  }
  get inFootnote(): boolean {
    return this.built.inFootnote;
  }
  get isQuestion(): boolean {
    return this.built.isQuestion;
  }
  get programs(): string[] {
    return this.built.programs;
  }
  get entities(): string[] | undefined {
    return this.built.entities;
  }
  get subjects(): string[] | undefined {
    return this.built.subjects;
  }
  get numbers(): SentenceModel['numbers'] {
    return this.built.numbers;
  }
  get unknownPrograms(): SentenceModel['unknownPrograms'] {
    return this.built.unknownPrograms;
  }
  get isClaim(): boolean {
    return this.built.isClaim;
  }
  get carriedPrograms(): string[] | undefined {
    return this.built.carriedPrograms;
  }
  get citations(): CitationRef[] {
    return (this.movedCitations ??= moveSpans(this.built.citations, this.delta));
  }
  get inheritedCitations(): CitationRef[] {
    return (this.movedInheritedCitations ??= moveSpans(this.built.inheritedCitations, this.delta));
  }
  get attributions(): AttributionRef[] {
    return (this.movedAttributions ??= moveSpans(this.built.attributions, this.delta));
  }
  get inheritedAttributions(): AttributionRef[] {
    return (this.movedInheritedAttributions ??= moveSpans(this.built.inheritedAttributions, this.delta));
  }
  get quotes(): SentenceModel['quotes'] {
    return (this.movedQuotes ??= moveSpans(this.built.quotes, this.delta));
  }
  get coveredPrograms(): Map<number, string[]> | undefined {
    const covered = this.built.coveredPrograms;
    return covered && (this.movedCoveredPrograms ??= new Map([...covered].map(([start, programs]) => [start + this.delta, programs])));
  }
  get citePoint(): SentenceModel['citePoint'] {
    const { end, terminal, closed } = this.built.citePoint;
    const move = (offset: number | undefined) => (offset === undefined ? undefined : offset + this.delta);
    return (this.movedCitePoint ??= { end: end + this.delta, terminal: move(terminal), closed: move(closed) });
  }
  toDocument(textOffset: number, isEnd?: boolean): number {
    return this.built.toDocument(textOffset, isEnd) + this.delta;
  }
}


const LAZY_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)|\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)/m;

function inFootnoteUnit(unit: ChunkUnit): boolean {
  return unit.footnoteLabel !== undefined;
}

const OPENS_QUOTE = /^[\s(]*[“"«„‘]/;

/** Whether a quotation is open after the sentence: one opened before or in it that no closing mark ends (“…, «…, or a straight quote). */
function leavesQuoteOpen(text: string, openBefore: boolean): boolean {
  let open = openBefore;
  for (const c of text) {
    if (c === '“' || c === '«' || c === '„') open = true;
    else if (c === '”' || c === '»') open = false;
    else if (c === '"') open = !open;
  }
  return open;
}

/**
 * What a paragraph's sentences take from each other: a quotation that goes on in a new
 * sentence is said by whoever said its first part ("“…,” said the general. “…”"); a closing
 * "Source:"/"Fuente:" line attributes the whole paragraph.
 */
function inheritWithinParagraph(unit: SentenceModel[]): void {
  let speaker: AttributionRef[] = [];
  // Whether a quotation opened in an earlier sentence is still open: its next sentences are the same speaker's words.
  let open = false;
  for (const s of unit) {
    if (s.attributions.length > 0) {
      // "Col. Arriaga explained there are plans…. “We are constantly exchanging…. For example, …”": who is said to speak says the quotation that follows.
      speaker = s.attributions;
      open = leavesQuoteOpen(s.text, open);
      continue;
    }
    if (speaker.length > 0 && (open || OPENS_QUOTE.test(s.text))) s.inheritedAttributions.push(...speaker);
    else speaker = [];
    open = leavesQuoteOpen(s.text, open);
  }
  const last = unit[unit.length - 1];
  if (unit.length > 1 && last && isSourceLine(last.text)) {
    const line: AttributionRef = { start: last.start, end: last.end, text: last.text.trim(), agencies: [], kinds: [], sources: [] };
    for (const s of unit.slice(0, -1)) s.inheritedAttributions.push(line);
  }
}

/** A claim is a sentence, not a label: a table cell needs a few words, any prose at least three. */
function looksLikeSentence(text: string, kind: ChunkUnit['kind']): boolean {
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return words >= (kind === 'tableCell' ? 4 : 3);
}

/** A chunk's place in one version of the document, and the signature of what its sentences take from outside it. */
interface PlacedChunk {
  text: string;
  offset: number;
  /** Its sentences: context.sentences[from, to). */
  from: number;
  to: number;
  signature: string;
}

function endsWithFootnoteDefinition(text: string, footnotes: FootnoteDefinition[]): boolean {
  const last = footnotes[footnotes.length - 1];
  return !!last && text.slice(last.end).trim().length === 0;
}

