/** Finds and reads record files on disk for the CLI and the server; the core never touches the file system. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { recordProblem } from '../records/problems';
import { RecordSet } from '../records/recordSet';
import type { RecordFileText, RecordProblem } from '../records/types';

/** Record files larger than this are refused rather than read. */
export const MAX_RECORD_FILE_BYTES = 64 * 1024 * 1024;
const RECORD_FILE = /\.(json|ya?ml|bib|biblatex|bibtex)$/i;

/** The bundled `data/` folder: beside `dist/` in the package, at the repository root in development. */
export function bundledDataDir(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'data', 'programs.json'))) return join(dir, 'data');
    if (dirname(dir) === dir) throw new Error(`Cannot find the bundled records (data/programs.json) above ${from}`);
  }
}

export const BUNDLED_FILES = ['programs.json', 'sources.json', 'claims.json'];

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
    try {
      const size = statSync(path).size;
      if (size > MAX_RECORD_FILE_BYTES) {
        problems.push(recordProblem({ file: path, offset: 0, field: '' }, 'problem.tooLarge', { size: Math.round(size / 1048576), max: MAX_RECORD_FILE_BYTES / 1048576 }));
        continue;
      }
      files.push({ path, text: readFileSync(path, 'utf8'), bundled });
    } catch (err) {
      problems.push(recordProblem({ file: path, offset: 0, field: '' }, 'problem.unreadable', { detail: (err as Error).message }));
    }
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
  const bundledPaths = bundled ? BUNDLED_FILES.map((f) => join(bundledDataDir(), f)) : [];
  const b = readRecordFiles(bundledPaths, true);
  const u = readRecordFiles(expandRecordPaths(extra, cwd), false);
  const set = RecordSet.fromTexts([...b.files, ...u.files]);
  set.problems.unshift(...b.problems, ...u.problems);
  return set;
}
