/**
 * The `claimcheck` command: checks drafts against the records, prints a report and exits
 * 0 (nothing at or above --fail-on), 1 (something is) or 2 (usage or record-loading error).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { globSync } from 'tinyglobby';
import { findInconsistencies, type DraftModel } from '../checks/inconsistentFigure';
import { DocumentAnalyzer } from '../analysis/incremental/analyzer';
import { citedSources } from '../analysis/export';
import { msg, toLocale } from '../l10n/messages';
import { printable } from '../l10n/printable';
import { DEFAULT_OPTIONS, type AnalysisOptions, type CitationStyle, type Severity } from '../analysis/model';
import { expandRecordPaths, loadRecords, nearestRecordsDir, problemPosition } from '../node/recordFiles';
import { describeFailure, readTextFile } from '../node/safeRead';
import { problemText } from '../records/problems';
import type { RecordSet } from '../records/recordSet';
import { formatReport, type FileReport, type ReportFormat } from './report';
import type { LibraryIndex } from '../library/library';
import { LibraryService } from '../node/library/service';
import { libraryLocations, libraryProblemLine } from '../node/library/forRecords';
import { terminalProgress } from '../node/library/progress';
import { MARKDOWN_FILE } from '../markdownFiles';
import { addRecordsCommand, UsageErrorRecords } from './records';
import { documentFor, toRange } from '../positions';
import { version } from '../../../package.json';

const FAIL_ON = ['error', 'warning', 'info', 'hint', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

class UsageError extends Error {}

/** Drafts larger than this are skipped by the command line (and said so). */
export const MAX_CLI_DRAFT_BYTES = 16 * 1024 * 1024;

/** Every --records path must name something: a file, a folder, or a glob that matches a record file. */
function checkRecordPaths(paths: string[], cwd: string): void {
  for (const p of paths) {
    if (!existsSync(resolve(cwd, p)) && expandRecordPaths([p], cwd).length === 0) {
      throw new UsageError(`--records ${printable(p)}: no such file or folder, and no record file matches it`);
    }
  }
}

/** Expands paths, folders and globs into the Markdown files to check. */
export function expandDrafts(paths: string[], cwd: string): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (existsSync(abs) && statSync(abs).isDirectory()) out.push(...walk(abs));
    else if (existsSync(abs)) out.push(abs);
    else {
      const matches = globSync(p, { cwd, absolute: true, ignore: ['**/node_modules/**'] }).filter((f) => MARKDOWN_FILE.test(f));
      if (matches.length === 0) throw new UsageError(`No such file, folder or matching draft: ${printable(p)}`);
      out.push(...matches);
    }
  }
  // A symbolic link loop, or a link to a draft also listed, must not check the same draft twice.
  const seen = new Set<string>();
  return out.filter((path) => {
    let real = path;
    try {
      real = realpathSync(path);
    } catch {
      // A dangling link: kept, so that reading it reports why it was skipped.
    }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (MARKDOWN_FILE.test(entry.name)) out.push(full);
  }
  return out.sort();
}

interface CheckOptions {
  format: ReportFormat;
  records: string[];
  /** Extra folders of source documents named by citation key (repeatable). */
  library?: string[];
  bundled: boolean;
  failOn: FailOn;
  citationStyle: CitationStyle;
  locale: string;
}

/** Runs `claimcheck check`; returns the exit code and the report text. */
export async function runCheck(paths: string[], opts: CheckOptions, cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  checkRecordPaths(opts.records, cwd);
  const drafts = expandDrafts(paths.length > 0 ? paths : ['.'], cwd);
  const recordSets = new Map<string, RecordSet>();
  const libraries = new Map<string, LibraryIndex>();
  const libraryFolders = (opts.library ?? []).map((d) => resolve(cwd, d));
  const options: AnalysisOptions = { ...DEFAULT_OPTIONS, citationStyle: opts.citationStyle, locale: toLocale(opts.locale) };
  const models: Array<DraftModel & { report: FileReport; doc: ReturnType<typeof documentFor> }> = [];
  let err = '';
  let recordErrors = false;
  let skipped = false;
  const reports: FileReport[] = [];
  for (const draft of drafts) {
    // The nearest .claimcheck/ folder above a draft supplies its writer's own records.
    const userDir = nearestRecordsDir(draft);
    const key = userDir ?? '';
    let records = recordSets.get(key);
    if (!records) {
      records = loadRecords({ bundled: opts.bundled, extra: [...opts.records, ...(userDir ? [userDir] : [])] }, cwd);
      recordSets.set(key, records);
      for (const p of records.problems) {
        const at = problemPosition(p);
        err += `${printable(relative(cwd, p.file) || p.file)}:${at.line + 1}:${at.character + 1}: ${p.severity}: ${msg(options.locale, 'problem.field', { message: problemText(p, options.locale), field: p.field || '/' })}\n`;
        if (p.severity === 'error') recordErrors = true;
      }
    }
    // The writer's source documents for these records: read (or taken from the disk cache) once.
    let library = libraries.get(key);
    if (!library) {
      const service = new LibraryService();
      await service.build(libraryLocations(userDir, records, libraryFolders, opts.records.map((r) => resolve(cwd, r))), { onProgress: terminalProgress(process.stderr) });
      library = service.index;
      libraries.set(key, library);
      for (const p of library.problems()) err += `${printable(libraryProblemLine(p, cwd, options.locale))}\n`;
    }
    // Said on stderr, which a terminal or a CI log reads: no escape sequence, no line of its own.
    const shown = printable(relative(cwd, draft) || draft);
    const read = readTextFile(draft, MAX_CLI_DRAFT_BYTES);
    if (!read.ok) {
      err += `${shown}: skipped: ${describeFailure(read)}\n`;
      skipped = true;
      continue;
    }
    const text = read.text;
    if (read.notUtf8) err += `${shown}: warning: not valid UTF-8; invalid bytes were read as U+FFFD\n`;
    const analyzer = new DocumentAnalyzer(records, { library: library.documentCount() > 0 ? library : undefined });
    let checked;
    try {
      checked = analyzer.analyzeWithContext(text, options);
    } catch (e) {
      err += `${shown}: internal error: ${printable((e as Error).message)}\n`;
      skipped = true;
      continue;
    }
    const { analysis, context } = checked;
    for (const e of analysis.internalErrors) err += `${shown}: ${msg(options.locale, 'report.internalError', e)}\n`;
    const doc = documentFor(pathToFileURL(draft).href, text);
    const report: FileReport = {
      path: relative(cwd, draft) || draft,
      mentions: analysis.mentions.map((m) => ({ program: m.program, text: m.text, range: toRange(doc, m), ...(m.carried ? { carried: true } : {}) })),
      findings: analysis.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        message: f.message,
        range: toRange(doc, f),
        programs: f.programs,
        sources: f.sources,
        fixes: f.fixes.map((fix) => ({ title: fix.title, ...(fix.source ? { source: fix.source } : {}), edits: fix.edits.map((e) => ({ range: toRange(doc, e), newText: e.newText })) })),
      })),
      suppressions: analysis.suppressions.map((s) => ({ codes: s.codes, reason: s.reason ?? null, range: toRange(doc, s.comment) })),
    };
    reports.push(report);
    if (drafts.length > 1) models.push({ path: report.path, sentences: context.sentences, report, doc });
  }
  // The same figure stated differently in two drafts.
  for (const f of findInconsistencies(models, options.locale)) {
    const m = models.find((x) => x.path === f.path)!;
    m.report.findings.push({ code: f.code, severity: f.severity, message: f.message, range: toRange(m.doc, f), programs: f.programs, sources: f.sources, fixes: [] });
  }
  for (const m of models) m.report.findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const out = formatReport(reports, opts.format, version, options.locale);
  const threshold = opts.failOn === 'none' ? -1 : RANK[opts.failOn];
  const failing = reports.some((r) => r.findings.some((f) => RANK[f.severity] <= threshold));
  return { code: recordErrors || skipped ? 2 : failing ? 1 : 0, out, err };
}

function choice<T extends string>(values: readonly T[]) {
  return (value: string): T => {
    if (!values.includes(value as T)) throw new InvalidArgumentError(`Allowed: ${values.join(', ')}.`);
    return value as T;
  };
}

/** Parses the command line and runs it; sets process.exitCode. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command('claimcheck')
    .description('Checks advocacy drafts against source records: uncited claims, wrong figures, misquotes.')
    .version(version)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program
    .command('check')
    .description('check Markdown drafts (files, folders or globs; default: the current folder)')
    .argument('[paths...]', 'drafts to check')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['stylish', 'json', 'sarif', 'github']).default('stylish'))
    .option('-r, --records <fileOrDir>', 'a record file or folder to load as well (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--no-bundled', 'do not load the bundled records')
    .option('-l, --library <dir>', 'a folder of source documents named by citation key, <key>.pdf|html|txt|md (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').argParser(choice(FAIL_ON)).default('warning'))
    .addOption(new Option('--citation-style <style>', 'how fixes cite a source').choices(['footnote', 'pandoc', 'link']).default('footnote'))
    .addOption(new Option('--locale <locale>', 'language of messages and of figures (es reads "4.600" as 4,600)').choices(['en', 'es']).default('en'))
    .action(async (paths: string[], opts: CheckOptions) => {
      const result = await runCheck(paths, opts);
      if (result.err) process.stderr.write(result.err);
      process.stdout.write(result.out);
      process.exitCode = result.code;
    });
  program
    .command('sources')
    .description('print the recorded sources a draft cites, as CSL-JSON for pandoc --citeproc --bibliography')
    .argument('<draft>', 'the draft')
    .option('-r, --records <fileOrDir>', 'a record file or folder to load as well (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--no-bundled', 'do not load the bundled records')
    .action((draft: string, opts: { records: string[]; bundled: boolean }) => {
      const path = resolve(draft);
      if (!existsSync(path)) throw new UsageError(`No such draft: ${printable(draft)}`);
      checkRecordPaths(opts.records, process.cwd());
      const read = readTextFile(path, MAX_CLI_DRAFT_BYTES);
      if (!read.ok) throw new UsageError(`${printable(draft)}: cannot be read: ${describeFailure(read)}`);
      const userDir = nearestRecordsDir(path);
      const records = loadRecords({ bundled: opts.bundled, extra: [...opts.records, ...(userDir ? [userDir] : [])] });
      const analysis = new DocumentAnalyzer(records).analyze(read.text);
      process.stdout.write(JSON.stringify(citedSources(analysis, records), null, 2) + '\n');
    });
  addRecordsCommand(program, (code, out) => {
    process.stdout.write(out);
    process.exitCode = code;
  });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    const err = e as { code?: string; exitCode?: number; message?: string };
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
      process.exitCode = 0;
      return;
    }
    if (e instanceof UsageError || e instanceof UsageErrorRecords) process.stderr.write(`claimcheck: ${printable(e.message)}\n`);
    // Commander has printed its own usage errors; anything else is said here, never swallowed.
    else if (!err.code?.startsWith('commander.')) process.stderr.write(`claimcheck: internal error: ${printable(err.message ?? String(e))}\n`);
    process.exitCode = 2;
  }
}
