/**
 * Where the writer's documents are: which file to read for which citation key.
 *
 * - `.claimcheck/library/<key>.(pdf|html|htm|txt|md)` beside the drafts, and the same naming
 *   in extra folders (the `claimcheck.library` setting, `--library DIR`), subfolders included;
 * - the `file` field of a CSL-JSON item or of a BibLaTeX/BibTeX entry (Zotero with Better
 *   BibTeX): a path, or `description:path:mime-type` entries separated by `;`, relative to the
 *   bibliography's folder unless absolute;
 * - Zotero's `.zotero-ft-cache` beside an attachment (the text Zotero extracted, pages ending
 *   in form feeds): read instead of the attachment when it is at least as new as the
 *   attachment, or when the attachment itself is missing.
 *
 * Host-side.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { describeFailure, readTextFile } from '../safeRead';
import { MAX_RECORD_FILE_BYTES } from '../recordFiles';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { documentExtension, parseFileField, type Attachment } from '../../library/attachments';
import { parseBibliography, type BibProblem, type CslItem } from '../../library/bibtex';

/** One document to read, and the keys it is the text of. */
export interface DocumentSpec {
  keys: string[];
  /** The file to read. */
  path: string;
  /** The attachment it stands for, when a `.zotero-ft-cache` is read instead. */
  attachment?: string;
  /** Where it was named (a bibliography entry), for messages. */
  origin?: { file: string; line: number; column: number };
}

/** Files in a folder and its subfolders named `<key>.<document extension>`. */
export function folderDocuments(dir: string, depth = 4): DocumentSpec[] {
  const out: DocumentSpec[] = [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (depth > 0 && !e.name.startsWith('.') && e.name !== 'node_modules') out.push(...folderDocuments(full, depth - 1));
    } else if (documentExtension(e.name)) out.push({ keys: [basename(e.name, extname(e.name))], path: full });
  }
  return out;
}

const ZOTERO_CACHE = '.zotero-ft-cache';

/** The file to read for an attachment: the attachment, or Zotero's extracted text beside it. */
export function attachmentSpec(key: string, attachment: Attachment, baseDir: string, origin?: DocumentSpec['origin']): DocumentSpec | undefined {
  let path = attachment.path.replace(/^file:\/\//, '');
  if (!isAbsolute(path) && !/^[A-Za-z]:[\\/]/.test(path)) path = resolve(baseDir, path);
  const cache = join(dirname(path), ZOTERO_CACHE);
  const own = statOrUndefined(path);
  const cached = statOrUndefined(cache);
  if (cached?.isFile() && (!own || cached.mtimeMs >= own.mtimeMs)) return { keys: [key], path: cache, attachment: path, origin };
  if (!documentExtension(path) && !own) return undefined;
  return { keys: [key], path, origin };
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export interface BibliographyFile {
  path: string;
  sources: Array<{ item: CslItem; line: number; column: number }>;
  documents: DocumentSpec[];
  problems: BibProblem[];
}

/** Reads a `.bib` file: its entries as CSL items, the documents their file fields name, and its problems. */
export function readBibliography(path: string): BibliographyFile {
  const read = readTextFile(path, MAX_RECORD_FILE_BYTES);
  if (!read.ok) return { path, sources: [], documents: [], problems: [{ line: 0, column: 0, detail: describeFailure(read) }] };
  const text = read.text;
  const { entries, problems } = parseBibliography(text);
  const documents: DocumentSpec[] = [];
  for (const e of entries) {
    for (const a of e.attachments) {
      const spec = attachmentSpec(e.item.id, a, dirname(path), { file: path, line: e.fileLine ?? e.line, column: 0 });
      if (spec) documents.push(spec);
    }
  }
  return { path, sources: entries.map((e) => ({ item: e.item, line: e.line, column: e.column })), documents, problems };
}

/** Documents named by CSL-JSON items' `file` fields (paths relative to the item's file). */
export function cslDocuments(items: Array<{ id: string; file?: unknown; origin?: { file: string; line: number } }>): DocumentSpec[] {
  const out: DocumentSpec[] = [];
  for (const item of items) {
    if (typeof item.file !== 'string' || !item.file.trim()) continue;
    const base = item.origin ? dirname(item.origin.file) : process.cwd();
    for (const a of parseFileField(item.file)) {
      const spec = attachmentSpec(item.id, a, base, item.origin ? { file: item.origin.file, line: item.origin.line, column: 0 } : undefined);
      if (spec) out.push(spec);
    }
  }
  return out;
}

/** `.bib` files directly in a `.claimcheck/` folder. */
export function bibFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.(bib|biblatex|bibtex)$/i.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

export interface LibraryLocations {
  /** `.claimcheck/` folders: their `library/` subfolder is read. */
  recordsDirs?: string[];
  /** Extra folders of documents named by key. */
  folders?: string[];
  /** Bibliographies whose file fields name documents. */
  bibFiles?: string[];
  /** CSL-JSON items that may carry a `file` field. */
  cslItems?: Array<{ id: string; file?: unknown; origin?: { file: string; line: number } }>;
}

/** Every document to read, one spec per file (keys merged when several name the same file). */
export function discoverDocuments(locations: LibraryLocations): { documents: DocumentSpec[]; bibliographies: BibliographyFile[] } {
  const specs: DocumentSpec[] = [];
  for (const dir of locations.recordsDirs ?? []) {
    const lib = join(dir, 'library');
    if (existsSync(lib)) specs.push(...folderDocuments(lib));
  }
  for (const dir of locations.folders ?? []) specs.push(...folderDocuments(resolve(dir)));
  const bibliographies = [...new Set(locations.bibFiles ?? [])].map(readBibliography);
  for (const b of bibliographies) specs.push(...b.documents);
  specs.push(...cslDocuments(locations.cslItems ?? []));
  const byPath = new Map<string, DocumentSpec>();
  for (const s of specs) {
    const known = byPath.get(s.path);
    if (known) known.keys = [...new Set([...known.keys, ...s.keys])];
    else byPath.set(s.path, { ...s, keys: [...s.keys] });
  }
  return { documents: [...byPath.values()], bibliographies };
}
