/**
 * Findings kept per chunk from one version of a document to the next, so that an edit re-runs
 * the sentence checks only on the chunks whose findings can have changed.
 *
 * A sentence check (every check but those of scope "document") reads one sentence model at a
 * time; a sentence model is made from its chunk's text plus a few things from outside the
 * chunk. The key of a chunk's findings is its text and a signature of exactly those things
 * (DocumentAnalyzer.model builds it): what "the same testimony" refers back to and what an
 * introducing sentence lends a block quote; and, for the whole document, the options and the
 * footnote state — the definitions that references resolve through, the labels that new
 * footnotes must avoid — whose change empties the cache.
 * Findings are stored with offsets relative to the chunk, and the one edit that does not
 * follow the chunk — footnote definitions appended at the end of the document — is stored as
 * such and placed at the end of each new version.
 */
import { isDocumentEndEdit } from '../fixes';
import type { Finding, TextEdit } from '../model';

/** Where a stored edit goes when it appends to the document. */
const AT_DOCUMENT_END = -1;

interface Stored {
  signature: string;
  /** Offsets relative to the chunk's start; AT_DOCUMENT_END for appended definitions. */
  findings: Finding[];
}

export class FindingsCache {
  private entries = new Map<string, Stored[]>();
  private next = new Map<string, Stored[]>();

  /** The stored findings of a chunk with this text and signature, placed at `offset` in a text of `length`. */
  get(chunkText: string, signature: string, offset: number, length: number): Finding[] | undefined {
    const matches = (s: Stored) => s.signature === signature;
    const stored = this.next.get(chunkText)?.find(matches) ?? this.entries.get(chunkText)?.find(matches);
    if (!stored) return undefined;
    this.keep(chunkText, stored);
    return stored.findings.map((f) => place(f, offset, length));
  }

  /**
   * Stores a chunk's findings (absolute offsets) for the next version. Findings that reach
   * outside the chunk, other than by appending at the document's end, are not stored: the
   * chunk is simply checked again next time.
   */
  set(chunkText: string, signature: string, offset: number, findings: Finding[]): void {
    const relative: Finding[] = [];
    for (const f of findings) {
      const r = relativeTo(f, offset, offset + chunkText.length);
      if (!r) return;
      relative.push(r);
    }
    this.keep(chunkText, { signature, findings: relative });
  }

  /** Ends a version: only its chunks' findings are kept, so memory follows the document, not its history. */
  commit(): void {
    this.entries = this.next;
    this.next = new Map();
  }

  clear(): void {
    this.entries = new Map();
    this.next = new Map();
  }

  private keep(chunkText: string, stored: Stored): void {
    const list = this.next.get(chunkText);
    if (!list) this.next.set(chunkText, [stored]);
    else if (!list.includes(stored)) list.push(stored);
  }
}

function relativeTo(f: Finding, from: number, to: number): Finding | undefined {
  const inside = (s: { start: number; end: number }) => s.start >= from && s.end <= to;
  if (!inside(f) || (f.related && !f.related.every((r) => r.path === undefined && inside(r)))) return undefined;
  const fixes = [];
  for (const fix of f.fixes) {
    const edits: TextEdit[] = [];
    for (const e of fix.edits) {
      if (isDocumentEndEdit(e)) edits.push({ start: AT_DOCUMENT_END, end: AT_DOCUMENT_END, newText: e.newText });
      else if (inside(e)) edits.push({ start: e.start - from, end: e.end - from, newText: e.newText });
      else return undefined;
    }
    fixes.push({ ...fix, edits });
  }
  const relative: Finding = { ...f, start: f.start - from, end: f.end - from, fixes };
  if (f.related) relative.related = f.related.map((r) => ({ ...r, start: r.start - from, end: r.end - from }));
  return relative;
}

function place(f: Finding, offset: number, length: number): Finding {
  const at = (n: number) => (n === AT_DOCUMENT_END ? length : n + offset);
  const placed: Finding = {
    ...f,
    start: f.start + offset,
    end: f.end + offset,
    fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ start: at(e.start), end: at(e.end), newText: e.newText })) })),
  };
  if (f.related) placed.related = f.related.map((r) => ({ ...r, start: r.start + offset, end: r.end + offset }));
  return placed;
}
