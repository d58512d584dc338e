/**
 * "Open the source at this passage": a text-like document (text, Markdown, Zotero's extracted
 * text) in an editor at the passage's line; a saved web page in an editor at the first line
 * that holds the passage's first words; a PDF in the system's viewer, asked for the page with
 * a `#page=N` fragment (browsers and most PDF viewers honour it; some open the first page).
 */
import { Position, Range, Selection, TextEditorRevealType, Uri, env, window, workspace } from 'vscode';
import { lineInMarkup } from './markupLine';
import type { SourcePassage } from '../../server/src/protocol';

export function isSourcePassage(value: unknown): value is SourcePassage {
  const v = value as SourcePassage | undefined;
  return !!v && typeof v.path === 'string' && typeof v.format === 'string' && Number.isInteger(v.page) && Number.isInteger(v.line) && Number.isInteger(v.column);
}

export async function openSourceAt(passage: SourcePassage): Promise<void> {
  const pdf = passage.format === 'pdf' ? passage.path : passage.format === 'zotero-ft-cache' && passage.attachment?.toLowerCase().endsWith('.pdf') ? passage.attachment : undefined;
  if (pdf) {
    const opened = await env.openExternal(Uri.file(pdf).with({ fragment: `page=${passage.page}` }));
    if (opened) return;
  }
  const doc = await workspace.openTextDocument(Uri.file(passage.path));
  const line = passage.format === 'html' ? lineInMarkup(doc.getText(), passage.text) : passage.line;
  const at = new Position(Math.min(line, doc.lineCount - 1), passage.format === 'html' ? 0 : passage.column);
  const editor = await window.showTextDocument(doc, { preview: true });
  editor.selection = new Selection(at, at);
  editor.revealRange(new Range(at, at), TextEditorRevealType.InCenterIfOutsideViewport);
}
