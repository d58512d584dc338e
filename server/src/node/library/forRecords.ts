/**
 * The library of one set of records (a `.claimcheck/` folder and the extras given with it):
 * where its documents are, and its problems as lines for a report. Host-side; the server and
 * the command both use it.
 */
import { relative } from 'node:path';
import type { RecordSet } from '../../records/recordSet';
import type { LibraryProblem } from '../../library/library';
import { msg, type Locale } from '../../l10n/messages';
import { bibFilesIn, type LibraryLocations } from './discover';

const BIB = /\.(?:bib|biblatex|bibtex)$/i;

/**
 * Where the documents of a records scope are: the `.claimcheck/` folder's `library/` and `.bib`
 * files, extra folders, extra `.bib` files given as records, and every source's `file` field.
 */
export function libraryLocations(recordsDir: string | undefined, records: RecordSet, extraFolders: string[], extraRecords: string[] = []): LibraryLocations {
  const cslItems: NonNullable<LibraryLocations['cslItems']> = [];
  for (const [id, located] of records.sources) {
    const file = (located.value as { file?: unknown }).file;
    if (typeof file === 'string' && !BIB.test(located.origin.file)) cslItems.push({ id, file, origin: { file: located.origin.file, line: located.origin.line } });
  }
  return {
    recordsDirs: recordsDir ? [recordsDir] : [],
    folders: extraFolders,
    bibFiles: [...(recordsDir ? bibFilesIn(recordsDir) : []), ...extraRecords.filter((r) => BIB.test(r))],
    cslItems,
  };
}

/** A library problem in the writer's words. */
export function libraryProblemText(p: LibraryProblem, locale: Locale | undefined): string {
  const file = (p.attachment ?? p.path).split(/[\\/]/).pop() ?? p.path;
  return msg(locale, `library.problem.${p.code}`, { file, detail: p.detail ?? '' });
}

/** "file:line:column: warning: message" for a report, at the place that named the document (a `.bib` entry) or the document itself. */
export function libraryProblemLine(p: LibraryProblem, cwd: string, locale: Locale | undefined): string {
  const where = p.origin ? `${relative(cwd, p.origin.file) || p.origin.file}:${p.origin.line + 1}:${p.origin.column + 1}` : `${relative(cwd, p.attachment ?? p.path) || p.path}:1:1`;
  return `${where}: warning: ${libraryProblemText(p, locale)}`;
}

