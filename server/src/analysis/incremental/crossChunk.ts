/**
 * What one chunk's analysis takes from the others: a lazy chunk that introduces a block quote
 * is parsed after all, and a chunk whose reference links resolve through definitions in
 * other chunks is analysed again with those definitions.
 */
import type { ChunkAnalysis } from './chunkAnalysis';

/** A chunk's analysis at its place in the document. */
export interface PlacedAnalysis {
  offset: number;
  chunk: ChunkAnalysis;
  text: string;
  /** Link definitions from elsewhere in the document that the chunk was analysed with, if any. */
  given?: string;
}


/** Analyses a chunk's text in full (never lazily), as the analyzer would. */
export type AnalyzeChunk = (text: string) => ChunkAnalysis;

/**
 * A lazy chunk (chunkAnalysis.ts) stands for sentences that find nothing; they count only as the
 * "last sentence before a block quote", which introduces the quote and lends it its
 * citations and attributions (see DocumentAnalyzer.model). So a lazy chunk is parsed after all when a
 * block quote follows it with no sentence outside a block quote in between; then every
 * sentence lies where it would without the shortcut. The parsed analysis replaces the lazy
 * one in the cache.
 */
export function parseLazyChunksThatMatter(placed: PlacedAnalysis[], cache: Map<string, ChunkAnalysis>, analyze: AnalyzeChunk): void {
  let quoteFollows = false;
  for (let i = placed.length - 1; i >= 0; i--) {
    const p = placed[i];
    if (p.chunk.lazy) {
      if (!quoteFollows) continue;
      p.chunk = analyze(p.text);
      cache.set(p.text, p.chunk);
    }
    for (let u = p.chunk.units.length - 1; u >= 0; u--) {
      const unit = p.chunk.units[u];
      if (unit.inBlockquote) quoteFollows = true;
      else if (unit.sentences.length > 0) quoteFollows = false;
    }
  }
}

/**
 * A reference link ("[the GAO found][gao]") resolves through a definition anywhere in the
 * document, usually in a chunk of its own at the end. remark sees one chunk at a time, so a
 * chunk whose bracketed labels match definitions elsewhere is analysed again with those
 * definitions appended after a blank line (where they add no prose and change nothing
 * before them), and the result cached under that text. As in CommonMark, the first
 * definition of a label wins.
 */
export function resolveReferencesAcrossChunks(placed: PlacedAnalysis[], cache: Map<string, ChunkAnalysis>, previous: ReadonlyMap<string, ChunkAnalysis>, analyze: AnalyzeChunk): void {
  const urls = new Map<string, string>();
  for (const p of placed) for (const d of p.chunk.definitions) if (!urls.has(d.identifier)) urls.set(d.identifier, d.url);
  if (urls.size === 0) return;
  for (const p of placed) {
    const own = new Set(p.chunk.definitions.map((d) => d.identifier));
    const needed = p.chunk.referenceLabels.filter((label) => urls.has(label) && !own.has(label));
    if (needed.length === 0) continue;
    p.given = '\n\n' + needed.map((label) => `[${label}]: <${urls.get(label)!.replace(/[<>\\\n\r]/g, (c) => (c === '\n' || c === '\r' ? '' : '\\' + c))}>`).join('\n') + '\n';
    const key = p.text + p.given;
    let chunk = cache.get(key) ?? previous.get(key);
    if (!chunk) {
      const analysed = analyze(key);
      // The appended definitions are the document's, not the chunk's own.
      chunk = { ...analysed, definitions: analysed.definitions.filter((d) => d.start < p.text.length) };
    }
    cache.set(key, chunk);
    p.chunk = chunk;
  }
}
