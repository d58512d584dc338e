/** The three kinds of record, as stored in data/programs/<id>.json, data/sources/<id>.json, the compiled dist/records/*.json and users' record files. */
import type { MessageId } from '../l10n/messages';

export type ProgramKind = 'program' | 'agency' | 'institution';
export type ProgramState = 'active' | 'suspended' | 'ended' | 'planned' | 'proposed' | 'unknown';

export interface StatusEvent {
  date: string;
  event: string;
  source?: string;
}

/** A date with the source that gives it (status.started, suspended, ended). */
export interface DatedFact {
  date: string;
  source?: string;
  note?: string;
}

export interface ProgramStatus {
  state: ProgramState;
  started?: DatedFact;
  suspended?: DatedFact;
  ended?: DatedFact;
  /** Older files' start date; the loader reads it as started.date. */
  since?: string;
  events?: StatusEvent[];
}

export interface AmbiguousAlias {
  alias: string;
  /** One of these words or phrases must be in the paragraph. */
  needs?: string[];
  /** None of these may be in the paragraph. */
  excludes?: string[];
  notFollowedBy?: string[];
  notPrecededBy?: string[];
  /** The rule holds only where the alias is written in the singular ("the IATF", not "the IATFs"). */
  singular?: boolean;
  /**
   * The match counts only written exactly as the alias is ("State" for the Department of State,
   * not "state", "STATE" or "States"). With `needs`, such an alias may be a common word.
   */
  exactCase?: boolean;
}

export interface Program {
  id: string;
  kind: ProgramKind;
  name: string;
  aliases: string[];
  unconfirmedAliases?: string[];
  /** Aliases that mean something else elsewhere, with the context a match needs or that rules it out (records/context.ts). */
  ambiguousAliases?: AmbiguousAlias[];
  agency: string[];
  type?: string;
  country?: string[];
  description?: string;
  status?: ProgramStatus;
  note?: string;
  /**
   * An agency or institution that writers write about as they do of a program — a task force or
   * unit that runs operations (JTF-Bravo, FUSINA): a declarative sentence about it is a claim to cite.
   */
  claimSubject?: boolean;
}

export type Verification = 'confirmed' | 'probable' | 'candidate' | 'unidentified';
/** What was checked of a source: its wording, the document only, its figures only, or nothing yet. */
export type Checked = 'wording' | 'document' | 'figures' | 'none';
export type SourceRelation = 'primary' | 'oversight' | 'secondary';

/** A CSL-JSON item, with Claim Check's own fields under `custom`. */
export interface Source {
  id: string;
  type: string;
  title?: string;
  author?: Array<{ family?: string; given?: string; literal?: string }>;
  issued?: { 'date-parts'?: Array<Array<number | string>>; raw?: string; literal?: string };
  publisher?: string;
  'container-title'?: string;
  number?: string;
  URL?: string;
  note?: string;
  language?: string;
  custom?: {
    kind?: string;
    agencies?: string[];
    checked?: Checked;
    /** Where the text was read, when not at URL (a faithful copy). */
    seenAt?: string;
    relation?: SourceRelation;
    alternateUrls?: string[];
    /** Older files' fields; the loader derives `checked` from them. */
    verification?: Verification;
    documentConfirmed?: boolean;
    role?: string;
    seedAttribution?: string;
  };
  [extra: string]: unknown;
}

export type FigureUnit =
  | 'year'
  | 'person'
  | 'usd'
  | 'week'
  | 'month'
  | 'day'
  | 'mile'
  | 'organization'
  | 'arrest'
  | 'vehicle'
  | 'percent'
  | 'count'
  | 'kilogram'
  | 'ton'
  | 'vessel'
  | 'flight'
  | 'case'
  | 'encounter'
  | 'expulsion'
  | 'removal'
  | 'participant';

/** When a figure holds: D is YYYY, YYYY-MM or YYYY-MM-DD. */
export type FigureTime = { in: string } | { from: string; to: string } | { asOf: string } | { since: string };
export type FigureScope = 'total' | 'annual' | 'monthly' | 'cumulative' | 'single-event' | 'part';
export type FigureQualifier = 'exact' | 'about' | 'more-than' | 'at-least' | 'fewer-than' | 'up-to';

export interface Figure {
  value: number;
  unit: FigureUnit;
  label: string;
  /** Word stems that identify the same fact in a sentence ("train" for "trained"). */
  cues?: string[];
  /** What is counted, as an open noun phrase. */
  measure?: string;
  time?: FigureTime;
  place?: string[];
  scope?: FigureScope;
  qualifier?: FigureQualifier;
  /** Other values sources give for the same fact (a contested figure). */
  alternatives?: Array<{ value: number; source: string; note?: string }>;
  /**
   * How the value was worked out when the source does not state it ("2019 was the fifth
   * consecutive year"): a draft that differs gets a warning, not an error, and no fix.
   */
  derived?: string;
}

/** The words a fact was read from, and the address they were read at. */
export interface Evidence {
  url: string;
  excerpt: string;
}

export interface Claim {
  id: string;
  program: string;
  source: string;
  fact: string;
  figures?: Figure[];
  quote?: string;
  quoteVerified?: boolean | null;
  locator?: string;
  evidence?: Evidence;
  note?: string;
}

export type RecordKind = 'programs' | 'sources' | 'claims';

/** Where a record came from: the file and the 0-based line of its entry. */
export interface Origin {
  file: string;
  line: number;
  bundled: boolean;
  /** The entry's index in its file, for JSON pointers such as `/3/aliases/0`; fields are located by ParsedRecordFile.locate. */
  index?: number;
  /** The entry's JSON pointer in its file when it is not `/<index>` (e.g. `/claims/2` in a per-entry file). */
  pointer?: Array<string | number>;
}

export interface Located<T> {
  value: T;
  origin: Origin;
}

export type ProblemSeverity = 'error' | 'warning';

/** The message catalogue's ids for record problems (l10n/messages.ts). */
export type ProblemId = Extract<MessageId, `problem.${string}`>;

/** A problem found while loading a record file, located to file, offset and field. */
export interface RecordProblem {
  file: string;
  /** UTF-16 offset of the offending value in the file's text; the hosts turn it into a line and column (positions.ts). */
  offset: number;
  /** JSON pointer of the field, e.g. `/3/aliases/0`. */
  field: string;
  /** In English; `id` and `values` give it in the writer's language (problemText). */
  message: string;
  id: ProblemId;
  values: Record<string, string | number>;
  severity: ProblemSeverity;
}

/** A record file's text as handed to the loader by the host. */
export interface RecordFileText {
  path: string;
  text: string;
  bundled?: boolean;
  /** Which of the three kinds it holds; guessed from the name and content when absent. */
  kind?: RecordKind;
}
