/**
 * What the client and the server both name: the custom request methods with their parameter
 * and result types (as vscode-eslint keeps its protocol in one file), and the `source` of the
 * diagnostics the server publishes. The handlers are in server/src/features/.
 */
import type { Range, WorkDoneProgressParams, WorkspaceEdit } from 'vscode-languageserver/node';
import type { Claim } from './records/types';

/** Checks every draft of the workspace; answers with counts by code (features/workspaceCheck.ts). */
export const CHECK_WORKSPACE_METHOD = 'claimcheck/checkWorkspace';
/** The recorded sources a draft cites, as CSL-JSON (features/citedSources.ts). */
export const CITED_SOURCES_METHOD = 'claimcheck/citedSources';
/** The programs and sources a selection could be recorded under (features/recordClaim.ts). */
export const RECORD_CHOICES_METHOD = 'claimcheck/recordChoices';
/** Adds a claim to the workspace's records (features/recordClaim.ts). */
export const RECORD_CLAIM_METHOD = 'claimcheck/recordClaim';

/** The writer's source documents: their count, pages and failures, for the status item (a notification, server → client). */
export const LIBRARY_STATUS_METHOD = 'claimcheck/libraryStatus';
/** Reads the source documents again, every one (features/library.ts). */
export const REBUILD_LIBRARY_METHOD = 'claimcheck/rebuildLibrary';
/** The source document's passage for the quote at a position, to open it there. */
export const SOURCE_PASSAGE_METHOD = 'claimcheck/sourcePassage';

/** The `source` of every diagnostic the server publishes, on drafts and on record files. */
export const DIAGNOSTIC_SOURCE = 'Claim Check';

// claimcheck/checkWorkspace

export type CheckWorkspaceParams = WorkDoneProgressParams;

export interface CheckWorkspaceResult {
  files: number;
  filesWithFindings: number;
  findings: number;
  byCode: Record<string, number>;
  /** More drafts than MAX_FILES: the rest were not checked. */
  truncated: boolean;
  cancelled: boolean;
}

// claimcheck/citedSources (the result: CSL-JSON items)

export interface CitedSourcesParams {
  textDocument: { uri: string };
}

// claimcheck/recordChoices and claimcheck/recordClaim

export interface RecordChoicesParams {
  /** The document holding the selection; its workspace folder gets the claim. */
  textDocument?: { uri: string };
  /** The selection, to rank the sources cited near it first (when the document is an open draft). */
  range?: Range;
  /** The sentence around the selection, to rank the programs it names first. */
  text?: string;
}

export interface Choice {
  id: string;
  /** The program's name or the source's title. */
  label: string;
  /** One line: kind and agencies, or number, date and publisher. */
  detail: string;
}

export interface RecordChoices {
  /** Suggested first (named in the sentence), then by name. */
  programs: Choice[];
  /** Suggested first (cited nearest the selection), then the writer's own, then by title. */
  sources: Choice[];
  suggestedPrograms: string[];
  suggestedSources: string[];
  /** The file the claim goes to; absent without a workspace folder. */
  claimsFile?: string;
}

export interface RecordClaimParams {
  textDocument?: { uri: string };
  program: string;
  source: string;
  fact: string;
  /** The selected words; surrounding quotation marks are removed. */
  quote: string;
  /** The claims file's text when the editor holds unsaved changes to it, and that text's version. */
  claimsText?: string;
  claimsVersion?: number;
}

export type RecordClaimResult = { id: string; uri: string; claim: Claim; edit: WorkspaceEdit } | { error: string };

// claimcheck/libraryStatus, claimcheck/rebuildLibrary, claimcheck/sourcePassage

export interface LibraryStatusParams {
  documents: number;
  pages: number;
  failures: number;
  building: boolean;
  /** The same in the writer's language, one line. */
  text: string;
}

export interface SourcePassageParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}

/** Where a quoted passage stands in its source document (the client opens it there). */
export type { SourcePassage } from './library/judge';
