import type { ErrorObject, ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { positionsIn, type Position } from '../positions';
import { MAX_RECORD_DEPTH, blankEntries, findDeepEntries } from './nesting';
import { fileClaims, filePrograms, fileSources, itemClaims, itemPrograms, itemSources } from './generated/validators';
import { recordProblem } from './problems';
import { parseBibliography } from '../library/bibtex';
import type { Checked, Claim, Located, Origin, ProblemId, ProblemSeverity, Program, RecordFileText, RecordKind, RecordProblem, Source } from './types';

// The validators are compiled from data/schema/ at build time (scripts/validators.mjs).
// Entries are validated one by one, so that a bad entry costs only itself.
const itemValidators: Record<RecordKind, ValidateFunction> = { programs: itemPrograms, sources: itemSources, claims: itemClaims };
// The one-record-per-file layout (data/programs/<id>.json, data/sources/<id>.json) is stricter.
const fileValidators: Record<RecordKind, ValidateFunction> = { programs: filePrograms, sources: fileSources, claims: fileClaims };

/** What one record file yielded: its valid entries, in file order, and every problem found. */
export interface ParsedRecordFile {
  path: string;
  kind: RecordKind | undefined;
  programs: Located<Program>[];
  sources: Located<Source>[];
  claims: Located<Claim>[];
  problems: RecordProblem[];
  /**
   * The offset of a field of the file's entry number `index`, e.g. `['aliases', 2]`, for problems
   * found later (RecordSet's cross-references). Holds the file's text: whoever keeps a parsed
   * file keeps its text.
   */
  locate?: (index: number, path: Array<string | number>) => number;
}

/** Guesses a record file's kind from its name, then from its first entry. */
export function guessRecordKind(path: string, firstEntry: unknown): RecordKind | undefined {
  const name = path.replace(/\\/g, '/').split('/').pop()?.toLowerCase() ?? '';
  if (/programs?\b|programs?[._-]/.test(name)) return 'programs';
  if (/claims?\b|claims?[._-]/.test(name)) return 'claims';
  if (/sources?\b|sources?[._-]|csl|zotero|bibliograph|references/.test(name)) return 'sources';
  if (firstEntry && typeof firstEntry === 'object' && !Array.isArray(firstEntry)) {
    const e = firstEntry as Record<string, unknown>;
    if ('aliases' in e) return 'programs';
    if ('program' in e && 'source' in e) return 'claims';
    if ('type' in e || 'title' in e) return 'sources';
  }
  return undefined;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses and validates one record file (JSON or YAML), keeping every valid entry. */
export function parseRecordFile(file: RecordFileText): ParsedRecordFile {
  if (BIBLIOGRAPHY.test(file.path)) return parseBibRecordFile(file);
  const isYaml = /\.ya?ml$/i.test(file.path);
  return isYaml ? parseYamlRecordFile(file) : parseJsonRecordFile(file);
}

/** BibLaTeX/BibTeX bibliographies are sources files of their own (Zotero with Better BibTeX writes them). */
export const BIBLIOGRAPHY = /\.(?:bib|biblatex|bibtex)$/i;

/** A `.bib` file: each entry a source (a CSL-JSON item, library/bibtex.ts); a broken entry is a located problem and costs only itself. */
function parseBibRecordFile(file: RecordFileText): ParsedRecordFile {
  const { entries, problems: bibProblems } = parseBibliography(file.text);
  const starts = [0];
  for (let i = file.text.indexOf('\n'); i >= 0; i = file.text.indexOf('\n', i + 1)) starts.push(i + 1);
  const offsetOf = (line: number, column: number) => (starts[Math.min(line, starts.length - 1)] ?? 0) + column;
  const problems = bibProblems.map((p) => recordProblem({ file: file.path, offset: offsetOf(p.line, p.column), field: p.key ? `/${p.key}` : '' }, 'problem.bib', { detail: p.detail }));
  const sources: Located<Source>[] = entries.map((e, index) => ({
    value: e.item as Source,
    origin: { file: file.path, line: e.line, bundled: file.bundled ?? false, index },
  }));
  return { path: file.path, kind: 'sources', programs: [], sources, claims: [], problems };
}

/** A file's entries, in file order; each one's view made when asked for. */
interface EntryList {
  length: number;
  view(index: number): EntryView;
}

function listOf(views: EntryView[]): EntryList {
  return { length: views.length, view: (i) => views[i] };
}

interface EntryView {
  value: unknown;
  offset: number;
  locate(path: Array<string | number>): number;
  /** Set in a per-entry or per-source file: the entry's kind and its place in the file. */
  kind?: RecordKind;
  pointer?: Array<string | number>;
}

function parseJsonRecordFile(file: RecordFileText): ParsedRecordFile {
  // A byte-order mark is legal at the start of a file; blank it so offsets stay the file's own.
  const text = file.text.charCodeAt(0) === 0xfeff ? ' ' + file.text.slice(1) : file.text;
  const lines = positionsIn(text);
  const problems: RecordProblem[] = [];
  const problemAt = reporter(file, problems);
  if (text.includes('\uFFFD')) problemAt(text.indexOf('\uFFFD'), '', 'problem.notUtf8', {}, 'warning');
  if (text.trim() === '') {
    problemAt(0, '', 'problem.empty');
    return { path: file.path, kind: file.kind, programs: [], sources: [], claims: [], problems };
  }
  const deep = findDeepEntries(text);
  if (deep.rootTooDeep) {
    problemAt(0, '', 'problem.tooDeep', { max: MAX_RECORD_DEPTH });
    return { path: file.path, kind: file.kind, programs: [], sources: [], claims: [], problems };
  }
  const skipped = new Set(deep.entries.map((d) => d.start));
  for (const d of deep.entries) problemAt(d.start, '', 'problem.tooDeep', { max: MAX_RECORD_DEPTH });
  const errors: ParseError[] = [];
  const top = readTopLevel(blankEntries(text, deep.entries), errors);
  for (const e of errors) problemAt(e.offset, '', 'problem.invalidJson', { detail: printParseErrorCode(e.error) });
  if (!top.isArray) {
    const single = errors.length === 0 && top.offset !== undefined && text.charAt(top.offset) === '{' ? singleRecordFile(file, text, top.offset, problemAt) : undefined;
    if (single) return collectEntries(file, listOf(single), lines, problems);
    if (top.offset !== undefined && errors.length === 0) problemAt(top.offset, '', 'problem.notArray');
    return { path: file.path, kind: file.kind, programs: [], sources: [], claims: [], problems };
  }
  // The entries' values and where each is in the text; their views are made one at a time, when asked for.
  const values: unknown[] = [];
  const offsets: number[] = [];
  const lengths: number[] = [];
  // Errors and entries are both in file order: one pass pairs them.
  let e = 0;
  for (const { offset, length } of top.entries) {
    if (skipped.has(offset)) continue;
    const to = offset + length;
    while (e < errors.length && errors[e].offset < offset) e++;
    // An entry that a syntax error cut through is not trusted, even if it happens to validate.
    if (e < errors.length && errors[e].offset <= to) continue;
    let value: unknown;
    try {
      // The entry's own text is strict JSON (the scanner found no error in it). JSON.parse
      // builds compact values: objects of a fixed shape, arrays of their exact length.
      value = JSON.parse(text.slice(offset, offset + length));
    } catch (err) {
      problemAt(offset, '', 'problem.invalidJson', { detail: err instanceof Error ? err.message : String(err) });
      continue;
    }
    values.push(value);
    offsets.push(offset);
    lengths.push(length);
  }
  const entries: EntryList = { length: values.length, view: (i) => jsonEntry(text, values[i], offsets[i], lengths[i]) };
  return collectEntries(file, entries, lines, problems);
}

/**
 * An entry of a JSON record file. A field is located, when a problem needs it, in a parse tree
 * of the entry's own text, made then and dropped: a tree of the whole file holds a node per
 * value, many times the file's size. The view itself is made when asked for, and dropped: a
 * view kept per entry, with its function, cost more than many an entry's value.
 */
function jsonEntry(text: string, value: unknown, offset: number, length: number): EntryView {
  return {
    value,
    offset,
    locate: (path) => {
      const node = parseTree(text.slice(offset, offset + length), [], { disallowComments: true, allowTrailingComma: false });
      const found = node && findNodeAtLocation(node, path);
      return found ? offset + found.offset : offset;
    },
  };
}

type ProblemAt = ReturnType<typeof reporter>;

/**
 * A file of the one-record-per-file layout: `{"entry": …, "claims": […]}` (data/programs/<id>.json)
 * or one CSL item (data/sources/<id>.json). Such files are small: the whole file is parsed, and
 * its tree made only when a problem needs a field's place.
 */
function singleRecordFile(file: RecordFileText, text: string, offset: number, problemAt: ProblemAt): EntryView[] | undefined {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  let tree: ReturnType<typeof parseTree> | undefined;
  const locateIn = (pointer: Array<string | number>) => (path: Array<string | number>) => {
    tree ??= parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
    const found = tree && findNodeAtLocation(tree, [...pointer, ...path]);
    return found ? found.offset : offset;
  };
  const view = (kind: RecordKind, pointer: Array<string | number>, v: unknown): EntryView => ({ value: v, kind, pointer, offset: locateIn(pointer)([]), locate: locateIn(pointer) });
  const named = expectedId(file.path);
  if ('entry' in value || 'claims' in value) {
    for (const key of Object.keys(value)) if (key !== 'entry' && key !== 'claims') problemAt(locateIn([key])([]), `/${key}`, 'problem.unknownField', { name: key });
    if (!value.entry || typeof value.entry !== 'object' || Array.isArray(value.entry)) {
      problemAt(offset, '/entry', 'problem.required', { name: 'entry' });
      return [];
    }
    const entry = value.entry as Record<string, unknown>;
    if (named && typeof entry.id === 'string' && entry.id !== named) problemAt(locateIn(['entry', 'id'])([]), '/entry/id', 'problem.fileName', { id: entry.id, file: named });
    const views = [view('programs', ['entry'], entry)];
    if (value.claims !== undefined && !Array.isArray(value.claims)) problemAt(locateIn(['claims'])([]), '/claims', 'problem.type.array', { field: '"claims"' });
    else if (Array.isArray(value.claims)) {
      value.claims.forEach((c: unknown, i: number) => {
        const claim = c as Record<string, unknown>;
        if (claim && typeof claim === 'object' && typeof entry.id === 'string') {
          if (claim.program !== undefined && claim.program !== entry.id) {
            problemAt(locateIn(['claims', i, 'program'])([]), `/claims/${i}/program`, 'problem.otherProgram', { program: String(claim.program), id: entry.id });
            return;
          }
          views.push(view('claims', ['claims', i], { ...claim, program: entry.id }));
        } else views.push(view('claims', ['claims', i], c));
      });
    }
    return views;
  }
  if ('id' in value && 'type' in value) {
    if (named && typeof value.id === 'string' && value.id !== named) problemAt(locateIn(['id'])([]), '/id', 'problem.fileName', { id: value.id, file: named });
    return [view('sources', [], value)];
  }
  return undefined;
}

/** The id a per-record file's name promises: `gao-18-618` for `…/sources/gao-18-618.json`, in the data/ layout only. */
function expectedId(path: string): string | undefined {
  const m = /(?:^|[\\/])(?:programs|sources)[\\/]([^\\/]+)\.json$/i.exec(path);
  return m?.[1];
}

interface TopLevel {
  /** Whether the file's value is an array; `offset` is where that value starts. */
  isArray: boolean;
  offset?: number;
  /** The array's elements' offsets and lengths (-1 for one never closed, as jsonc-parser's parseTree). */
  entries: Array<{ offset: number; length: number }>;
}

/**
 * Finds a JSON file's top-level array and the extent of each element with jsonc-parser's event
 * API, building no values and no tree: loading a large record file then costs little more
 * than its entries' values.
 */
export function readTopLevel(text: string, errors: ParseError[]): TopLevel {
  const result: TopLevel = { isArray: false, entries: [] };
  // Containers open, the root array counted: 0 outside it, 1 directly inside it.
  let depth = 0;
  let rootSeen = false;
  let current: TopLevel['entries'][number] | undefined;
  const root = (offset: number) => {
    rootSeen = true;
    result.offset = offset;
  };
  const begin = (isArray: boolean, offset: number) => {
    if (depth === 0) {
      // The root, or a value after it (an error already reported), whose insides are ignored.
      if (rootSeen) return;
      root(offset);
      result.isArray = isArray;
      if (isArray) depth = 1;
      return;
    }
    if (++depth === 2) result.entries.push((current = { offset, length: -1 }));
  };
  const end = (offset: number, length: number) => {
    if (depth === 0) return;
    if (depth === 2 && current) {
      current.length = offset + length - current.offset;
      current = undefined;
    }
    depth--;
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => begin(false, offset),
      onObjectEnd: end,
      onArrayBegin: (offset) => begin(true, offset),
      onArrayEnd: end,
      onLiteralValue: (_value, offset, length) => {
        if (depth === 0 && !rootSeen) root(offset);
        else if (depth === 1) result.entries.push({ offset, length });
      },
      onError: (error, offset, length) => void errors.push({ error, offset, length }),
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return result;
}

function parseYamlRecordFile(file: RecordFileText): ParsedRecordFile {
  try {
    return parseYamlEntries(file);
  } catch (err) {
    // The YAML parser walks nested values recursively: a file nested past what the stack holds
    // is reported as a whole, with the reason, rather than taking the caller down.
    const problems = [recordProblem({ file: file.path, offset: 0, field: '' }, err instanceof RangeError ? 'problem.tooDeep' : 'problem.unloadable', { max: MAX_RECORD_DEPTH, detail: String((err as Error).message) })];
    return { path: file.path, kind: file.kind, programs: [], sources: [], claims: [], problems };
  }
}

function parseYamlEntries(file: RecordFileText): ParsedRecordFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, uniqueKeys: false });
  const lines = positionsIn(file.text);
  const problems: RecordProblem[] = [];
  const problemAt = reporter(file, problems);
  for (const e of doc.errors) problemAt(e.pos[0], '', 'problem.invalidYaml', { detail: e.message.split('\n')[0] });
  const contents = doc.contents as YamlNode | null;
  if (!isSeq(contents)) {
    problemAt(contents?.range?.[0] ?? 0, '', 'problem.notList');
    return { path: file.path, kind: file.kind, programs: [], sources: [], claims: [], problems };
  }
  // Converted as one document, so that an alias (*name) resolves to its anchor (&name) in
  // another entry; the alias count is capped against "billion laughs" expansion.
  const values = doc.toJS({ maxAliasCount: 1000 }) as unknown[];
  const entries: EntryView[] = contents.items.map((item, i) => {
    const node = item as YamlNode;
    const start = node.range?.[0] ?? 0;
    return {
      value: toPlain(values[i]),
      offset: start,
      locate: (path) => {
        let cur: unknown = node;
        for (const key of path) {
          if (isMap(cur) || isSeq(cur)) cur = cur.get(key, true);
          else break;
        }
        return (cur as YamlNode | undefined)?.range?.[0] ?? start;
      },
    };
  });
  return collectEntries(file, listOf(entries), lines, problems);
}

function toPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') {
    const obj: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(value)) obj[k] = toPlain(v);
    return obj;
  }
  return value;
}

function collectEntries(file: RecordFileText, entries: EntryList, lines: (offset: number) => Position, problems: RecordProblem[]): ParsedRecordFile {
  // Entries of the one-record-per-file layout say their kind; then the first does.
  const first = entries.length > 0 ? entries.view(0) : undefined;
  const single = !!first?.kind;
  const kind = single ? (first?.kind === 'sources' ? 'sources' : 'programs') : (file.kind ?? guessRecordKind(file.path, first?.value));
  const result: ParsedRecordFile = {
    path: file.path,
    kind,
    programs: [],
    sources: [],
    claims: [],
    problems,
    locate: (index, path) => (index >= 0 && index < entries.length ? entries.view(index).locate(path) : 0),
  };
  const problemAt = reporter(file, problems);
  if (!kind) {
    if (first) problemAt(first.offset, '/0', 'problem.unknownKind');
    return result;
  }
  // Ids seen, by kind, with the index of the entry that had each first.
  const seen: Record<RecordKind, Map<string, number>> = { programs: new Map(), sources: new Map(), claims: new Map() };
  const lists = new Map<string, string[]>();
  for (let index = 0; index < entries.length; index++) {
    const entry = entries.view(index);
    const entryKind = entry.kind ?? kind;
    const validate = entry.kind ? fileValidators[entry.kind] : itemValidators[kind];
    const at = (path: Array<string | number>) => pointer(entry.pointer ?? [index], path);
    const forbidden = findForbiddenKey(entry.value, []);
    if (forbidden) {
      problemAt(entry.locate(forbidden), at(forbidden), 'problem.forbiddenKey', { key: String(forbidden[forbidden.length - 1]) });
      continue;
    }
    if (!validate(entry.value)) {
      for (const err of validate.errors ?? []) {
        const path = errorPath(err);
        const { id, values } = describeSchemaError(err);
        problemAt(entry.locate(path), at(path), id, values);
      }
      continue;
    }
    const origin: Origin = { file: file.path, line: lines(entry.offset).line, bundled: !!file.bundled, index, ...(entry.pointer ? { pointer: entry.pointer } : {}) };
    const value = entry.value as { id: string };
    const earlier = seen[entryKind].get(value.id);
    if (earlier !== undefined) {
      problemAt(entry.locate(['id']), at(['id']), 'problem.duplicateId', { id: value.id, earlier });
      continue;
    }
    seen[entryKind].set(value.id, index);
    if (entryKind === 'programs') result.programs.push({ value: shareLists(readProgram(value as Program), lists), origin });
    else if (entryKind === 'sources') result.sources.push({ value: readSource(value as Source), origin });
    else result.claims.push({ value: value as Claim, origin });
  }
  return result;
}

function findForbiddenKey(value: unknown, path: Array<string | number>): Array<string | number> | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return [...path, key];
      const found = findForbiddenKey((value as Record<string, unknown>)[key], [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function errorPath(err: ErrorObject): Array<string | number> {
  const parts = err.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (err.keyword === 'additionalProperties') parts.push((err.params as { additionalProperty: string }).additionalProperty);
  if (err.keyword === 'required') parts.push((err.params as { missingProperty: string }).missingProperty);
  return parts;
}

/**
 * The program with its agencies and countries lists shared with an earlier entry of the file
 * that has the same list: a file of many programs repeats a few such lists, and each array
 * costs about 70 bytes. Records are never modified after loading.
 */
function shareLists(p: Program, lists: Map<string, string[]>): Program {
  const share = (list: string[]): string[] => {
    const key = JSON.stringify(list);
    const known = lists.get(key);
    if (known) return known;
    // The map is dropped with the file; it stays small, unless every list differs.
    if (lists.size < 10_000) lists.set(key, list);
    return list;
  };
  p.agency = share(p.agency);
  if (p.country) p.country = share(p.country);
  return p;
}

/** Older files' start date (`status.since`) read as `status.started`. */
function readProgram(p: Program): Program {
  if (!p.status?.since || p.status.started) return p;
  const { since, ...status } = p.status;
  return { ...p, status: { ...status, started: { date: since } } };
}

const CHECKED_FROM_VERIFICATION: Record<string, Checked> = { confirmed: 'document', probable: 'document', candidate: 'none', unidentified: 'none' };

/** Older files' `verification` and `documentConfirmed` read as `checked`, saying no more than they did. */
function readSource(s: Source): Source {
  const c = s.custom;
  if (!c || c.checked || !c.verification) return s;
  const checked: Checked = c.verification === 'confirmed' && c.documentConfirmed ? 'wording' : (CHECKED_FROM_VERIFICATION[c.verification] ?? 'none');
  return { ...s, custom: { ...c, checked } };
}

function pointer(start: Array<string | number>, path: Array<string | number>): string {
  return '/' + [...start, ...path].map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

function describeSchemaError(err: ErrorObject): { id: ProblemId; values: Record<string, string> } {
  // The field by name ("aliases"), or '' for the entry itself (problemText says "The entry").
  const field = err.instancePath ? `"${err.instancePath.split('/').pop()}"` : '';
  switch (err.keyword) {
    case 'required':
      return { id: 'problem.required', values: { name: (err.params as { missingProperty: string }).missingProperty } };
    case 'additionalProperties':
      return { id: 'problem.unknownField', values: { name: (err.params as { additionalProperty: string }).additionalProperty } };
    case 'type': {
      const id = `problem.type.${String((err.params as { type: string }).type).split(',')[0]}`;
      return TYPE_IDS.has(id) ? { id: id as ProblemId, values: { field } } : { id: 'problem.invalid', values: { field, detail: err.message ?? 'is invalid' } };
    }
    case 'enum':
      return { id: 'problem.enum', values: { field, values: ((err.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ') } };
    case 'pattern':
      return { id: 'problem.pattern', values: { field, pattern: (err.params as { pattern: string }).pattern } };
    case 'minLength':
    case 'minItems':
      return { id: 'problem.notEmpty', values: { field } };
    default:
      return { id: 'problem.invalid', values: { field, detail: err.message ?? 'is invalid' } };
  }
}

const TYPE_IDS = new Set(['problem.type.array', 'problem.type.object', 'problem.type.string', 'problem.type.number', 'problem.type.integer', 'problem.type.boolean', 'problem.type.null']);

/** Reports problems at offsets of one file. */
function reporter(file: RecordFileText, problems: RecordProblem[]) {
  return (offset: number, field: string, id: ProblemId, values: Record<string, string | number> = {}, severity: ProblemSeverity = 'error') => {
    problems.push(recordProblem({ file: file.path, offset, field }, id, values, severity));
  };
}
