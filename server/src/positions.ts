/**
 * The one place where offsets become LSP positions and back. The core speaks UTF-16
 * code-unit offsets; LSP positions are 0-based lines and UTF-16 columns, and lines may end
 * in CRLF, CR or LF. TextDocument (vscode-languageserver-textdocument) does the counting.
 */
import { TextDocument, type Position, type Range } from 'vscode-languageserver-textdocument';
import type { Span } from './analysis/model';

export type { Position, Range };

/** A document for position conversion outside the server (the CLI). */
export function documentFor(uri: string, text: string): TextDocument {
  return TextDocument.create(uri, 'markdown', 0, text);
}

/** The LSP range of an offset span. */
export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/** The offset of an LSP position. */
export function toOffset(doc: TextDocument, position: Position): number {
  return doc.offsetAt(position);
}
