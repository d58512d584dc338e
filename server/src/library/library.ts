/**
 * The writer's library: every source document read, by citation key, and a word index over
 * all of them. Pure: the host reads files and hands over their text (and, for a document
 * no longer held in memory, a loader that reads it back from the disk cache).
 *
 * Two levels (README, "The source index"):
 * - a document-level inverted index: for each distinct word (its 32-bit key hash), the
 *   documents that hold it, kept compact (sorted arrays) once the build is done. A passage
 *   anywhere in the library is looked for only in the documents that hold its rarest words;
 * - per document, its words as hashes in text order, with offsets: a passage is found by
 *   voting on where its words line up and aligning word by word there (document.ts).
 *
 * Documents are held in memory up to a byte budget (least recently used first out); the rest
 * are loaded on demand.
 */
import { lowerBound } from '../sorted';
import { distinctHashes, documentBytes, findAlias, findNumber, locateQuote, passageQuery, type DocumentFormat, type IndexedDocument, type PassageLocation, type PassageMatch } from './document';

/** What the library keeps of a document that is not in memory. */
export interface DocumentSummary {
  format: DocumentFormat;
  pages: number;
  words: number;
  emptyPages: number[];
  /** Its distinct word hashes, ascending. */
  distinct: Uint32Array;
}

export function summarize(doc: IndexedDocument): DocumentSummary {
  return { format: doc.format, pages: doc.pageStarts.length, words: doc.tokens.hashes.length, emptyPages: doc.emptyPages ?? [], distinct: doc.distinct ?? distinctHashes(doc.tokens.hashes) };
}

export interface DocumentInfo {
  id: number;
  /** The citation keys this document is the text of. */
  keys: string[];
  /** The file read: the document itself, or the `.zotero-ft-cache` read for it. */
  path: string;
  /** The document the writer knows (the attachment), when another file was read for it. */
  attachment?: string;
  format: DocumentFormat;
  pages: number;
  words: number;
  /** Pages without text (a scanned page), 1-based. */
  emptyPages: number[];
}

export type LibraryProblemCode = 'encrypted' | 'no-text' | 'unreadable' | 'missing' | 'unsupported' | 'too-large';

/** A document that could not be read, and where it was named. */
export interface LibraryProblem {
  code: LibraryProblemCode;
  /** The file read. */
  path: string;
  /** The attachment it stands for, when Zotero's extracted text was read for it. */
  attachment?: string;
  keys: string[];
  detail?: string;
  /** Where the document was named: a `.bib` entry's file field, a CSL item; absent for a library folder. */
  origin?: { file: string; line: number; column: number };
}

export interface LibraryStatus {
  documents: number;
  keys: number;
  pages: number;
  words: number;
  failures: number;
  building: boolean;
}

export interface LibraryOptions {
  /** Reads a document back when it is no longer held in memory (from the disk cache). */
  load?: (info: DocumentInfo) => IndexedDocument | undefined;
  /** Bytes of documents held in memory (default 128 MB). */
  residentBytes?: number;
}

export type LibraryMatch = PassageMatch & { document: DocumentInfo };


/**
 * Word hash → documents. Sealed, it is three flat arrays (sorted distinct words, where each
 * word's documents start, the documents: 16-bit ids while there are fewer than 65,536); until
 * then, documents added since are kept as their own sorted word lists, searched one by one.
 */
class Postings {
  private keys = new Uint32Array(0);
  private offsets = new Uint32Array(1);
  private docs: Uint16Array | Uint32Array = new Uint16Array(0);
  private pending = new Map<number, Uint32Array>();
  private pendingPairs = 0;
  private removed = new Set<number>();

  /** `words`: the document's distinct word hashes, ascending. */
  add(doc: number, words: Uint32Array): void {
    this.pending.set(doc, words);
    this.pendingPairs += words.length;
  }

  remove(doc: number): void {
    if (this.pending.delete(doc)) return;
    this.removed.add(doc);
  }

  /** How many documents were added or removed since the last seal. */
  changes(): number {
    return this.pending.size + this.removed.size;
  }

  private find(w: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid] < w) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.keys.length && this.keys[lo] === w ? lo : -1;
  }

  /** Documents holding word `w` (not those removed). */
  get(w: number): number[] {
    const out: number[] = [];
    const k = this.find(w);
    if (k >= 0) for (let i = this.offsets[k]; i < this.offsets[k + 1]; i++) if (this.removed.size === 0 || !this.removed.has(this.docs[i])) out.push(this.docs[i]);
    for (const [doc, words] of this.pending) if (hasSorted(words, w)) out.push(doc);
    return out;
  }

  /** How many documents hold `w` (for ranking words by rarity). */
  count(w: number): number {
    const k = this.find(w);
    let n = k >= 0 ? this.offsets[k + 1] - this.offsets[k] : 0;
    if (this.pending.size > 0) for (const words of this.pending.values()) if (hasSorted(words, w)) n++;
    return n;
  }

  /** Merges the documents added since into the flat arrays and drops removed ones. */
  seal(): void {
    if (this.pending.size === 0 && this.removed.size === 0) return;
    const total = this.docs.length + this.pendingPairs;
    // Each (word, doc) pair as one float: word × 2^21 + doc, exact below 2^53.
    const pairs = new Float64Array(total);
    let n = 0;
    let maxDoc = 0;
    for (let k = 0; k < this.keys.length; k++) {
      for (let i = this.offsets[k]; i < this.offsets[k + 1]; i++) {
        const d = this.docs[i];
        if (this.removed.has(d)) continue;
        pairs[n++] = this.keys[k] * 2097152 + d;
        if (d > maxDoc) maxDoc = d;
      }
    }
    for (const [d, words] of this.pending) {
      for (const w of words) pairs[n++] = w * 2097152 + d;
      if (d > maxDoc) maxDoc = d;
    }
    const sorted = pairs.subarray(0, n).sort();
    let vocabulary = 0;
    for (let i = 0; i < n; i++) if (i === 0 || Math.floor(sorted[i] / 2097152) !== Math.floor(sorted[i - 1] / 2097152)) vocabulary++;
    const keys = new Uint32Array(vocabulary);
    const offsets = new Uint32Array(vocabulary + 1);
    const docs = maxDoc < 65536 ? new Uint16Array(n) : new Uint32Array(n);
    let k = -1;
    for (let i = 0; i < n; i++) {
      const w = Math.floor(sorted[i] / 2097152);
      docs[i] = sorted[i] - w * 2097152;
      if (k < 0 || keys[k] !== w) {
        keys[++k] = w;
        offsets[k] = i;
      }
    }
    offsets[vocabulary] = n;
    this.keys = keys;
    this.offsets = offsets;
    this.docs = docs;
    this.pending.clear();
    this.pendingPairs = 0;
    this.removed.clear();
  }

  bytes(): number {
    return this.keys.byteLength + this.offsets.byteLength + this.docs.byteLength + this.pendingPairs * 4;
  }
}

function hasSorted(a: Uint32Array, w: number): boolean {
  const at = lowerBound(a.length, (i) => a[i] < w);
  return at < a.length && a[at] === w;
}

/** Documents above this many ids force a seal: ids are packed in 21 bits. */
const MAX_DOC_ID = 2097151;

export class LibraryIndex {
  private readonly infos: Array<DocumentInfo | undefined> = [];
  private readonly byPath = new Map<string, number>();
  private readonly byKey = new Map<string, number[]>();
  private readonly postings = new Postings();
  private readonly resident = new Map<number, { doc: IndexedDocument; bytes: number }>();
  private residentTotal = 0;
  private readonly budget: number;
  private readonly load?: (info: DocumentInfo) => IndexedDocument | undefined;
  private problemsByPath = new Map<string, LibraryProblem>();
  building = false;
  /** Bumped whenever a document is added or removed, or a problem recorded: analyses made before are stale. */
  generation = 0;

  constructor(options: LibraryOptions = {}) {
    this.budget = options.residentBytes ?? 128 * 1024 * 1024;
    this.load = options.load;
  }

  /** Adds (or replaces) the document read from `path`, and holds it in memory. */
  add(entry: { keys: string[]; path: string; attachment?: string }, doc: IndexedDocument): DocumentInfo {
    const info = this.register(entry, summarize(doc));
    this.keep(info.id, doc);
    return info;
  }

  /**
   * Adds (or replaces) a document known only by its summary (from the disk cache): its text
   * is read back through the loader when a question needs it.
   */
  addSummary(entry: { keys: string[]; path: string; attachment?: string }, summary: DocumentSummary): DocumentInfo {
    return this.register(entry, summary);
  }

  private register(entry: { keys: string[]; path: string; attachment?: string }, summary: DocumentSummary): DocumentInfo {
    this.remove(entry.path);
    this.generation++;
    const id = this.infos.length;
    if (id > MAX_DOC_ID) throw new Error('The source library holds too many documents.');
    const info: DocumentInfo = {
      id,
      keys: [...new Set(entry.keys)],
      path: entry.path,
      attachment: entry.attachment,
      format: summary.format,
      pages: summary.pages,
      words: summary.words,
      emptyPages: summary.emptyPages,
    };
    this.infos.push(info);
    this.byPath.set(entry.path, id);
    for (const key of info.keys) {
      const list = this.byKey.get(key);
      if (list) list.push(id);
      else this.byKey.set(key, [id]);
    }
    this.postings.add(id, summary.distinct);
    this.problemsByPath.delete(entry.path);
    return info;
  }

  /** Forgets the document read from `path`, and any problem reading it. */
  remove(path: string): void {
    if (this.problemsByPath.delete(path)) this.generation++;
    const id = this.byPath.get(path);
    if (id === undefined) return;
    this.generation++;
    const info = this.infos[id]!;
    for (const key of info.keys) {
      const list = this.byKey.get(key)?.filter((d) => d !== id) ?? [];
      if (list.length) this.byKey.set(key, list);
      else this.byKey.delete(key);
    }
    this.postings.remove(id);
    this.infos[id] = undefined;
    this.byPath.delete(path);
    const r = this.resident.get(id);
    if (r) {
      this.residentTotal -= r.bytes;
      this.resident.delete(id);
    }
  }

  addProblem(problem: LibraryProblem): void {
    this.remove(problem.path);
    this.problemsByPath.set(problem.path, problem);
    this.generation++;
  }

  problems(): LibraryProblem[] {
    return [...this.problemsByPath.values()];
  }

  /** Compacts the word index. */
  seal(): void {
    this.postings.seal();
  }

  /**
   * Compacts the word index when enough has changed since the last time (a build's end): a
   * few documents added since cost a binary search each per word looked up; compacting costs
   * a sort of the whole index.
   */
  sealIfWorthIt(): void {
    const changes = this.postings.changes();
    if (changes >= 64 || changes * 20 > this.status().documents) this.postings.seal();
  }

  documentAt(path: string): DocumentInfo | undefined {
    const id = this.byPath.get(path);
    return id === undefined ? undefined : this.infos[id];
  }

  problemAt(path: string): LibraryProblem | undefined {
    return this.problemsByPath.get(path);
  }

  paths(): string[] {
    return [...this.byPath.keys()];
  }

  /** The documents read for a citation key. */
  documents(key: string): DocumentInfo[] {
    return (this.byKey.get(key) ?? []).map((id) => this.infos[id]!);
  }

  /** How many documents are read. */
  documentCount(): number {
    return this.byPath.size;
  }

  /** Whether the library holds a readable document for the key. */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Problems reading the documents of a key. */
  problemsFor(key: string): LibraryProblem[] {
    return this.problems().filter((p) => p.keys.includes(key));
  }

  allDocuments(): DocumentInfo[] {
    return this.infos.filter((i): i is DocumentInfo => i !== undefined);
  }

  /** The indexed document, from memory or through the loader. */
  document(info: DocumentInfo): IndexedDocument | undefined {
    const r = this.resident.get(info.id);
    if (r) {
      // Most recently used last.
      this.resident.delete(info.id);
      this.resident.set(info.id, r);
      return r.doc;
    }
    const doc = this.load?.(info);
    if (doc) this.keep(info.id, doc);
    return doc;
  }

  private keep(id: number, doc: IndexedDocument): void {
    const bytes = documentBytes(doc);
    this.resident.set(id, { doc, bytes });
    this.residentTotal += bytes;
    // Without a loader nothing can be let go.
    if (!this.load) return;
    for (const [other, r] of this.resident) {
      if (this.residentTotal <= this.budget || other === id) break;
      this.resident.delete(other);
      this.residentTotal -= r.bytes;
    }
  }

  private readonly rarity = (w: number) => this.postings.count(w);

  /** Where the passage occurs in the documents of `key`: the best match over them. */
  locate(key: string, passage: string): LibraryMatch | undefined {
    let best: LibraryMatch | undefined;
    for (const info of this.documents(key)) {
      const doc = this.document(info);
      if (!doc) continue;
      const m = locateQuote(doc, passage, { rarity: this.rarity });
      if (m && (!best || m.similarity > best.similarity)) best = { ...m, document: info };
      if (best?.exact) break;
    }
    return best;
  }

  /**
   * Where the passage occurs anywhere in the library, best first (at most `limit`). Only the
   * documents that hold most of the passage's rarest words are searched.
   */
  locateAnywhere(passage: string, limit = 1): LibraryMatch[] {
    const query = passageQuery(passage);
    const words = [...new Set(query.hashes)].map((w) => ({ w, df: this.postings.count(w) })).filter((x) => x.df > 0);
    if (words.length === 0) return [];
    words.sort((a, b) => a.df - b.df);
    const rare = words.slice(0, 6);
    const hits = new Map<number, number>();
    for (const { w } of rare) for (const d of this.postings.get(w)) hits.set(d, (hits.get(d) ?? 0) + 1);
    let top = 0;
    for (const v of hits.values()) if (v > top) top = v;
    // A document that holds the passage, or most of it, holds all its rarest words but one or
    // two; one that holds a single one of them does not hold the passage (unless it is short).
    const need = Math.max(rare.length >= 4 ? 2 : 1, top - 2);
    if (top < need) return [];
    const candidates = [...hits].filter(([, v]) => v >= need).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, Math.max(limit, 4));
    const out: LibraryMatch[] = [];
    for (const [id] of candidates) {
      const info = this.infos[id];
      if (!info) continue;
      const doc = this.document(info);
      if (!doc) continue;
      const m = locateQuote(doc, passage, { rarity: this.rarity });
      if (m) out.push({ ...m, document: info });
      // Nothing beats an exact match: stop once there are enough.
      if (out.filter((o) => o.exact).length >= limit) break;
    }
    out.sort((a, b) => b.similarity - a.similarity || a.document.id - b.document.id);
    return out.slice(0, limit);
  }

  /** Where the documents of `key` state the number (within an absolute tolerance). */
  findNumber(key: string, value: number, tolerance = 0): Array<PassageLocation & { document: DocumentInfo }> {
    const out: Array<PassageLocation & { document: DocumentInfo }> = [];
    for (const info of this.documents(key)) {
      const doc = this.document(info);
      if (doc) for (const loc of findNumber(doc, value, tolerance)) out.push({ ...loc, document: info });
    }
    return out;
  }

  /** The first place where the documents of `key` name one of the aliases. */
  findAlias(key: string, aliases: readonly string[]): (PassageLocation & { alias: string; document: DocumentInfo }) | undefined {
    for (const info of this.documents(key)) {
      const doc = this.document(info);
      const found = doc && findAlias(doc, aliases);
      if (found) return { ...found, document: info };
    }
    return undefined;
  }

  status(): LibraryStatus {
    let pages = 0;
    let words = 0;
    let documents = 0;
    for (const info of this.infos) {
      if (!info) continue;
      documents++;
      pages += info.pages;
      words += info.words;
    }
    return { documents, keys: this.byKey.size, pages, words, failures: this.problemsByPath.size, building: this.building };
  }

  /** Memory the index itself holds (word index and resident documents), in bytes. */
  memory(): { postings: number; resident: number } {
    return { postings: this.postings.bytes(), resident: this.residentTotal };
  }
}
