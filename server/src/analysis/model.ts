/**
 * The analysis core's plain data. Every offset is a UTF-16 code-unit offset into the
 * document text, as JavaScript strings and mdast count them; only the hosts turn offsets
 * into lines and columns (server/src/positions.ts).
 */

import type { Locale } from './messages';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type CitationStyle = 'footnote' | 'pandoc' | 'link';

export const FINDING_CODES = [
  'uncited-claim',
  'attribution-without-link',
  'figure-mismatch',
  'misquote',
  'citation-mismatch',
  'unknown-program',
  'suppression-without-reason',
  'inconsistent-figure',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

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
