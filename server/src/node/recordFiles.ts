/** Finds and reads record files on disk for the CLI and the server; the core never touches the file system. */
import { aliasCommonWords } from './commonWords';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { positionsIn, type Position } from '../positions';
import { recordProblem } from '../records/problems';
import { RecordSet } from '../records/recordSet';
import type { RecordFileText, RecordProblem } from '../records/types';
import { describeFailure, readTextFile } from './safeRead';

/** Record files larger than this are refused rather than read. */
export const MAX_RECORD_FILE_BYTES = 64 * 1024 * 1024;
const RECORD_FILE = /\.(json|ya?ml|bib|biblatex|bibtex)$/i;

/**
 * The compiled bundled records, `dist/records/` (scripts/build.mjs writes them from data/programs/
 * and data/sources/): in the package beside the bundles, at the repository root in development.
 */
export function bundledDataDir(from: string = __dirname): string {
  const dir = findUp(from, (d) => existsSync(join(d, 'dist', 'records', 'programs.json')));
  if (!dir) throw new Error(`Cannot find the bundled records (dist/records/programs.json) above ${from}: run npm run build`);
  return join(dir, 'dist', 'records');
}

/** The compiled files, in the order they are loaded. */
export const BUNDLED_FILES = ['programs.json', 'sources.json', 'claims.json'];

/** The bundled record files: the compiled ones, or before any build the per-record files under data/. */
export function bundledRecordPaths(from: string = __dirname): string[] {
  try {
    const dir = bundledDataDir(from);
    return BUNDLED_FILES.map((f) => join(dir, f));
  } catch (err) {
    const root = findUp(from, (d) => existsSync(join(d, 'data', 'programs')) && existsSync(join(d, 'data', 'sources')));
    if (!root) throw err;
    return [...listDir(join(root, 'data', 'programs')), ...listDir(join(root, 'data', 'sources'))];
  }
}

function findUp(from: string, test: (dir: string) => boolean): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (test(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The nearest `.claimcheck/` folder at or above `path`, if any. */
export function nearestRecordsDir(path: string): string | undefined {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const candidate = join(dir, '.claimcheck');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Expands files, folders and globs to record file paths (folders: every JSON/YAML file below them). */
export function expandRecordPaths(paths: string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (existsSync(abs) && statSync(abs).isDirectory()) out.push(...listDir(abs));
    else if (existsSync(abs)) out.push(abs);
    else out.push(...globSync(p, { cwd, absolute: true, dot: true }).filter((f) => RECORD_FILE.test(f)));
  }
  return [...new Set(out)];
}

function listDir(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      // library/ holds the writer's source documents, .cache/ what is made from them: neither holds records.
      if (entry.name !== 'node_modules' && entry.name !== 'schema' && entry.name !== 'library' && entry.name !== '.cache') out.push(...listDir(full));
    } else if (RECORD_FILE.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** Reads record files; a file that cannot be read becomes a located problem, not an exception. */
export function readRecordFiles(paths: string[], bundled: boolean): { files: RecordFileText[]; problems: RecordProblem[] } {
  const files: RecordFileText[] = [];
  const problems: RecordProblem[] = [];
  for (const path of paths) {
    const at = { file: path, offset: 0, field: '' };
    const read = readTextFile(path, MAX_RECORD_FILE_BYTES);
    if (read.ok) files.push({ path, text: read.text, bundled });
    else if (read.reason === 'tooLarge') {
      problems.push(recordProblem(at, 'problem.tooLarge', { size: Math.round(read.size / 1048576), max: MAX_RECORD_FILE_BYTES / 1048576 }));
    } else if (read.reason === 'special') problems.push(recordProblem(at, 'problem.notRegular', { kind: read.kind }));
    else problems.push(recordProblem(at, 'problem.unreadable', { detail: describeFailure(read) }));
  }
  return { files, problems };
}

export interface RecordSources {
  bundled: boolean;
  /** Users' files, folders or globs. */
  extra: string[];
}

/** Loads the bundled records (unless turned off) and the given users' records into one set. */
export function loadRecords({ bundled, extra }: RecordSources, cwd = process.cwd()): RecordSet {
  const bundledPaths = bundled ? bundledRecordPaths() : [];
  const b = readRecordFiles(bundledPaths, true);
  const u = readRecordFiles(expandRecordPaths(extra, cwd), false);
  const set = RecordSet.fromTexts([...b.files, ...u.files], { commonWords: aliasCommonWords() });
  set.problems.unshift(...b.problems, ...u.problems);
  return set;
}

/** A record problem's line and column, from its offset in the file as read (read again, as the records were: a regular file, within the size limit). */
export function problemPosition(p: Pick<RecordProblem, 'file' | 'offset'>): Position {
  if (p.offset === 0) return { line: 0, character: 0 };
  const read = readTextFile(p.file, MAX_RECORD_FILE_BYTES);
  return read.ok ? positionsIn(read.text)(p.offset) : { line: 0, character: 0 };
}
