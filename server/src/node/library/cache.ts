/**
 * The source index's disk cache: one file per document read, holding its text, pages and
 * word and number arrays as they are in memory, so that a document comes back without being
 * read or tokenised again. A cache file is used only while the document's size and
 * modification time (and the extractor's version) are those it was made from; a document
 * that could not be read is cached too, with its problem, so that it is not tried again
 * until it changes.
 *
 * Layout: "CCLIB" + version byte, a 4-byte header length, the header (JSON), padding to 8,
 * then the arrays (distinct words, hashes, starts, ends: Uint32; number values: Float64;
 * number starts, ends: Uint32), then the text in UTF-8. The header and the distinct words come
 * first so that a build can take a document's summary without reading the rest.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';
import type { DocumentFormat, IndexedDocument } from '../../library/document';
import type { DocumentSummary, LibraryProblemCode } from '../../library/library';

/** Changes whenever extraction or tokenisation changes what a document yields. */
export const CACHE_VERSION = 2;
const MAGIC = Buffer.from('CCLIB');

/** What a cache file was made from. */
export interface Signature {
  path: string;
  size: number;
  mtimeMs: number;
}

interface Header {
  v: number;
  signature: Signature;
  format?: DocumentFormat;
  pageStarts?: number[];
  pageLabels?: string[];
  emptyPages?: number[];
  words?: number;
  distinct?: number;
  numbers?: number;
  textBytes?: number;
  problem?: { code: LibraryProblemCode; detail?: string };
}

export type CacheEntry = { doc: IndexedDocument } | { problem: { code: LibraryProblemCode; detail?: string } };
export type CacheSummary = { summary: DocumentSummary } | { problem: { code: LibraryProblemCode; detail?: string } };

/** The OS cache folder for Claim Check (CLAIMCHECK_CACHE_DIR wins). */
export function defaultCacheDir(): string {
  if (process.env.CLAIMCHECK_CACHE_DIR) return process.env.CLAIMCHECK_CACHE_DIR;
  const home = homedir();
  if (platform() === 'win32') return join(process.env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'claimcheck', 'Cache');
  if (platform() === 'darwin') return join(home, 'Library', 'Caches', 'claimcheck');
  return join(process.env.XDG_CACHE_HOME || join(home, '.cache'), 'claimcheck');
}

export class LibraryCache {
  constructor(readonly dir: string) {}

  private fileFor(path: string): string {
    return join(this.dir, 'library', `${createHash('sha1').update(path).digest('hex')}.cclib`);
  }

  private static same(a: Signature, b: Signature): boolean {
    return a.path === b.path && a.size === b.size && Math.abs(a.mtimeMs - b.mtimeMs) < 1;
  }

  /** The cached document or problem for this signature, if the cache holds a current one. */
  read(signature: Signature): CacheEntry | undefined {
    let buf: Buffer;
    try {
      buf = readFileSync(this.fileFor(signature.path));
    } catch {
      return undefined;
    }
    try {
      if (buf.length < 10 || !buf.subarray(0, 5).equals(MAGIC) || buf[5] !== CACHE_VERSION) return undefined;
      const headerLength = buf.readUInt32LE(6);
      const header = JSON.parse(buf.toString('utf8', 10, 10 + headerLength)) as Header;
      if (header.v !== CACHE_VERSION || !LibraryCache.same(header.signature, signature)) return undefined;
      if (header.problem) return { problem: header.problem };
      const n = header.words ?? 0;
      const k = header.numbers ?? 0;
      let at = align8(10 + headerLength);
      // Copy into fresh, aligned buffers (a Buffer's own offset may not be aligned).
      const take = (bytes: number) => {
        const out = new ArrayBuffer(bytes);
        new Uint8Array(out).set(buf.subarray(at, at + bytes));
        at += bytes;
        return out;
      };
      const distinct = new Uint32Array(take((header.distinct ?? 0) * 4));
      const hashes = new Uint32Array(take(n * 4));
      const starts = new Uint32Array(take(n * 4));
      const ends = new Uint32Array(take(n * 4));
      at = align8(at);
      const values = new Float64Array(take(k * 8));
      const nstarts = new Uint32Array(take(k * 4));
      const nends = new Uint32Array(take(k * 4));
      const text = buf.toString('utf8', at, at + (header.textBytes ?? 0));
      return {
        doc: {
          format: header.format ?? 'text',
          text,
          pageStarts: header.pageStarts ?? [0],
          pageLabels: header.pageLabels,
          emptyPages: header.emptyPages,
          tokens: { hashes, starts, ends },
          numbers: { values, starts: nstarts, ends: nends },
          distinct,
        },
      };
    } catch {
      return undefined;
    }
  }

  /** The summary (or problem) cached for this signature, reading only the header and the distinct words. */
  readSummary(signature: Signature): CacheSummary | undefined {
    let fd: number;
    try {
      fd = openSync(this.fileFor(signature.path), 'r');
    } catch {
      return undefined;
    }
    try {
      const head = Buffer.alloc(10);
      if (readSync(fd, head, 0, 10, 0) < 10 || !head.subarray(0, 5).equals(MAGIC) || head[5] !== CACHE_VERSION) return undefined;
      const headerLength = head.readUInt32LE(6);
      const json = Buffer.alloc(headerLength);
      readSync(fd, json, 0, headerLength, 10);
      const header = JSON.parse(json.toString('utf8')) as Header;
      if (header.v !== CACHE_VERSION || !LibraryCache.same(header.signature, signature)) return undefined;
      if (header.problem) return { problem: header.problem };
      const distinct = new Uint32Array(header.distinct ?? 0);
      readSync(fd, new Uint8Array(distinct.buffer), 0, distinct.byteLength, align8(10 + headerLength));
      return {
        summary: {
          format: header.format ?? 'text',
          pages: header.pageStarts?.length ?? 1,
          words: header.words ?? 0,
          emptyPages: header.emptyPages ?? [],
          distinct,
        },
      };
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  /** Writes a document (or the problem reading it); a failure to write only costs the cache. */
  write(signature: Signature, entry: CacheEntry): void {
    try {
      const view = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
      let header: Header;
      // The arrays after the header, in order; `null` pads to 8 bytes.
      let body: Array<Buffer | null> = [];
      if ('problem' in entry) header = { v: CACHE_VERSION, signature, problem: entry.problem };
      else {
        const d = entry.doc;
        const text = Buffer.from(d.text, 'utf8');
        header = {
          v: CACHE_VERSION,
          signature,
          format: d.format,
          pageStarts: d.pageStarts,
          pageLabels: d.pageLabels,
          emptyPages: d.emptyPages,
          words: d.tokens.hashes.length,
          distinct: d.distinct?.length ?? 0,
          numbers: d.numbers.values.length,
          textBytes: text.length,
        };
        body = [view(d.distinct ?? new Uint32Array(0)), view(d.tokens.hashes), view(d.tokens.starts), view(d.tokens.ends), null, view(d.numbers.values), view(d.numbers.starts), view(d.numbers.ends), text];
      }
      const json = Buffer.from(JSON.stringify(header), 'utf8');
      const head = Buffer.alloc(10);
      MAGIC.copy(head, 0);
      head[5] = CACHE_VERSION;
      head.writeUInt32LE(json.length, 6);
      const parts: Buffer[] = [head, json];
      let length = head.length + json.length;
      for (const b of [null, ...body]) {
        const part = b ?? Buffer.alloc(align8(length) - length);
        parts.push(part);
        length += part.length;
      }
      const file = this.fileFor(signature.path);
      mkdirSync(join(this.dir, 'library'), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat(parts, length));
      renameSync(tmp, file);
    } catch {
      // A read-only or full disk: the document is read again next time.
    }
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
