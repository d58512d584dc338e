/** Runs checks over a document model, at their configured severities. */
import type { Check } from '../checks';
import type { AnalysisOptions, CheckContext, Finding, Severity } from './model';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

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
      for (const { atMost, ...f } of check.check(ctx)) into.push({ ...f, severity: atMost && RANK[atMost] > RANK[severity] ? atMost : severity });
    } catch (err) {
      ok = false;
      if (!errors.has(check)) errors.set(check, err instanceof Error ? err.message : String(err));
    }
  }
  return ok;
}
