/**
 * The one place where offsets become positions and back, for drafts and record files alike.
 * The core speaks UTF-16 code-unit offsets; LSP positions are 0-based lines and UTF-16
 * columns, and lines may end in CRLF, CR or LF. TextDocument
 * (vscode-languageserver-textdocument) does the counting.
 */
import { TextDocument, type Position, type Range } from 'vscode-languageserver-textdocument';

export type { Position, Range };

/** A span of offsets (analysis/model.ts's Span; written out here so that this module imports nothing of the core). */
interface OffsetSpan {
  start: number;
  end: number;
}

/** A document for position conversion outside the server (the CLI). */
export function documentFor(uri: string, text: string): TextDocument {
  return TextDocument.create(uri, 'markdown', 0, text);
}

/** The LSP range of an offset span. */
export function toRange(doc: TextDocument, span: OffsetSpan): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/** The offset of an LSP position. */
export function toOffset(doc: TextDocument, position: Position): number {
  return doc.offsetAt(position);
}

/** The positions of offsets in one text, e.g. a record file's (line and UTF-16 column of an entry or a problem). */
export function positionsIn(text: string): (offset: number) => Position {
  const doc = TextDocument.create('', 'plaintext', 0, text);
  return (offset) => doc.positionAt(offset);
}
