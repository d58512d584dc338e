import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { findNodeAtLocation, parseTree, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import programsSchema from '../../../data/schema/programs.schema.json';
import sourcesSchema from '../../../data/schema/sources.schema.json';
import claimsSchema from '../../../data/schema/claims.schema.json';
import { recordProblem } from './problems';
import type { Claim, Located, Origin, ProblemId, ProblemSeverity, Program, RecordFileText, RecordKind, RecordProblem, Source } from './types';

const ajv = new Ajv2020({ allErrors: true, strict: false });
// Entries are validated one by one, so that a bad entry costs only itself.
const itemValidators: Record<RecordKind, ValidateFunction> = {
  programs: ajv.compile(itemSchema(programsSchema)),
  sources: ajv.compile(itemSchema(sourcesSchema)),
  claims: ajv.compile(itemSchema(claimsSchema)),
};

function itemSchema(arraySchema: object): object {
  const s = arraySchema as { items?: object; $defs?: object; definitions?: object };
  return { ...(s.items ?? {}), $defs: s.$defs, definitions: s.definitions };
}

/** What one record file yielded: its valid entries, in file order, and every problem found. */
export interface ParsedRecordFile {
  path: string;
  kind: RecordKind | undefined;
  programs: Located<Program>[];
  sources: Located<Source>[];
  claims: Located<Claim>[];
  problems: RecordProblem[];
}

/** Locates offsets in a file's text as 0-based line and UTF-16 column. */
class TextLines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - this.starts[lo] };
  }
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
  const isYaml = /\.ya?ml$/i.test(file.path);
  return isYaml ? parseYamlRecordFile(file) : parseJsonRecordFile(file);
}

interface EntryView {
  value: unknown;
  offset: number;
  locate(path: Array<string | number>): number;
}

function parseJsonRecordFile(file: RecordFileText): ParsedRecordFile {
  // A byte-order mark is legal at the start of a file; blank it so offsets stay the file's own.
  const text = file.text.charCodeAt(0) === 0xfeff ? ' ' + file.text.slice(1) : file.text;
  const lines = new TextLines(text);
  const problems: RecordProblem[] = [];
  const problemAt = reporter(file, lines, problems);
  if (text.includes('\uFFFD')) problemAt(text.indexOf('\uFFFD'), '', 'problem.notUtf8', {}, 'warning');
  if (text.trim() === '') {
    problemAt(0, '', 'problem.empty');
    return { path: file.path, kind: file.kind, programs: [], sources: [], claims: [], problems };
  }
  const errors: ParseError[] = [];
  const top = readTopLevel(text, errors);
  for (const e of errors) problemAt(e.offset, '', 'problem.invalidJson', { detail: printParseErrorCode(e.error) });
  if (!top.isArray) {
    if (top.offset !== undefined) problemAt(top.offset, '', 'problem.notArray');
    return { path: file.path, kind: file.kind, programs: [], sources: [], claims: [], problems };
  }
  const entries: EntryView[] = [];
  // Errors and entries are both in file order: one pass pairs them.
  let e = 0;
  top.entries.forEach((entry) => {
    const to = entry.offset + entry.length;
    while (e < errors.length && errors[e].offset < entry.offset) e++;
    // An entry that a syntax error cut through is not trusted, even if it happens to validate.
    if (e < errors.length && errors[e].offset <= to) return;
    entries.push(jsonEntry(text, entry.value, entry.offset, entry.length));
  });
  return collectEntries(file, entries, lines, problems);
}

/**
 * An entry of a JSON record file. A field is located, when a problem needs it, in a parse tree
 * of the entry's own text, made then and dropped: a tree of the whole file holds a node per
 * value, many times the file's size.
 */
function jsonEntry(text: string, value: unknown, offset: number, length: number): EntryView {
  return {
    value,
    offset,
    locate: (path) => {
      const own = text.slice(offset, length < 0 ? text.length : offset + length);
      const node = parseTree(own, [], { disallowComments: true, allowTrailingComma: false });
      const found = node && findNodeAtLocation(node, path);
      return found ? offset + found.offset : offset;
    },
  };
}

interface TopLevel {
  /** Whether the file's value is an array; `offset` is where that value starts. */
  isArray: boolean;
  offset?: number;
  /** The array's elements, with their offsets and lengths (-1 for one never closed, as jsonc-parser's parseTree). */
  entries: Array<{ value: unknown; offset: number; length: number }>;
}

/**
 * Reads a JSON file's top-level array with jsonc-parser's event API, building each element's
 * value (as jsonc-parser's getNodeValue would from a parse tree) without a tree in between, so that loading a
 * large record file costs little more than its values.
 */
export function readTopLevel(text: string, errors: ParseError[]): TopLevel {
  type Container = { value: unknown[] | Record<string, unknown>; key?: string; entry?: TopLevel['entries'][number] };
  const result: TopLevel = { isArray: false, entries: [] };
  const stack: Container[] = [];
  let rootSeen = false;
  const attach = (value: unknown, offset: number, length: number): TopLevel['entries'][number] | undefined => {
    if (stack.length === 0) {
      if (!rootSeen) {
        rootSeen = true;
        result.offset = offset;
      }
      return undefined;
    }
    const parent = stack[stack.length - 1];
    if (Array.isArray(parent.value)) {
      parent.value.push(value);
      if (stack.length === 1 && result.isArray) {
        const entry = { value, offset, length };
        result.entries.push(entry);
        return entry;
      }
    } else if (parent.key !== undefined) {
      setKey(parent.value, parent.key, value);
      parent.key = undefined;
    }
    return undefined;
  };
  const open = (value: unknown[] | Record<string, unknown>, offset: number) => {
    const isRoot = stack.length === 0 && !rootSeen;
    const entry = attach(value, offset, -1);
    if (isRoot) result.isArray = Array.isArray(value);
    // Only the root array and what lies inside it are built.
    if (stack.length > 0 || (isRoot && result.isArray)) stack.push({ value, entry });
  };
  const close = (offset: number, length: number) => {
    const done = stack.pop();
    if (done?.entry) done.entry.length = offset + length - done.entry.offset;
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => open({}, offset),
      onObjectProperty: (name) => {
        const parent = stack[stack.length - 1];
        if (parent && !Array.isArray(parent.value)) parent.key = name;
      },
      onObjectEnd: close,
      onArrayBegin: (offset) => open([], offset),
      onArrayEnd: close,
      onLiteralValue: (value, offset, length) => void attach(value, offset, length),
      onSeparator: (sep) => {
        // A property left without a value ends at the next comma.
        const parent = stack[stack.length - 1];
        if (sep === ',' && parent && !Array.isArray(parent.value)) parent.key = undefined;
      },
      onError: (error, offset, length) => void errors.push({ error, offset, length }),
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return result;
}

/**
 * Sets a key of a record's object: a "__proto__", "constructor" or "prototype" key stays an own
 * data property (so that collectEntries finds it and refuses the entry) instead of reaching a
 * prototype. Other keys are plain assignments: objects built that way keep V8's compact layout,
 * where prototype-less objects would each hold a hash table.
 */
function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (FORBIDDEN_KEYS.has(key)) Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

function parseYamlRecordFile(file: RecordFileText): ParsedRecordFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, uniqueKeys: false });
  const lines = new TextLines(file.text);
  const problems: RecordProblem[] = [];
  const problemAt = reporter(file, lines, problems);
  for (const e of doc.errors) problemAt(e.pos[0], '', 'problem.invalidYaml', { detail: e.message.split('\n')[0] });
  const contents = doc.contents as YamlNode | null;
  if (!isSeq(contents)) {
    problemAt(contents?.range?.[0] ?? 0, '', 'problem.notList');
    return { path: file.path, kind: file.kind, programs: [], sources: [], claims: [], problems };
  }
  const entries: EntryView[] = contents.items.map((item) => {
    const node = item as YamlNode;
    const start = node.range?.[0] ?? 0;
    return {
      value: toPlain(node.toJSON()),
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
  return collectEntries(file, entries, lines, problems);
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

function collectEntries(file: RecordFileText, entries: EntryView[], lines: TextLines, problems: RecordProblem[]): ParsedRecordFile {
  const kind = file.kind ?? guessRecordKind(file.path, entries[0]?.value);
  const result: ParsedRecordFile = { path: file.path, kind, programs: [], sources: [], claims: [], problems };
  const problemAt = reporter(file, lines, problems);
  if (!kind) {
    if (entries.length > 0) problemAt(entries[0].offset, '/0', 'problem.unknownKind');
    return result;
  }
  const validate = itemValidators[kind];
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const forbidden = findForbiddenKey(entry.value, []);
    if (forbidden) {
      problemAt(entry.locate(forbidden), pointer(index, forbidden), 'problem.forbiddenKey', { key: String(forbidden[forbidden.length - 1]) });
      return;
    }
    if (!validate(entry.value)) {
      for (const err of validate.errors ?? []) {
        const path = errorPath(err);
        const { id, values } = describeSchemaError(err);
        problemAt(entry.locate(path), pointer(index, path), id, values);
      }
      return;
    }
    const origin: Origin = {
      file: file.path,
      line: lines.at(entry.offset).line,
      bundled: !!file.bundled,
      index,
      locate: (path) => lines.at(entry.locate(path)),
    };
    const value = entry.value as { id: string };
    const earlier = seen.get(value.id);
    if (earlier !== undefined) {
      problemAt(entry.locate(['id']), pointer(index, ['id']), 'problem.duplicateId', { id: value.id, earlier });
      return;
    }
    seen.set(value.id, index);
    const located = { value: value as never, origin };
    if (kind === 'programs') result.programs.push(located);
    else if (kind === 'sources') result.sources.push(located);
    else result.claims.push(located);
  });
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

function pointer(index: number, path: Array<string | number>): string {
  return '/' + [index, ...path].map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
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
function reporter(file: RecordFileText, lines: TextLines, problems: RecordProblem[]) {
  return (offset: number, field: string, id: ProblemId, values: Record<string, string | number> = {}, severity: ProblemSeverity = 'error') => {
    const { line, column } = lines.at(offset);
    problems.push(recordProblem({ file: file.path, line, column, field }, id, values, severity));
  };
}
