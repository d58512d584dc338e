import type { CheckContext } from '../analysis/document';
import type { Finding, FindingCode, Severity } from '../analysis/model';

/** A finding as a check reports it; the registry applies the configured severity. */
export type CheckFinding = Omit<Finding, 'severity'>;

/** One check: its code is also its file name, its diagnostic code and its settings key. */
export interface Check {
  code: FindingCode;
  description: string;
  defaultSeverity: Severity;
  check(ctx: CheckContext): Iterable<CheckFinding>;
}
