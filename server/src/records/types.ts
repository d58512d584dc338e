/** The three kinds of record, as they are stored in `data/*.json` and users' record files. */
import type { MessageId } from '../l10n/messages';

export type ProgramKind = 'program' | 'agency' | 'institution';
export type ProgramState = 'active' | 'suspended' | 'ended' | 'planned' | 'proposed' | 'unknown';

export interface StatusEvent {
  date: string;
  event: string;
  source?: string;
}

export interface Program {
  id: string;
  kind: ProgramKind;
  name: string;
  aliases: string[];
  unconfirmedAliases?: string[];
  agency: string[];
  type?: string;
  country?: string[];
  description?: string;
  status?: { state: ProgramState; since?: string; events?: StatusEvent[] };
  note?: string;
}

export type Verification = 'confirmed' | 'probable' | 'candidate' | 'unidentified';

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
  custom?: {
    verification?: Verification;
    documentConfirmed?: boolean;
    kind?: string;
    agencies?: string[];
    role?: string;
    seedAttribution?: string;
    alternateUrls?: string[];
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
  | 'count';

export interface Figure {
  value: number;
  unit: FigureUnit;
  label: string;
  /** Word stems that identify the same fact in a sentence ("train" for "trained"). */
  cues?: string[];
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
