import type { CheckContext } from '../analysis/model';
import type { Finding, FindingCode, Severity } from '../analysis/model';

/** A finding as a check reports it; the registry applies the configured severity. */
export type CheckFinding = Omit<Finding, 'severity'>;

/** One check: its code is also its file name, its diagnostic code and its settings key. */
export interface Check {
  code: FindingCode;
  description: string;
  defaultSeverity: Severity;
  /**
   * "sentence" (the default): the check reads `ctx.sentences` one at a time and each finding
   * lies in its sentence's chunk (fixes may also append at the document's end), so the
   * analyzer may run it on one chunk's sentences and keep its findings while the chunk and
   * what it depends on stay the same (analysis/findingsCache.ts). "document": it reads more
   * than the sentences and runs on every analysis.
   */
  scope?: 'sentence' | 'document';
  check(ctx: CheckContext): Iterable<CheckFinding>;
}
