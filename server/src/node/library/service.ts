/**
 * The source library as a service for the server and the command: finds the documents,
 * reads or takes them from the disk cache, and fills a LibraryIndex — in the background,
 * one document at a time, yielding between documents, with progress. A build that sees no
 * change reads nothing; a document that changed (size or modification time) is read again.
 *
 * Host-side.
 */
import { statSync } from 'node:fs';
import { indexDocument } from '../../library/document';
import { LibraryIndex, type LibraryProblem, type LibraryStatus } from '../../library/library';
import { LibraryCache, defaultCacheDir, type Signature } from './cache';
import { discoverDocuments, type BibliographyFile, type DocumentSpec, type LibraryLocations } from './discover';
import { extractDocument } from './extract';

export interface BuildProgress {
  done: number;
  total: number;
  /** The document being read (undefined when done). */
  path?: string;
  /** Documents read from their files in this build (the rest came from memory or the cache). */
  read: number;
}

export interface BuildOptions {
  onProgress?: (p: BuildProgress) => void;
  signal?: AbortSignal;
  /** Read every document again, cache or not. */
  force?: boolean;
}

export interface LibraryServiceOptions {
  cacheDir?: string;
  /** Bytes of documents held in memory (the rest are read back from the cache on demand). */
  residentBytes?: number;
}

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

export class LibraryService {
  readonly index: LibraryIndex;
  readonly cache: LibraryCache;
  /** The signature each document in the index was read with. */
  private readonly current = new Map<string, Signature>();
  private bibliographies: BibliographyFile[] = [];
  private running: Promise<LibraryStatus> | undefined;
  private queued: { locations: LibraryLocations; options: BuildOptions } | undefined;

  constructor(options: LibraryServiceOptions = {}) {
    this.cache = new LibraryCache(options.cacheDir ?? defaultCacheDir());
    this.index = new LibraryIndex({
      residentBytes: options.residentBytes,
      load: (info) => {
        const sig = this.current.get(info.path);
        const entry = sig && this.cache.read(sig);
        return entry && 'doc' in entry ? entry.doc : undefined;
      },
    });
  }

  /** The bibliographies read by the last build (their sources and problems). */
  bibliographyFiles(): BibliographyFile[] {
    return this.bibliographies;
  }

  /**
   * Brings the index up to date with the documents at `locations`. A build asked for while
   * one runs starts when it ends (only the last such request is kept).
   */
  build(locations: LibraryLocations, options: BuildOptions = {}): Promise<LibraryStatus> {
    if (this.running) {
      this.queued = { locations, options };
      return this.running.then(() => {
        const q = this.queued;
        this.queued = undefined;
        return q ? this.build(q.locations, q.options) : this.index.status();
      });
    }
    this.running = this.run(locations, options).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(locations: LibraryLocations, options: BuildOptions): Promise<LibraryStatus> {
    this.index.building = true;
    try {
      const { documents, bibliographies } = discoverDocuments(locations);
      this.bibliographies = bibliographies;
      const wanted = new Set(documents.map((d) => d.path));
      for (const path of [...this.current.keys(), ...this.index.problems().map((p) => p.path)]) {
        if (!wanted.has(path)) {
          this.index.remove(path);
          this.current.delete(path);
        }
      }
      let read = 0;
      for (let i = 0; i < documents.length; i++) {
        if (options.signal?.aborted) break;
        const spec = documents[i];
        options.onProgress?.({ done: i, total: documents.length, path: spec.path, read });
        if (await this.update(spec, options.force ?? false)) read++;
        await yieldToEventLoop();
      }
      this.index.sealIfWorthIt();
      options.onProgress?.({ done: documents.length, total: documents.length, read });
      return this.index.status();
    } finally {
      this.index.building = false;
    }
  }

  /** Brings one document up to date; true when it was read from its file. */
  private async update(spec: DocumentSpec, force: boolean): Promise<boolean> {
    let sig: Signature;
    try {
      const st = statSync(spec.path);
      sig = { path: spec.path, size: st.size, mtimeMs: st.mtimeMs };
    } catch (err) {
      const code = (err as { code?: string }).code === 'ENOENT' ? 'missing' : 'unreadable';
      this.current.delete(spec.path);
      this.index.addProblem(this.problem(spec, code, (err as Error).message));
      return false;
    }
    const known = this.current.get(spec.path);
    const unchanged = known && known.size === sig.size && known.mtimeMs === sig.mtimeMs;
    if (!force && unchanged && this.sameKeys(spec)) return false;
    // From the cache, only the summary: the text is read back when a question needs it.
    const cached = force ? undefined : this.cache.readSummary(sig);
    if (cached) {
      this.current.set(spec.path, sig);
      if ('summary' in cached) this.index.addSummary(spec, cached.summary);
      else this.index.addProblem(this.problem(spec, cached.problem.code, cached.problem.detail));
      return false;
    }
    const result = await extractDocument(spec.path, sig.size);
    this.current.set(spec.path, sig);
    if (!result.ok) {
      this.cache.write(sig, { problem: result.failure });
      this.index.addProblem(this.problem(spec, result.failure.code, result.failure.detail));
      return true;
    }
    const doc = indexDocument(result.value);
    this.cache.write(sig, { doc });
    this.index.add(spec, doc);
    return true;
  }

  private sameKeys(spec: DocumentSpec): boolean {
    const info = this.index.documentAt(spec.path);
    const problem = this.index.problemAt(spec.path);
    const keys = info?.keys ?? problem?.keys;
    return !!keys && keys.length === spec.keys.length && spec.keys.every((k) => keys.includes(k));
  }

  private problem(spec: DocumentSpec, code: LibraryProblem['code'], detail?: string): LibraryProblem {
    return { code, path: spec.path, attachment: spec.attachment, keys: spec.keys, detail, origin: spec.origin };
  }
}
