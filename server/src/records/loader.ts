import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import programsSchema from '../../../data/schema/programs.schema.json';
import sourcesSchema from '../../../data/schema/sources.schema.json';
import claimsSchema from '../../../data/schema/claims.schema.json';
import type { Claim, Located, Origin, Program, RecordFileText, RecordKind, RecordProblem, Source } from './types';

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
  const problemAt = (offset: number, field: string, message: string, severity: 'error' | 'warning' = 'error') => {
    const { line, column } = lines.at(offset);
    problems.push({ file: file.path, line, column, field, message, severity });
  };
  if (text.includes('\uFFFD')) {
    problemAt(text.indexOf('\uFFFD'), '', 'The file is not valid UTF-8 (a replacement character was found); check its encoding.', 'warning');
  }
  if (text.trim() === '') {
    problemAt(0, '', 'The file is empty: a record file holds a JSON array of entries.');
    return { path: file.path, kind: file.kind, programs: [], sources: [], claims: [], problems };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  for (const e of errors) problemAt(e.offset, '', `Invalid JSON: ${describeParseError(printParseErrorCode(e.error))}.`);
  if (!root || root.type !== 'array') {
    if (root) problemAt(root.offset, '', 'A record file holds a JSON array of entries.');
    return { path: file.path, kind: file.kind, programs: [], sources: [], claims: [], problems };
  }
  const brokenOffsets = errors.map((e) => e.offset);
  const entries: EntryView[] = [];
  // The parse tree holds a node per value (most of a large file's memory): entries keep only
  // their index, and a field is located, when a problem needs it, in a tree parsed anew.
  let reparsed: Node[] | undefined;
  const entryNode = (i: number) => (reparsed ??= parseTree(text, [], { disallowComments: true, allowTrailingComma: false })?.children ?? [])[i];
  (root.children ?? []).forEach((child, i) => {
    // An entry that a syntax error cut through is not trusted, even if it happens to validate.
    if (brokenOffsets.some((o) => o >= child.offset && o <= child.offset + child.length)) return;
    const offset = child.offset;
    entries.push({
      value: nodeValue(child),
      offset,
      locate: (path) => {
        const node = entryNode(i);
        return (node && findNodeAtLocation(node, path)?.offset) ?? offset;
      },
    });
  });
  return collectEntries(file, entries, lines, problems);
}

/** Like jsonc-parser's getNodeValue, but builds objects without a prototype so that "__proto__" stays data. */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'array':
      return (node.children ?? []).map(nodeValue);
    case 'object': {
      const obj: Record<string, unknown> = Object.create(null);
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (keyNode && valueNode) obj[String(keyNode.value)] = nodeValue(valueNode);
      }
      return obj;
    }
    default:
      return node.value;
  }
}

function parseYamlRecordFile(file: RecordFileText): ParsedRecordFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, uniqueKeys: false });
  const lines = new TextLines(file.text);
  const problems: RecordProblem[] = [];
  const problemAt = (offset: number, field: string, message: string) => {
    const { line, column } = lines.at(offset);
    problems.push({ file: file.path, line, column, field, message, severity: 'error' });
  };
  for (const e of doc.errors) problemAt(e.pos[0], '', `Invalid YAML: ${e.message.split('\n')[0]}`);
  const contents = doc.contents as YamlNode | null;
  if (!isSeq(contents)) {
    problemAt(contents?.range?.[0] ?? 0, '', 'A record file holds a list of entries.');
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
  const problemAt = (offset: number, field: string, message: string) => {
    const { line, column } = lines.at(offset);
    problems.push({ file: file.path, line, column, field, message, severity: 'error' });
  };
  if (!kind) {
    if (entries.length > 0) {
      problemAt(entries[0].offset, '/0', 'Cannot tell whether this file holds programs, sources or claims: name it programs.json, sources.json or claims.json.');
    }
    return result;
  }
  const validate = itemValidators[kind];
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const forbidden = findForbiddenKey(entry.value, []);
    if (forbidden) {
      problemAt(entry.locate(forbidden), pointer(index, forbidden), `The key "${forbidden[forbidden.length - 1]}" is not allowed in a record.`);
      return;
    }
    if (!validate(entry.value)) {
      for (const err of validate.errors ?? []) {
        const path = errorPath(err);
        problemAt(entry.locate(path), pointer(index, path), describeSchemaError(err));
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
      problemAt(entry.locate(['id']), pointer(index, ['id']), `Duplicate id "${value.id}": entry ${earlier} already uses it; this one is ignored.`);
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

function describeSchemaError(err: ErrorObject): string {
  const field = err.instancePath ? `"${err.instancePath.split('/').pop()}"` : 'The entry';
  switch (err.keyword) {
    case 'required':
      return `Missing required field "${(err.params as { missingProperty: string }).missingProperty}".`;
    case 'additionalProperties':
      return `Unknown field "${(err.params as { additionalProperty: string }).additionalProperty}".`;
    case 'type':
      return `${field} must be ${article((err.params as { type: string }).type)}.`;
    case 'enum':
      return `${field} must be one of: ${((err.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}.`;
    case 'pattern':
      return `${field} does not have the expected form (${(err.params as { pattern: string }).pattern}).`;
    case 'minLength':
    case 'minItems':
      return `${field} must not be empty.`;
    default:
      return `${field} ${err.message ?? 'is invalid'}.`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeParseError(code: string): string {
  return code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^./, (c) => c);
}
