/**
 * Code actions: each fix a diagnostic carries (read back from `diagnostic.data`, never
 * recomputed, and refused when the document has changed since), "Add a record for …" for
 * unknown programs, and the source action that cites every uncited claim.
 */
import { existsSync } from 'node:fs';
import { readTextFile } from '../node/safeRead';
import { MAX_RECORD_FILE_BYTES } from '../node/recordFiles';
import { join } from 'node:path';
import { modify, parseTree, type Node as JsonNode } from 'jsonc-parser';
import {
  CodeActionKind,
  CreateFile,
  TextDocumentEdit,
  TextEdit,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { msg, type Locale } from '../l10n/messages';
import type { SuggestedProgram, TextEdit as CoreTextEdit } from '../analysis/model';
import { documentFor, toRange } from '../positions';
import { isOurDiagnostic } from './diagnostics';
import { pathToUri } from './records';

/** Not `source.fixAll`: editors run fixAll actions on save, and citing sources is a choice the writer makes. */
export const CITE_ALL_KIND = `${CodeActionKind.Source}.claimcheck.citeAll`;

/** What the editor can apply. */
export interface EditSupport {
  documentChanges: boolean;
  createFile: boolean;
  resolveEdit: boolean;
}

export function editSupport(capabilities: ClientCapabilities): EditSupport {
  const we = capabilities.workspace?.workspaceEdit;
  return {
    documentChanges: we?.documentChanges === true,
    createFile: we?.documentChanges === true && (we.resourceOperations ?? []).includes('create'),
    resolveEdit: capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
  };
}

/** An edit of one open document, versioned when the editor can check versions. */
export function documentEdit(doc: TextDocument, edits: CoreTextEdit[], support: EditSupport): WorkspaceEdit {
  const textEdits = edits.map((e) => TextEdit.replace(toRange(doc, e), e.newText));
  if (support.documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, textEdits)] };
  return { changes: { [doc.uri]: textEdits } };
}

function intersects(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Whether the request asked for actions of `kind` (no `only` means every kind). */
export function wants(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/** The quick fixes of our diagnostics in the range, for the current version only. */
export function quickFixes(doc: TextDocument, params: CodeActionParams, support: EditSupport, folderPath: string | undefined, locale: Locale = 'en'): CodeAction[] {
  if (!wants(params, CodeActionKind.QuickFix)) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (!isOurDiagnostic(diagnostic) || !intersects(diagnostic.range, params.range)) continue;
    // Fixes are offsets into the version they were computed for; another version would be edited in the wrong places.
    if (diagnostic.data.version !== doc.version) continue;
    for (const fix of diagnostic.data.fixes) {
      if (!isValidFix(fix, doc)) continue;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred === true,
        edit: documentEdit(doc, fix.edits, support),
      });
    }
    const suggested = diagnostic.data.suggestedProgram;
    if (diagnostic.code === 'unknown-program' && suggested && folderPath) {
      const action = addProgramRecordAction(suggested, folderPath, support, diagnostic, locale);
      if (action) actions.push(action);
    }
  }
  return actions;
}

function isValidFix(fix: unknown, doc: TextDocument): fix is { title: string; edits: CoreTextEdit[]; preferred?: boolean } {
  const f = fix as { title?: unknown; edits?: unknown };
  if (typeof f?.title !== 'string' || !Array.isArray(f.edits)) return false;
  const length = doc.getText().length;
  return f.edits.every((e: Partial<CoreTextEdit>) => typeof e?.newText === 'string' && Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start! && e.start! <= e.end! && e.end! <= length);
}

/** The entry "Add a record" writes: the least a program record needs, for the writer to complete. */
export function programEntry(suggested: SuggestedProgram): Record<string, unknown> {
  return { id: suggested.id, kind: 'program', name: suggested.name, aliases: [suggested.name], agency: [] };
}

/** What `appendRecordEdit` produced: the edit and the id the entry got, or why there is none. */
export type AppendResult = { ok: true; edit: WorkspaceEdit; id: string } | { ok: false; reason: 'cannot-create' | 'unreadable' | 'not-array' };

/**
 * The edit that appends one entry to the JSON list of a record file, or creates the file
 * with it: through jsonc-parser's `modify`, so the file keeps its indentation, line breaks
 * and comments. The entry's id is `baseId`, or `baseId-2`, `-3`… when the file or `taken`
 * already has it. `current` is the file's text when the editor holds a newer one than the
 * disk (with its version, so that the edit is refused if it changes meanwhile).
 */
export function appendRecordEdit(
  path: string,
  baseId: string,
  entry: (id: string) => Record<string, unknown>,
  support: EditSupport,
  options: { current?: { text: string; version: number | null }; taken?: (id: string) => boolean } = {},
): AppendResult {
  const uri = pathToUri(path);
  let text: string | undefined = options.current?.text;
  if (text === undefined && existsSync(path)) {
    const read = readTextFile(path, MAX_RECORD_FILE_BYTES);
    if (!read.ok) return { ok: false, reason: 'unreadable' };
    text = read.text;
  }
  const unique = (ids: Set<unknown>) => {
    let id = baseId;
    for (let n = 2; ids.has(id) || options.taken?.(id); n++) id = `${baseId}-${n}`;
    return id;
  };
  const version = options.current?.version ?? null;
  if (text === undefined) {
    if (!support.createFile) return { ok: false, reason: 'cannot-create' };
    const id = unique(new Set());
    const content = JSON.stringify([entry(id)], null, 2) + '\n';
    return {
      ok: true,
      id,
      edit: { documentChanges: [CreateFile.create(uri, { ignoreIfExists: true }), TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, content)])] },
    };
  }
  const fileDoc = documentFor(uri, text);
  const edit = (edits: TextEdit[]): WorkspaceEdit => (support.documentChanges ? { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] } : { changes: { [uri]: edits } });
  // An empty file (just created by hand) takes a new list.
  if (text.trim() === '') {
    const id = unique(new Set());
    return { ok: true, id, edit: edit([TextEdit.replace(toRange(fileDoc, { start: 0, end: text.length }), JSON.stringify([entry(id)], null, 2) + '\n')]) };
  }
  const tree = parseTree(text);
  // Only a JSON array can take one more entry; anything else is reported on the file itself.
  if (!tree || tree.type !== 'array') return { ok: false, reason: 'not-array' };
  const id = unique(new Set((tree.children ?? []).map((child: JsonNode) => child.children?.find((p) => p.children?.[0]?.value === 'id')?.children?.[1]?.value)));
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  const edits = modify(text, [-1], entry(id), {
    isArrayInsertion: true,
    formattingOptions: { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol },
  });
  return { ok: true, id, edit: edit(edits.map((e) => TextEdit.replace(toRange(fileDoc, { start: e.offset, end: e.offset + e.length }), e.content))) };
}

/** "Add a record for “X”": creates `<folder>/.claimcheck/programs.json` or appends to it. */
export function addProgramRecordAction(suggested: SuggestedProgram, folderPath: string, support: EditSupport, diagnostic?: Diagnostic, locale: Locale = 'en'): CodeAction | undefined {
  const result = appendRecordEdit(join(folderPath, '.claimcheck', 'programs.json'), suggested.id, (id) => programEntry({ ...suggested, id }), support);
  if (!result.ok) return undefined;
  return { title: msg(locale, 'fix.addRecord', { name: suggested.name }), kind: CodeActionKind.QuickFix, diagnostics: diagnostic ? [diagnostic] : undefined, edit: result.edit };
}

/** Data of a cite-all action whose edit is computed on resolve. */
export interface CiteAllData {
  kind: 'citeAll';
  uri: string;
  version: number;
}

export function isCiteAllData(data: unknown): data is CiteAllData {
  const d = data as Partial<CiteAllData> | undefined;
  return d?.kind === 'citeAll' && typeof d.uri === 'string' && typeof d.version === 'number';
}

/**
 * The source action. Its edit costs an analysis, and editors ask for code actions at every
 * cursor move, so when the editor can resolve it, the edit is computed only when chosen.
 */
export function citeAllAction(doc: TextDocument, hasCandidates: boolean, support: EditSupport, edits: () => CoreTextEdit[], locale: Locale = 'en'): CodeAction | undefined {
  if (!hasCandidates) return undefined;
  const title = msg(locale, 'fix.citeAll');
  if (support.resolveEdit) return { title, kind: CITE_ALL_KIND, data: { kind: 'citeAll', uri: doc.uri, version: doc.version } satisfies CiteAllData };
  const list = edits();
  if (list.length === 0) return undefined;
  return { title, kind: CITE_ALL_KIND, edit: documentEdit(doc, list, support) };
}
