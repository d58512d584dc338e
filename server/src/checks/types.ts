import type { CheckContext, Finding, FindingCode, SentenceModel, Severity } from '../analysis/model';
import type { Locale } from '../l10n/messages';

/**
 * A finding as a check reports it; the registry applies the configured severity, lowered to
 * `atMost` where the check says the finding can be no more (a contested figure is a warning).
 */
export type CheckFinding = Omit<Finding, 'severity'> & { atMost?: Severity };

/** What every registered check says of itself: the settings and the README are generated from it (scripts/generated.ts). */
export interface CheckInfo {
  /** Also its file name (camel-cased), its diagnostic code and its settings key. */
  code: FindingCode;
  /** One plain sentence, for the settings (package.nls.json) and SARIF rules. */
  description: string;
  /** The same in Spanish (package.nls.es.json). */
  descriptionEs: string;
  /** The README's row: what the finding means and an example, in Markdown. */
  docs: { meaning: string; example: string };
  /** Written here only: the settings' default, the CLI's and the server's. */
  defaultSeverity: Severity;
}

/** A check over one document. */
export interface Check extends CheckInfo {
  /**
   * "sentence" (the default): the check reads `ctx.sentences` one at a time and each finding
   * lies in its sentence's chunk (fixes may also append at the document's end), so the
   * analyzer may run it on one chunk's sentences and keep its findings while the chunk and
   * what it depends on stay the same (analysis/incremental/findingsCache.ts). "document": it reads more
   * than the sentences and runs on every analysis.
   */
  scope?: 'sentence' | 'document';
  check(ctx: CheckContext): Iterable<CheckFinding>;
}

/** One draft as a workspace check sees it: its path (as reported) and its sentence models. */
export interface DraftModel {
  path: string;
  sentences: SentenceModel[];
}

/** A finding in one of several drafts; `path` names the draft. */
export type CrossDraftFinding = CheckFinding & { path: string };

/** A check that compares several drafts; it runs over a workspace (the editor) or the drafts of one `claimcheck check`. */
export interface WorkspaceCheck extends CheckInfo {
  scope: 'workspace';
  checkDrafts(drafts: DraftModel[], locale: Locale): Iterable<CrossDraftFinding>;
}
