/**
 * `claimcheck records validate | stats | find | lint`: the records themselves, for whoever writes
 * them. Exit codes as for `check`: 0 nothing at or above --fail-on, 1 something is, 2 usage error.
 */
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { problemText } from '../records/problems';
import { lintRecords, type LintFinding } from '../records/lint';
import type { RecordSet } from '../records/recordSet';
import { loadRecords, nearestRecordsDir, problemPosition } from '../node/recordFiles';
import { loadCommonWords } from '../node/commonWords';

interface RecordsOptions {
  records: string[];
  bundled: boolean;
  format: 'stylish' | 'json';
  failOn: 'error' | 'warning' | 'none';
}

/** How many of the most frequent words of each language an alias may not be. */
export const COMMON_WORDS_TOP = 5000;

const SEVERITY_RANK = { error: 0, warning: 1 } as const;

/** The records to look at: the given paths (or the nearest .claimcheck/ folder) and, unless --no-bundled, the bundled ones. */
function load(paths: string[], opts: RecordsOptions, cwd: string): RecordSet {
  for (const p of paths) if (!existsSync(resolve(cwd, p)) && !/[*?{]/.test(p)) throw new UsageErrorRecords(`No such record file or folder: ${p}`);
  const own = paths.length > 0 ? paths : [nearestRecordsDir(cwd)].filter((d): d is string => !!d);
  return loadRecords({ bundled: opts.bundled, extra: [...opts.records, ...own] }, cwd);
}

export class UsageErrorRecords extends Error {}

function exitCode(findings: Array<{ severity: 'error' | 'warning' }>, failOn: RecordsOptions['failOn']): number {
  if (failOn === 'none') return 0;
  return findings.some((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn]) ? 1 : 0;
}

function report(found: LintFinding[], opts: RecordsOptions, cwd: string): string {
  const findings = found.map((f) => {
    if (f.offset === undefined) return f;
    const { line, character } = problemPosition({ file: f.file, offset: f.offset });
    return { ...f, line, column: character, offset: undefined };
  });
  if (opts.format === 'json') return JSON.stringify(findings.map((f) => ({ ...f, file: relative(cwd, f.file) || f.file, line: f.line + 1, column: f.column + 1 })), null, 2) + '\n';
  const lines = findings.map((f) => `${relative(cwd, f.file) || f.file}:${f.line + 1}:${f.column + 1}  ${f.severity.padEnd(7)}  ${f.message}  ${f.field}  ${f.code}`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  lines.push(`${findings.length} problem(s) (${errors} error(s), ${findings.length - errors} warning(s))`);
  return lines.join('\n') + '\n';
}

/** `records validate`: every schema and cross-reference problem, located. */
export function runValidate(paths: string[], opts: RecordsOptions, cwd = process.cwd()): { code: number; out: string } {
  const records = load(paths, opts, cwd);
  const findings: LintFinding[] = records.problems.map((p) => ({ code: 'record-problem', severity: p.severity, file: p.file, line: -1, column: -1, offset: p.offset, field: p.field, message: problemText(p, 'en') }));
  return { code: exitCode(findings, opts.failOn), out: report(findings, opts, cwd) };
}

/** `records lint`: validate, then what a schema cannot see. */
export function runLint(paths: string[], opts: RecordsOptions, cwd = process.cwd()): { code: number; out: string } {
  const records = load(paths, opts, cwd);
  const findings = lintRecords(records, { commonWords: loadCommonWords(COMMON_WORDS_TOP) });
  return { code: exitCode(findings, opts.failOn), out: report(findings, opts, cwd) };
}

function count<T>(items: Iterable<T>, key: (t: T) => string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) {
    const k = key(i) ?? '(none)';
    out[k] = (out[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** `records stats`: what the records hold. */
export function recordStats(records: RecordSet) {
  const programs = [...records.programs.values()].map((p) => p.value);
  const sources = [...records.sources.values()].map((s) => s.value);
  const claims = [...records.claims.values()].map((c) => c.value);
  return {
    entries: programs.length,
    entriesByKind: count(programs, (p) => p.kind),
    programs: programs.filter((p) => p.kind === 'program').length,
    sources: sources.length,
    sourcesByKind: count(sources, (s) => s.custom?.kind),
    sourcesByChecked: count(sources, (s) => s.custom?.checked),
    claims: claims.length,
    claimsWithEvidence: claims.filter((c) => c.evidence).length,
    figures: claims.reduce((n, c) => n + (c.figures?.length ?? 0), 0),
    quotes: claims.filter((c) => c.quote).length,
    verifiedQuotes: claims.filter((c) => c.quote && c.quoteVerified === true).length,
  };
}

function statsText(s: ReturnType<typeof recordStats>): string {
  const table = (t: Record<string, number>) => Object.entries(t).map(([k, v]) => `    ${k}: ${v}`).join('\n');
  return [
    `entries: ${s.entries}`,
    table(s.entriesByKind),
    `programs: ${s.programs}`,
    `sources: ${s.sources}`,
    '  by kind:',
    table(s.sourcesByKind),
    '  by checked:',
    table(s.sourcesByChecked),
    `claims: ${s.claims} (${s.claimsWithEvidence} with evidence)`,
    `figures: ${s.figures}`,
    `quotes: ${s.quotes} (${s.verifiedQuotes} verified)`,
  ].join('\n') + '\n';
}

/** `records find <name>`: the entries a name maps to, and by which alias. */
export function findName(records: RecordSet, name: string): Array<{ text: string; id: string; kind: string; name: string; alias: string; unconfirmed: boolean }> {
  return records.aliasIndex.findMentions(name).map((m) => {
    const p = records.program(m.target);
    return { text: name.slice(m.start, m.end), id: m.target, kind: p?.kind ?? '', name: p?.name ?? '', alias: m.alias, unconfirmed: m.unconfirmed };
  });
}

export function addRecordsCommand(program: Command, write: (code: number, out: string) => void): void {
  const records = program.command('records').description('validate, count, search and lint record files (default: the nearest .claimcheck/ folder and the bundled records)');
  const common = (cmd: Command) =>
    cmd
      .option('-r, --records <fileOrDir>', 'a record file or folder to load as well (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
      .option('--no-bundled', 'do not load the bundled records')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'));
  common(records.command('validate').description('check record files against their schemas and each other').argument('[paths...]', 'record files or folders'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a problem is at or above this severity').choices(['error', 'warning', 'none']).default('error'))
    .action((paths: string[], opts: RecordsOptions) => {
      const r = runValidate(paths, opts);
      write(r.code, r.out);
    });
  common(records.command('lint').description('validate, then look for shared or common-word aliases, claims without evidence, sources without URL and verified quotes outside their excerpt').argument('[paths...]', 'record files or folders'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a problem is at or above this severity').choices(['error', 'warning', 'none']).default('error'))
    .action((paths: string[], opts: RecordsOptions) => {
      const r = runLint(paths, opts);
      write(r.code, r.out);
    });
  common(records.command('stats').description('count entries, programs, sources, claims, figures and verified quotes').argument('[paths...]', 'record files or folders')).action(
    (paths: string[], opts: RecordsOptions) => {
      const s = recordStats(load(paths, opts, process.cwd()));
      write(0, opts.format === 'json' ? JSON.stringify(s, null, 2) + '\n' : statsText(s));
    },
  );
  common(records.command('find').description('which entry a name or alias maps to').argument('<name>', 'a name as a draft would write it')).action((name: string, opts: RecordsOptions) => {
    const found = findName(load([], opts, process.cwd()), name);
    if (opts.format === 'json') write(found.length ? 0 : 1, JSON.stringify(found, null, 2) + '\n');
    else write(found.length ? 0 : 1, found.length ? found.map((f) => `“${f.text}” → ${f.id} (${f.kind}: ${f.name}) by the alias “${f.alias}”${f.unconfirmed ? ', unconfirmed' : ''}`).join('\n') + '\n' : `No entry is known by “${name}”.\n`);
  });
}
