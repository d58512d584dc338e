/**
 * Completion of citation keys: source ids after `[@` (Pandoc citations, also after `;` in
 * `[@a; @b]`) and footnote labels after `[^`.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatDate } from '../analysis/bibliography';
import type { Locale } from '../l10n/messages';
import type { FootnoteDefinition } from '../analysis/model';
import type { RecordSet } from '../records/recordSet';
import { toOffset, toRange } from '../positions';
import { sourceRank, sourceStatus } from '../records/verification';
import { plainLine, text } from './markup';

export const TRIGGER_CHARACTERS = ['@', '^'];

/** Characters of a Pandoc citation key (as Pandoc reads them, without the closing punctuation). */
const PANDOC_KEY_BEFORE = /@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?<>~/]*|)$/u;
const FOOTNOTE_LABEL_BEFORE = /\[\^([^\]\s^]*)$/;

export interface CompletionContext {
  doc: TextDocument;
  records: RecordSet;
  footnotes: FootnoteDefinition[];
  /** The language of the details (dates, verification status); English when not given. */
  locale?: Locale;
}

/** What is being completed at `position`, and the span of the part already typed. */
export function completionTarget(doc: TextDocument, position: Position): { kind: 'source' | 'footnote'; start: number; end: number; typed: string } | undefined {
  const offset = toOffset(doc, position);
  const lineStart = toOffset(doc, { line: position.line, character: 0 });
  const before = doc.getText().slice(lineStart, offset);
  const footnote = FOOTNOTE_LABEL_BEFORE.exec(before);
  if (footnote) return { kind: 'footnote', start: offset - footnote[1].length, end: offset, typed: footnote[1] };
  const key = PANDOC_KEY_BEFORE.exec(before);
  if (key) {
    const at = before.length - key[0].length;
    // `@` opens a key only right after `[`, or after `;`/space inside an open bracket: not in e-mail addresses.
    const previous = before.slice(0, at);
    const openBracket = previous.lastIndexOf('[') > previous.lastIndexOf(']');
    if (openBracket && (previous.endsWith('[') || /[;\s-]$/.test(previous))) return { kind: 'source', start: offset - key[1].length, end: offset, typed: key[1] };
  }
  return undefined;
}

export function completions(ctx: CompletionContext, position: Position): CompletionList | null {
  const target = completionTarget(ctx.doc, position);
  if (!target) return null;
  const range = toRange(ctx.doc, target);
  if (target.kind === 'footnote') {
    const seen = new Set<string>();
    const items: CompletionItem[] = [];
    for (const f of ctx.footnotes) {
      if (seen.has(f.label.toLowerCase())) continue;
      seen.add(f.label.toLowerCase());
      const source = f.sources.map((id) => ctx.records.source(id)).find(Boolean);
      items.push({
        label: f.label,
        kind: CompletionItemKind.Reference,
        detail: source ? plainLine(source.title ?? source.id) : 'Footnote',
        filterText: f.label,
        textEdit: { range, newText: f.label },
      });
    }
    return { isIncomplete: false, items };
  }
  const items: CompletionItem[] = [];
  for (const { value: source } of ctx.records.sources.values()) {
    const date = formatDate(source, ctx.locale);
    const docs = [`*${text(sourceStatus(source, ctx.locale), 200)}*`];
    if (source.number) docs.push(text(source.number, 60));
    if (source.note) docs.push(text(source.note, 1000));
    items.push({
      label: source.id,
      kind: CompletionItemKind.Reference,
      detail: [plainLine(source.title ?? ''), date].filter(Boolean).join(' — '),
      documentation: { kind: MarkupKind.Markdown, value: docs.join('\n\n') },
      filterText: source.id,
      sortText: `${sourceRank(source)}:${source.id}`,
      textEdit: { range, newText: source.id },
    });
  }
  return { isIncomplete: false, items };
}
