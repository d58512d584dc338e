/** Report formats of the `claimcheck` command: stylish, json, sarif (2.1.0) and github annotations. */
import { CHECKS, WORKSPACE_CHECKS } from '../checks';
import type { Severity } from '../analysis/model';
import type { Range } from '../positions';
import { countOf, msg, type Locale } from '../l10n/messages';
import { printable } from '../l10n/printable';

export type ReportFormat = 'stylish' | 'json' | 'sarif' | 'github';

export interface FileReport {
  path: string;
  mentions: Array<{ program: string; text: string; range: Range; carried?: boolean }>;
  findings: Array<{
    code: string;
    severity: Severity;
    message: string;
    range: Range;
    programs: string[];
    sources: string[];
    fixes: Array<{ title: string; source?: string; edits: Array<{ range: Range; newText: string }> }>;
  }>;
  /** Every suppression comment, with its reason, so that a reviewer can audit them. */
  suppressions: Array<{ codes: string[]; reason: string | null; range: Range }>;
}

/** Counts per severity and per code. */
export function summarize(files: FileReport[]) {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const byCode: Record<string, number> = {};
  for (const f of files)
    for (const x of f.findings) {
      bySeverity[x.severity]++;
      byCode[x.code] = (byCode[x.code] ?? 0) + 1;
    }
  return {
    files: files.length,
    findings: files.reduce((n, f) => n + f.findings.length, 0),
    // Names and descriptions of programs; a sentence only read as about one (carried) names none.
    mentions: files.reduce((n, f) => n + f.mentions.filter((m) => !m.carried).length, 0),
    suppressions: files.reduce((n, f) => n + f.suppressions.length, 0),
    ...bySeverity,
    byCode,
  };
}

export function formatReport(files: FileReport[], format: ReportFormat, version: string, locale: Locale = 'en'): string {
  switch (format) {
    case 'json': {
      // Suppressions are listed in the summary, so that each file keeps exactly path, mentions and findings.
      const suppressed = files.flatMap((f) => f.suppressions.map((s) => ({ path: f.path, ...s })));
      const summary = { ...summarize(files), suppressed };
      return JSON.stringify({ version: 1, files: files.map(({ path, mentions, findings }) => ({ path, mentions, findings })), summary }, null, 2) + '\n';
    }
    case 'sarif':
      return JSON.stringify(sarif(files, version), null, 2) + '\n';
    case 'github':
      return github(files);
    default:
      return stylish(files, locale);
  }
}

function stylish(files: FileReport[], locale: Locale): string {
  let out = '';
  for (const f of files) {
    if (f.findings.length === 0 && f.suppressions.length === 0) continue;
    // Printed to a terminal or a CI log: a file name or a message must not carry an escape sequence or a line of its own.
    out += `${printable(f.path)}\n`;
    const rows = f.findings.map((x) => [`  ${x.range.start.line + 1}:${x.range.start.character + 1}`, x.severity, printable(x.message), printable(x.code)]);
    const w0 = Math.max(0, ...rows.map((r) => r[0].length));
    const w1 = Math.max(0, ...rows.map((r) => r[1].length));
    for (const r of rows) out += `${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}  ${r[3]}\n`;
    for (const s of f.suppressions) {
      const codes = s.codes.length > 0 ? s.codes.join(', ') : msg(locale, 'report.allChecks');
      out += `  ${s.range.start.line + 1}:${s.range.start.character + 1}  ${msg(locale, 'report.suppressed', { codes, reason: s.reason ?? msg(locale, 'report.noReason') })}\n`;
    }
    out += '\n';
  }
  const s = summarize(files);
  const parts = [countOf(locale, 'report.errors', s.error), countOf(locale, 'report.warnings', s.warning), countOf(locale, 'report.info', s.info), countOf(locale, 'report.hints', s.hint)];
  out += msg(locale, 'report.summary', { findings: countOf(locale, 'report.findings', s.findings), parts: parts.join(', '), files: countOf(locale, 'report.files', s.files), mentions: s.mentions }) + '\n';
  return out;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function sarif(files: FileReport[], version: string) {
  const rules = [...CHECKS, ...WORKSPACE_CHECKS].map((c) => ({
    id: c.code,
    name: c.code.replace(/-(.)/g, (_, ch: string) => ch.toUpperCase()).replace(/^./, (ch) => ch.toUpperCase()),
    shortDescription: { text: c.description },
    defaultConfiguration: { level: SARIF_LEVEL[c.defaultSeverity] },
  }));
  const region = (r: Range) => ({ startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Claim Check', version, rules } },
        columnKind: 'utf16CodeUnits',
        results: files.flatMap((f) =>
          f.findings.map((x) => ({
            ruleId: x.code,
            ruleIndex: rules.findIndex((r) => r.id === x.code),
            level: SARIF_LEVEL[x.severity],
            message: { text: x.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: f.path.replace(/\\/g, '/') }, region: region(x.range) } }],
            fixes: x.fixes.map((fix) => ({
              description: { text: fix.title },
              artifactChanges: [
                {
                  artifactLocation: { uri: f.path.replace(/\\/g, '/') },
                  replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                },
              ],
            })),
          })),
        ),
      },
    ],
  };
}

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

function github(files: FileReport[]): string {
  const data = (s: string) => printable(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  let out = '';
  for (const f of files)
    for (const x of f.findings) {
      const r = x.range;
      out += `::${GITHUB_LEVEL[x.severity]} file=${prop(f.path)},line=${r.start.line + 1},col=${r.start.character + 1},endLine=${r.end.line + 1},endColumn=${r.end.character + 1},title=${prop(x.code)}::${data(x.message)}\n`;
    }
  return out;
}
