/** Runs checks over a document model, at their configured severities. */
import type { Check } from '../checks';
import type { AnalysisOptions, CheckContext, Finding, Severity } from './model';

/**
 * Runs `checks` over `ctx` into `into`. A check that throws becomes one internal error (its
 * first message kept in `errors`); the other checks, and its findings elsewhere, still
 * report. Returns whether every check ran to the end.
 */
export function runChecks(checks: readonly Check[], ctx: CheckContext, options: AnalysisOptions, into: Finding[], errors: Map<Check, string>): boolean {
  let ok = true;
  for (const check of checks) {
    const severity = (options.severity[check.code] ?? check.defaultSeverity) as Severity;
    try {
      for (const f of check.check(ctx)) into.push({ ...f, severity });
    } catch (err) {
      ok = false;
      if (!errors.has(check)) errors.set(check, err instanceof Error ? err.message : String(err));
    }
  }
  return ok;
}
