/**
 * The analysis core's plain data. Every offset is a UTF-16 code-unit offset into the
 * document text, as JavaScript strings and mdast count them; only the hosts turn offsets
 * into lines and columns (server/src/positions.ts).
 */

import type { Locale } from '../l10n/messages';
import type { LibraryIndex } from '../library/library';
import type { RecordSet } from '../records/recordSet';
import type { NumberRef } from './figures';
import type { UnitKind } from './prose';
import type { QuoteMatch } from './quotes';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type CitationStyle = 'footnote' | 'pandoc' | 'link';

/** A registered check's code ("uncited-claim"); server/src/checks/index.ts lists them (FINDING_CODES). */
export type FindingCode = string;

export interface Span {
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a writer most likely wants; editors may apply it as the preferred quick-fix. */
  preferred?: boolean;
  /** The recorded source a citation fix cites. */
  source?: string;
}

/** A record the writer may add for an unknown program (written by the editor, not as a text edit). */
export interface SuggestedProgram {
  id: string;
  name: string;
}

export interface Finding extends Span {
  code: FindingCode;
  severity: Severity;
  message: string;
  programs: string[];
  sources: string[];
  fixes: Fix[];
  /** Other places that explain the finding; `path` is set when the place is in another draft. */
  related?: Array<Span & { message: string; path?: string }>;
  suggestedProgram?: SuggestedProgram;
  /** For misquote: the quoted words against the record's, word by word. */
  difference?: Array<{ kind: 'same' | 'added' | 'removed'; text: string }>;
}

export interface MentionRef extends Span {
  program: string;
  text: string;
  unconfirmed: boolean;
  /** Read from a description ("the unit", "esta unidad") that refers back to the program. */
  described?: boolean;
  /**
   * Not a name: a sentence that names no program read as about the one its paragraph, section
   * or document is about (SentenceModel.carriedPrograms). The span is the sentence's.
   */
  carried?: boolean;
}

export type CitationKind = 'footnote' | 'pandoc' | 'link';

export interface CitationRef extends Span {
  kind: CitationKind;
  /** Footnote label, Pandoc key or URL, as written. */
  key: string;
  /** Sources it resolves to (none when the records do not know it). */
  sources: string[];
}

export interface AttributionRef extends Span {
  text: string;
  year?: number;
  agencies: string[];
  kinds: string[];
  /** Candidate sources, best first. */
  sources: string[];
}

export interface FootnoteDefinition extends Span {
  label: string;
  /** Where the definition's content starts (after "[^label]:"). */
  contentStart: number;
  sources: string[];
}

export interface Suppression {
  /** Codes it covers; empty means every code. */
  codes: string[];
  /** Offsets it covers. */
  from: number;
  to: number;
  /** The comment itself. */
  comment: Span;
  reason?: string;
}

export interface AnalysisOptions {
  citationStyle: CitationStyle;
  /** The language of messages and fix titles, and of figures ("4.600" is 4,600 in Spanish). */
  locale?: Locale;
  /** Whether "according to 2016 HSI testimony" alone counts as a citation. */
  attributionCounts: boolean;
  /** Severity per code; 'off' disables the check. */
  severity: Partial<Record<FindingCode, Severity | 'off'>>;
}

export const DEFAULT_OPTIONS: AnalysisOptions = Object.freeze({
  citationStyle: 'footnote',
  locale: 'en',
  attributionCounts: true,
  severity: {},
}) as AnalysisOptions;

export interface DocumentAnalysis {
  findings: Finding[];
  mentions: MentionRef[];
  citations: CitationRef[];
  attributions: AttributionRef[];
  footnotes: FootnoteDefinition[];
  suppressions: Suppression[];
  /** Checks that threw; each is logged by the host and the others still report. */
  internalErrors: Array<{ check: string; message: string }>;
}

/** Where a citation of a sentence would go. */
export interface CitePoint {
  /** Absolute offset just after the sentence's last character (closing quote included). */
  end: number;
  /** Absolute offset of the sentence's final period, question or exclamation mark, if it ends with one. */
  terminal?: number;
  /**
   * When closing quotes or brackets follow the final period (`…Guatemala.”`): the absolute offset
   * just after them. A citation after them would start a sentence of its own; one before the
   * period would fall inside the quotation.
   */
  closed?: number;
}

export interface FootnoteState {
  /** Every footnote label in use (definitions and references), lower-cased. */
  labels: Set<string>;
  /** Existing definitions, with the sources they resolve to. */
  definitions: Array<{ label: string; sources: string[] }>;
  /** Whether the document ends with a footnote definition (then no blank line is needed before a new one). */
  endsWithDefinition: boolean;
  /** The document's line ending (its first one, or "\n"). */
  eol: string;
  /** What closes the code fence or HTML comment block the document ends inside, if it does (fixes.ts: openBlockAtEnd). */
  openAtEnd: string | undefined;
}

export interface QuoteModel {
  /** Absolute offsets of the quoted words. */
  start: number;
  end: number;
  text: string;
  match?: QuoteMatch;
}

export interface SentenceModel {
  /** Absolute offsets. */
  start: number;
  end: number;
  text: string;
  kind: UnitKind;
  inBlockquote: boolean;
  inFootnote: boolean;
  isQuestion: boolean;
  /** Distinct ids of the programs it mentions (records of kind "program", not agencies or institutions). */
  programs: string[];
  /** Distinct ids of the agencies and institutions it names (a task force, a police force, a command). */
  entities?: string[];
  /**
   * The entities among them that the records mark as claim subjects (task forces and units that
   * run operations: records/subjects.ts). A declarative sentence about one is a claim, as about a
   * program; the figure checks still read them as entities.
   */
  subjects?: string[];
  /** Citations in the sentence itself. */
  citations: CitationRef[];
  /**
   * For a citation after a paragraph's final punctuation: the programs of every sentence it
   * covers (its own and those of sentences without a citation of their own), by citation start;
   * absent where there is none.
   */
  coveredPrograms?: Map<number, string[]>;
  /** Citations it inherits from its paragraph or from the sentence introducing its block quote. */
  inheritedCitations: CitationRef[];
  attributions: AttributionRef[];
  inheritedAttributions: AttributionRef[];
  quotes: QuoteModel[];
  numbers: Array<NumberRef & { text: string }>;
  unknownPrograms: Array<{ start: number; end: number; name: string }>;
  /** A declarative sentence about a tracked program in prose. */
  isClaim: boolean;
  /**
   * A declarative sentence that names no program, agency or institution but states a figure, in
   * a paragraph whose earlier sentences named exactly one program: that program. Only
   * `uncited-claim` reads it (the figures are not compared: nothing says which fact they count).
   */
  carriedPrograms?: string[];
  /** Where a citation would go. */
  citePoint: CitePoint;
  /** Maps an offset in `text` to an absolute offset. */
  toDocument(textOffset: number, isEnd?: boolean): number;
}

/** What a check sees. */
export interface CheckContext {
  text: string;
  records: RecordSet;
  options: AnalysisOptions;
  sentences: SentenceModel[];
  footnotes: FootnoteDefinition[];
  footnoteState: FootnoteState;
  suppressions: Suppression[];
  /** The writer's own source documents, when there are any: the quote, figure and citation checks read them. */
  library?: LibraryIndex;
}
