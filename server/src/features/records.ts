/**
 * Record loading for the server: one RecordSet per workspace folder (bundled records, every
 * JSON/YAML file under the folder's `.claimcheck/`, and the folder's `claimcheck.records`
 * extras), reloaded when the client reports a watched file changed or the settings change.
 * Problems in record files are published as diagnostics in those files; the valid records
 * keep serving.
 */
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic, type WorkspaceFolder } from 'vscode-languageserver/node';
import { bundledRecordPaths, expandRecordPaths, nearestRecordsDir, readRecordFiles } from '../node/recordFiles';
import { readTextFile } from '../node/safeRead';
import { parseRecordFile, type ParsedRecordFile } from '../records/loader';
import { msg, type Locale } from '../l10n/messages';
import { problemText, recordProblem } from '../records/problems';
import { RecordSet } from '../records/recordSet';
import type { RecordFileText, RecordProblem } from '../records/types';
import { documentFor, toRange } from '../positions';
import type { SettingsStore } from './settings';
import { DIAGNOSTIC_SOURCE } from '../protocol';

/** The code of a diagnostic about a record file. */
export const RECORD_PROBLEM_CODE = 'record-problem';

interface Scope {
  /** The workspace folder's path, or the `.claimcheck/` folder's parent for a file outside every folder. */
  root?: string;
  folderUri?: string;
  records: RecordSet;
}

/** Drafts larger than this are not read from disk for workspace-wide work. */
export const MAX_DRAFT_BYTES = 4 * 1024 * 1024;

/** A closed draft's text from disk, or undefined when it is not a file, too large, or unreadable. */
export function readDraft(uri: string): string | undefined {
  const path = uriToPath(uri);
  if (!path) return undefined;
  const read = readTextFile(path, MAX_DRAFT_BYTES);
  return read.ok ? read.text : undefined;
}

/** Turns a `file:` URI into a path, or undefined for other schemes (untitled:, vscode-notebook-cell:…). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

function comparable(path: string): string {
  return process.platform === 'win32' || process.platform === 'darwin' ? path.toLowerCase() : path;
}

/** Whether `path` is `folder` or inside it. */
export function isInside(path: string, folder: string): boolean {
  const p = comparable(path);
  const f = comparable(folder.endsWith(sep) ? folder.slice(0, -1) : folder);
  return p === f || p.startsWith(f + sep);
}

export class RecordManager {
  private folders: Array<{ uri: string; path: string }> = [];
  private scopes = new Map<string, Scope>();
  /** Scopes for files outside every workspace folder, keyed by the nearest `.claimcheck/` (or '' for none). */
  private outsideScopes = new Map<string, Scope>();
  private bundled: ParsedRecordFile[] | undefined;
  private bundledProblems: RecordProblem[] = [];
  private bundledTexts = new Map<string, string>();
  private published = new Set<string>();
  private loading: Promise<void> = Promise.resolve();
  private pending = false;
  /** Resolves once the first load is done; documents wait for it. */
  readonly ready: Promise<void>;
  private markReady!: () => void;
  /** Bumped on every reload; diagnostics result ids include it. */
  epoch = 0;

  constructor(
    private readonly connection: Connection,
    private readonly settings: SettingsStore,
    /** Publishes (or, with an empty list, clears) diagnostics of a record file. */
    private readonly publish: (uri: string, diagnostics: Diagnostic[]) => void,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  setFolders(folders: WorkspaceFolder[] | null | undefined): void {
    this.folders = (folders ?? []).flatMap((f) => {
      const path = uriToPath(f.uri);
      return path ? [{ uri: f.uri, path }] : [];
    });
  }

  workspaceFolders(): ReadonlyArray<{ uri: string; path: string }> {
    return this.folders;
  }

  /** The workspace folder holding a document, if any. */
  folderOf(uri: string): { uri: string; path: string } | undefined {
    const path = uriToPath(uri);
    if (!path) return undefined;
    let best: { uri: string; path: string } | undefined;
    for (const f of this.folders) if (isInside(path, f.path) && (!best || f.path.length > best.path.length)) best = f;
    return best;
  }

  /** The records that apply to a document: its folder's; the first folder's for an untitled one; those of the nearest `.claimcheck/` for a file outside every folder. */
  recordsFor(uri: string): RecordSet {
    const folder = this.folderOf(uri);
    if (folder) {
      const scope = this.scopes.get(folder.uri);
      if (scope) return scope.records;
    }
    const path = uriToPath(uri);
    // An untitled draft belongs to no folder on disk: it gets the first workspace folder's records.
    if (!path && this.folders.length > 0) {
      const first = this.scopes.get(this.folders[0].uri);
      if (first) return first.records;
    }
    const dir = path ? nearestRecordsDir(dirname(path)) : undefined;
    const key = dir ?? '';
    let scope = this.outsideScopes.get(key);
    if (!scope) {
      scope = { root: dir ? dirname(dir) : undefined, records: this.build(dir ? [dir] : [], dir ? dirname(dir) : process.cwd()).records };
      this.outsideScopes.set(key, scope);
    }
    return scope.records;
  }

  /** The file of a record as shown to a writer: relative to its workspace folder when inside one. */
  displayPath(file: string): string {
    for (const f of this.folders) if (isInside(file, f.path)) return relative(f.path, file).split(sep).join('/');
    return file;
  }

  /** Reloads every scope; calls made while a reload runs are coalesced into one more. */
  reload(): Promise<void> {
    if (this.pending) return this.loading;
    this.pending = true;
    this.loading = this.loading.then(async () => {
      this.pending = false;
      try {
        await this.load();
      } catch (err) {
        this.connection.console.error(`Claim Check: loading the records failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      } finally {
        this.markReady();
      }
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    const started = Date.now();
    const scopes = new Map<string, Scope>();
    const problems: RecordProblem[] = [];
    const texts = new Map<string, string>();
    for (const folder of this.folders) {
      const settings = await this.settings.get(folder.uri);
      const paths = [join(folder.path, '.claimcheck'), ...settings.records];
      const built = this.build(paths, folder.path, texts);
      scopes.set(folder.uri, { root: folder.path, folderUri: folder.uri, records: built.records });
      problems.push(...built.records.problems);
    }
    if (this.folders.length === 0) problems.push(...this.build([], process.cwd(), texts).records.problems);
    this.scopes = scopes;
    this.outsideScopes = new Map();
    this.epoch++;
    // Record files belong to no one draft: their problems are said in the first folder's language.
    this.publishProblems(problems, texts, (await this.settings.get(this.folders[0]?.uri)).locale);
    const sizes = [...scopes.values()].map((s) => `${s.records.programs.size} programs, ${s.records.sources.size} sources, ${s.records.claims.size} claims`);
    this.connection.console.info(`Claim Check: records loaded in ${Date.now() - started} ms${sizes.length ? ` (${sizes.join('; ')})` : ''}${problems.length ? `, ${problems.length} problem(s)` : ''}.`);
  }

  /** Bundled records plus the users' files found under `paths` (files, folders or globs relative to `cwd`). */
  private build(paths: string[], cwd: string, texts?: Map<string, string>): { records: RecordSet } {
    const bundled = this.loadBundled(texts);
    let userPaths: string[] = [];
    try {
      userPaths = expandRecordPaths(paths.filter((p) => p), cwd);
    } catch (err) {
      this.connection.console.error(`Claim Check: cannot list record files: ${(err as Error).message}`);
    }
    const { files, problems } = readRecordFiles(userPaths, false);
    for (const f of files) texts?.set(f.path, f.text);
    const set = new RecordSet([...bundled, ...files.map(parseGuarded)]);
    set.problems.unshift(...this.bundledProblems, ...problems);
    return { records: set };
  }

  /** The bundled files, parsed once: they never change while the server runs. */
  private loadBundled(texts?: Map<string, string>): ParsedRecordFile[] {
    if (!this.bundled) {
      let paths: string[] = [];
      try {
        paths = bundledRecordPaths(__dirname);
      } catch (err) {
        this.connection.console.error(`Claim Check: ${(err as Error).message}; only the workspace's records are used.`);
      }
      const { files, problems } = readRecordFiles(paths, true);
      this.bundledProblems = problems;
      this.bundled = files.map(parseGuarded);
      for (const f of files) this.bundledTexts.set(f.path, f.text);
    }
    for (const [path, text] of this.bundledTexts) texts?.set(path, text);
    return this.bundled;
  }

  private publishProblems(problems: RecordProblem[], texts: Map<string, string>, locale: Locale): void {
    const byFile = new Map<string, Map<string, Diagnostic>>();
    for (const p of problems) {
      const uri = pathToUri(p.file);
      let list = byFile.get(uri);
      if (!list) byFile.set(uri, (list = new Map()));
      // The same file may be loaded by several folders' scopes; report each problem once.
      const key = `${p.offset}:${p.field}:${p.message}`;
      if (!list.has(key)) list.set(key, problemDiagnostic(p, texts.get(p.file), locale));
    }
    for (const uri of this.published) if (!byFile.has(uri)) this.publish(uri, []);
    for (const [uri, list] of byFile) this.publish(uri, [...list.values()]);
    this.published = new Set(byFile.keys());
  }
}

function parseGuarded(file: RecordFileText): ParsedRecordFile {
  try {
    return parseRecordFile(file);
  } catch (err) {
    const problem = recordProblem({ file: file.path, offset: 0, field: '' }, 'problem.unloadable', { detail: err instanceof Error ? err.message : String(err) });
    return { path: file.path, kind: file.kind, programs: [], sources: [], claims: [], problems: [problem] };
  }
}

/** A record problem as a diagnostic in its file: from the offending value to the end of its line. */
export function problemDiagnostic(p: RecordProblem, fileText: string | undefined, locale: Locale = 'en'): Diagnostic {
  const doc = documentFor(pathToUri(p.file), fileText ?? '');
  const start = Math.min(p.offset, fileText?.length ?? 0);
  let end = start;
  if (fileText !== undefined) {
    const lineEnd = fileText.slice(start).search(/\r\n|\r|\n/);
    const rest = fileText.slice(start, lineEnd < 0 ? undefined : start + lineEnd);
    end = start + rest.replace(/[\s,]+$/, '').length;
  }
  return {
    range: toRange(doc, { start, end }),
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: RECORD_PROBLEM_CODE,
    source: DIAGNOSTIC_SOURCE,
    message: p.field ? msg(locale, 'problem.at', { message: problemText(p, locale), field: p.field }) : problemText(p, locale),
  };
}
