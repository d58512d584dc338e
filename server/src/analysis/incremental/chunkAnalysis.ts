/**
 * Analysis of one chunk (see chunks.ts), independent of where the chunk stands in the
 * document: every offset here is relative to the chunk's start, so a cached result serves
 * the same text wherever an edit moves it.
 */
import { isClaimSubject } from '../../records/subjects';
import type { RecordSet } from '../../records/recordSet';
import { findAttributions, mayHoldFindingsHeading, maySpeak, NEWS_NAMES, type RawAttribution } from '../attributions';
import { findNumbers, type NumberRef } from '../figures';
import { Intervals } from '../intervals';
import { lowerBound } from '../../sorted';
import { fit } from '../../fit';
import type { Locale } from '../../l10n/messages';
import { extractProse, referenceIdentifier, type ChunkProse, type ProseUnit, toSource, type RawCitation, type RawComment, type RawFootnoteDefinition, type RawLinkDefinition, type UnitKind } from '../prose';
import { simpleProse } from './plainReader';
import { findQuotedPassages, type QuotedPassage } from '../quotes';
import { splitSentences, type SentenceSpan } from '../sentences';
import { isByline, isCaption, isDateline, isFieldLines, isLegalReference, isNothingCheckable, isTitleLine } from '../claimShape';
import { mayHoldDescription, resolveDescriptions, type OpenDescription } from '../descriptions';
import { inContext } from '../../records/context';
import { mayBeCarried, namesOnlyItsAgencies } from '../topic';

export interface ChunkMention {
  start: number;
  end: number;
  program: string;
  text: string;
  unconfirmed: boolean;
  /** Read from a description ("the unit", "esta unidad"), not a name (descriptions.ts). */
  described?: boolean;
}

export interface ChunkSentence {
  /** Source offsets, relative to the chunk. */
  start: number;
  end: number;
  /** The sentence's plain text (citations blanked out). */
  text: string;
  /** Index of its unit in ChunkAnalysis.units. */
  unit: number;
  isQuestion: boolean;
  /** Program, agency and institution mentions; source offsets relative to the chunk, like `citations`. */
  mentions: ChunkMention[];
  citations: RawCitation[];
  /** Offsets relative to `text`, like `numbers`, `attributions` and `unknownPrograms`. */
  quotes: QuotedPassage[];
  numbers: NumberRef[];
  attributions: RawAttribution[];
  /** Things shaped like programs ("Operation X", "X Task Force") that no record knows; offsets in `text`. */
  unknownPrograms: Array<{ start: number; end: number; name: string }>;
  /** Maps an offset in `text` to a source offset relative to the chunk. */
  toSource(textOffset: number, isEnd?: boolean): number;
  /** Why the sentence is no claim whatever it names (claimShape.ts): a title line, a caption, nothing checkable. */
  notClaim?: 'title' | 'caption' | 'nothing';
  /** The one program the paragraph named before this sentence, when it names none itself but states something checkable (topic.ts). */
  carried?: string;
  /** Set when the paragraph named a program (or a claim subject) before this sentence: the document's topic does not reach it. */
  afterSubject?: boolean;
  /** Descriptions ("the program") that nothing named before them in the paragraph fits; source offsets relative to the chunk. */
  openDescriptions?: OpenDescription[];
}

export interface ChunkUnit {
  kind: UnitKind;
  inBlockquote: boolean;
  footnoteLabel?: string;
  start: number;
  end: number;
  /** Citations placed after the unit's final punctuation: they cover the whole paragraph. */
  trailingCitations: RawCitation[];
  sentences: number[];
}

export interface ChunkAnalysis {
  units: ChunkUnit[];
  sentences: ChunkSentence[];
  footnotes: RawFootnoteDefinition[];
  comments: RawComment[];
  /** Its link reference definitions, which serve the whole document. */
  definitions: RawLinkDefinition[];
  /**
   * The labels of every bracketed text in the chunk, as identifiers: the references that a
   * definition elsewhere in the document may resolve (crossChunk.ts gives the chunk those).
   */
  referenceLabels: string[];
  /**
   * Set when the chunk was not parsed because nothing in it can be found (see isInert): it
   * holds no units, where a parsed one would hold sentences without mentions, citations,
   * quotes, attributions or unknown programs. The document analysis parses it after all
   * where those sentences matter (a block quote's introduction, crossChunk.ts).
   */
  lazy?: boolean;
}

// "Operation X", "Operación X", "X Task Force", "Fuerza de Tarea X": shapes of a program's name.
const PROGRAM_SHAPES: RegExp[] = [
  /\b(?:Operation|Operaci[óo]n)\s+(?:[\p{Lu}][\p{L}’'-]*)(?:\s+(?:[\p{Lu}][\p{L}’'-]*|of|de|del)){0,3}/gu,
  // Begins at a word's start: a run of letters tried from every letter of a long word costs its length squared.
  /(?<![\p{L}\p{N}\p{M}]|[\p{L}\p{N}][’'-])(?:[\p{Lu}][\p{L}’'-]*\s+){1,4}Task\s+Forces?(?:\s+[\p{Lu}][\p{L}’'-]*){0,2}/gu,
  /\bFuerzas?\s+de\s+Tarea\s+(?:Interinstitucional\s+)?(?:[\p{Lu}][\p{L}’'-]*)(?:\s+[\p{Lu}][\p{L}’'-]*){0,2}/gu,
];
const LEADING_NOISE = /^(?:(?:The|A|An|Another|Under|In|Its|Their|Our|This|That|These|Those|Since|During|With|And|But|U\.S\.|Southern|Command’s|Command's)\s+)+/u;
const TRAILING_NOISE = /(?:\s+(?:of|de|del))+$/u;

/**
 * The prose of one chunk. With `shortcuts`, a plain chunk is read without remark
 * (plainReader.ts); the result is the same either way (test/unit/incremental.test.ts).
 */
export function chunkProse(chunk: string, shortcuts = true): ChunkProse {
  return (shortcuts && simpleProse(chunk)) || extractProse(chunk);
}

/**
 * Analyses one chunk's text against the records' alias index. With `shortcuts` (the default)
 * an inert chunk is left unparsed (`lazy`, unless `lazy: false`), a plain paragraph is read
 * without remark (plainReader.ts) and finders that cannot match are not run; `shortcuts: false`
 * does all the work, for tests that check the shortcuts change nothing.
 */
export function analyzeChunk(
  chunk: string,
  records: RecordSet,
  { shortcuts = true, lazy = shortcuts, locale = 'en' }: { shortcuts?: boolean; lazy?: boolean; locale?: Locale } = {},
): ChunkAnalysis {
  if (lazy && isInert(chunk, records)) return { units: [], sentences: [], footnotes: [], comments: [], definitions: [], referenceLabels: [], lazy: true };
  const prose = chunkProse(chunk, shortcuts);
  const result: ChunkAnalysis = {
    units: [],
    sentences: [],
    footnotes: prose.footnotes,
    comments: prose.comments,
    definitions: prose.definitions,
    referenceLabels: referenceLabels(chunk),
  };
  for (const unit of prose.units) {
    const named = inContext(records, records.aliasIndex.findMentions(unit.text), unit.text);
    // Outside headings, a description nothing before it fits may take its section heading's program (analyzer.ts).
    const open: OpenDescription[] | undefined = unit.kind === 'heading' || unit.footnoteLabel !== undefined ? undefined : [];
    const described = resolveDescriptions(unit.text, named, records, open);
    const allMentions: Array<(typeof named)[number] & { described?: boolean }> =
      described.length === 0
        ? named
        : [...named, ...described.map((d) => ({ start: d.start, end: d.end, target: d.target, alias: d.text, unconfirmed: false, described: true }))].sort((a, b) => a.start - b.start);
    const passages = findQuotedPassages(unit.text);
    const spans = joinAcrossQuotes(splitSentences(unit.text, locale), passages);
    const chunkUnit: ChunkUnit = {
      kind: unit.kind,
      inBlockquote: unit.inBlockquote,
      footnoteLabel: unit.footnoteLabel,
      start: unit.start,
      end: unit.end,
      trailingCitations: [],
      sentences: [],
    };
    const lastEnd = spans.length > 0 ? toSource(unit, spans[spans.length - 1].end, true) : unit.start;
    const trailingText = unit.text.slice(spans[spans.length - 1]?.end ?? 0);
    if (spans.length > 0 && /^\s*$/.test(trailingText)) {
      chunkUnit.trailingCitations = unit.citations.filter((c) => c.start >= lastEnd);
    }
    // Mentions, citations and passages are in text order, like the sentences: each sentence takes
    // its share by advancing a cursor, so a paragraph of many sentences costs no more than its length.
    let nextMention = 0;
    let nextCitation = 0;
    let nextPassage = 0;
    let nextOpen = 0;
    // The programs the paragraph has named so far (by name or description), up to two.
    const namedSoFar: string[] = [];
    const caption = unit.kind === 'paragraph' && isCaption(unit.text);
    spans.forEach((span, i) => {
      const srcStart = toSource(unit, span.start);
      const srcEnd = toSource(unit, span.end, true);
      const srcNext = i + 1 < spans.length ? toSource(unit, spans[i + 1].start) : unit.end;
      const text = unit.text.slice(span.start, span.end);
      const mentions: ChunkMention[] = [];
      while (nextMention < allMentions.length && allMentions[nextMention].start < span.end) {
        const m = allMentions[nextMention++];
        if (m.start >= span.start && m.end <= span.end) {
          mentions.push({ start: m.start - span.start, end: m.end - span.start, program: m.target, text: unit.text.slice(m.start, m.end), unconfirmed: m.unconfirmed, ...(m.described ? { described: true } : {}) });
        }
      }
      const openDescriptions: OpenDescription[] = [];
      while (open && nextOpen < open.length && open[nextOpen].start < span.end) {
        const d = open[nextOpen++];
        if (d.start >= span.start && d.end <= span.end) openDescriptions.push({ ...d, start: toSource(unit, d.start), end: toSource(unit, d.end, true) });
      }
      const citations: RawCitation[] = [];
      while (nextCitation < unit.citations.length && unit.citations[nextCitation].start < srcNext) {
        const c = unit.citations[nextCitation++];
        if (c.start >= (i === 0 ? unit.start : srcStart)) citations.push(c);
      }
      const sentencePassages: QuotedPassage[] = [];
      while (nextPassage < passages.length && passages[nextPassage].start < span.end) {
        const p = passages[nextPassage++];
        if (p.start >= span.start && p.end <= span.end) sentencePassages.push({ ...p, start: p.start - span.start, end: p.end - span.start });
      }
      // Mentions are in order: look up the first one inside the span, then walk only the span.
      const agenciesIn = (from: number, to: number) => {
        const out: string[] = [];
        for (let k = lowerBound(mentions.length, (i) => mentions[i].start < from); k < mentions.length && mentions[k].start < to; k++) {
          const m = mentions[k];
          if (m.end <= to && records.program(m.program)?.kind === 'agency') out.push(m.program);
        }
        return out;
      };
      const sentence: ChunkSentence = {
        start: srcStart,
        end: srcEnd,
        text,
        unit: result.units.length,
        isQuestion: /\?[”"’)\]]*$/.test(text),
        mentions: mentions.map((m) => ({ ...m, start: toSource(unit, span.start + m.start), end: toSource(unit, span.start + m.end, true) })),
        // The lists are kept as long as the chunk is cached: each in an array of its own length.
        citations: fit(citations),
        // A block quote without quotation marks is itself a quoted passage.
        quotes: sentencePassages.length > 0 || !unit.inBlockquote ? fit(sentencePassages) : [{ start: 0, end: text.length, text }],
        // Spanish writes thousands with a dot: "4.600 policías".
        numbers: fit(findNumbers(text, locale === 'es')),
        attributions: !shortcuts || mayAttribute(text, mentions, records) ? fit(findAttributions(text, agenciesIn)) : [],
        unknownPrograms: !shortcuts || PROGRAM_SHAPE_WORD.test(text) ? fit(findUnknownPrograms(text, mentions)) : [],
        toSource: sentenceToSource(unit, span.start),
      };
      const notClaim = caption ? 'caption' : (unit.kind === 'paragraph' && (isTitleLine(text, spans.length === 1) || isByline(text) || isDateline(text))) || isLegalReference(text) || isFieldLines(text) ? 'title' : isNothingCheckable(text) ? 'nothing' : undefined;
      if (notClaim) sentence.notClaim = notClaim;
      if (openDescriptions.length > 0) sentence.openDescriptions = fit(openDescriptions);
      // A sentence that names no program after a paragraph's one program is about it, when it says something checkable (topic.ts).
      if (namedSoFar.length === 1 && unit.kind === 'paragraph' && !notClaim && openDescriptions.length === 0 && mayBeCarried(text, sentence.numbers, mentions, records) && namesOnlyItsAgencies(mentions.map((m) => m.program), namedSoFar[0], records)) {
        sentence.carried = namedSoFar[0];
      }
      if (namedSoFar.length > 0) sentence.afterSubject = true;
      for (const m of mentions) {
        if (namedSoFar.length < 2 && !namedSoFar.includes(m.program) && isClaimSubject(records.program(m.program))) namedSoFar.push(m.program);
      }
      chunkUnit.sentences.push(result.sentences.length);
      result.sentences.push(sentence);
    });
    chunkUnit.sentences = fit(chunkUnit.sentences);
    chunkUnit.trailingCitations = fit(chunkUnit.trailingCitations);
    result.units.push(chunkUnit);
  }
  result.units = fit(result.units);
  result.sentences = fit(result.sentences);
  return result;
}

/**
 * A sentence's map from its text to the chunk's source, holding only its unit and where it
 * starts: a function made inside analyzeChunk would keep every variable of the scopes it was
 * made in alive (the paragraph's mentions, spans and quoted passages) for as long as the chunk
 * is cached.
 */
function sentenceToSource(unit: ProseUnit, from: number): ChunkSentence['toSource'] {
  return (offset, isEnd) => toSource(unit, from + offset, isEnd);
}

// ---------------------------------------------------------------------------------------
// Shortcuts. Each is a cheap test that is true whenever the work it guards could find
// anything; test/unit/incremental.test.ts compares analyses with and without them.

// Every PROGRAM_SHAPES pattern contains one of these words, case and all.
const PROGRAM_SHAPE_WORD = /Operati|Operaci|Task|Fuerza/;

// findAttributions (attributions.ts) keeps a phrase only when it names an agency (a mention)
// or a kind of source: one of its KIND_WORDS. Each of those words contains one of these
// (matched anywhere, in any case, so that the test is looser than KIND_WORDS' \b…\b); the
// second pattern is made of the case-sensitive news names (NEWS_NAMES) themselves. Keep the
// first in step with KIND_WORDS.
const KIND_WORD_PART = /testi|hearing|declar|told|congres|release|comunicado|web\s+story|statement|gao|accountability|report|informe|letter|carta|article|newspaper|periodista|art[ií]culo/i;
const KIND_WORD_CASED = new RegExp(NEWS_NAMES.join('|'));

/** Whether the text may hold one of attributions.ts' KIND_WORDS (test/unit/incremental.test.ts checks each of them). */
export function mayNameKindOfSource(text: string): boolean {
  return KIND_WORD_PART.test(text) || KIND_WORD_CASED.test(text);
}

/** Whether findAttributions could find anything in a sentence: it needs an agency or a kind word. */
function mayAttribute(text: string, mentions: Array<{ program: string }>, records: RecordSet): boolean {
  return mayNameKindOfSource(text) || maySpeak(text) || mentions.some((m) => records.program(m.program)?.kind === 'agency');
}

// Characters that open a citation, link, quotation, block quote, comment or HTML, or change
// the text remark makes of the source (a character reference, an escape, code); GFM's
// autolink literals.
const OPENS_SOMETHING = /[[<>&\\`"“«„@]|www\.|:\/\/|mailto:|xmpp:/i;
// Emphasis, strikethrough or an underscore inside a word: remark may join what the raw text splits.
const INTRAWORD_MARKUP = /[\p{L}\p{N}\p{M}][*_~]+[\p{L}\p{N}\p{M}]/u;

/**
 * Whether a chunk can produce nothing at all: no mention, citation, footnote, quote,
 * attribution, unknown program or comment. Such a chunk need not be parsed.
 *
 * Why the raw text suffices: the prose remark makes of a chunk is its text with markup
 * removed. Where the chunk has none of OPENS_SOMETHING and no INTRAWORD_MARKUP, what is
 * removed (block markers, emphasis delimiters next to a non-word character, table pipes,
 * line indentation) never joins two words and never splits one, so the word tokens of every
 * prose unit are a run of the raw text's tokens: an alias found in the prose is found in the
 * raw text. Quotation marks, links, footnotes, Pandoc citations and comments all need a
 * character of OPENS_SOMETHING (a block quote needs ">"); an attribution needs an agency
 * (an alias) or a kind word; an unknown program needs a PROGRAM_SHAPE_WORD; a description ("the
 * program", which a section heading may resolve) needs a determiner and its noun. Figures alone
 * do nothing: the checks read numbers only in sentences about a program or a source.
 */
export function isInert(chunk: string, records: RecordSet): boolean {
  return (
    !OPENS_SOMETHING.test(chunk) &&
    !INTRAWORD_MARKUP.test(chunk) &&
    !PROGRAM_SHAPE_WORD.test(chunk) &&
    !mayNameKindOfSource(chunk) &&
    !mayHoldFindingsHeading(chunk) &&
    !mayHoldDescription(chunk) &&
    !records.aliasIndex.hasMention(chunk)
  );
}

// A link label: up to 999 characters, no unescaped bracket (CommonMark).
const BRACKETED = /\[((?:[^[\]\\]|\\.){1,999})\]/g;

function referenceLabels(chunk: string): string[] {
  if (!chunk.includes('[')) return [];
  const labels = new Set<string>();
  for (const m of chunk.matchAll(BRACKETED)) {
    // Footnote references and Pandoc citations are not link references.
    if (m[1][0] !== '^' && !m[1].includes('@')) labels.add(referenceIdentifier(m[1]));
  }
  return [...labels];
}

/** A quotation that runs over several sentences belongs to the sentence that opens it. */
function joinAcrossQuotes(spans: SentenceSpan[], passages: QuotedPassage[]): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  // Passages are in order and do not overlap; those that end before a sentence end cannot cross it.
  let k = 0;
  for (const span of spans) {
    const prev = out[out.length - 1];
    while (prev && k < passages.length && passages[k].end <= prev.end) k++;
    if (prev && k < passages.length && passages[k].start < prev.end) {
      prev.end = span.end;
      prev.next = span.next;
    } else out.push({ ...span });
  }
  return out;
}

function findUnknownPrograms(text: string, known: Array<{ start: number; end: number }>): ChunkSentence['unknownPrograms'] {
  const out: ChunkSentence['unknownPrograms'] = [];
  for (const re of PROGRAM_SHAPES) {
    // One pattern's matches never overlap each other: test them against what came before.
    const taken = new Intervals([...known, ...out]);
    for (const m of text.matchAll(re)) {
      let start = m.index;
      let name = m[0];
      const lead = LEADING_NOISE.exec(name);
      if (lead) {
        start += lead[0].length;
        name = name.slice(lead[0].length);
      }
      name = name.replace(TRAILING_NOISE, '');
      const end = start + name.length;
      if (!/\s/.test(name)) continue;
      if (taken.overlaps(start, end)) continue;
      // A closing quote or a plural's apostrophe is not part of the name: ‘Halcón’ Task Force.
      out.push({ start, end, name: name.replace(/[’']+(?=\s)/g, '') });
    }
  }
  return out;
}
