/**
 * What the bench needs from the TypeScript core, bundled by bench/run.mjs with esbuild into
 * bench/.build/core.cjs (an ignored folder), so the bench times the same code the server runs.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

export { DocumentAnalyzer } from '../server/src/analysis/incremental/analyzer';
export { DEFAULT_OPTIONS } from '../server/src/analysis/model';
export { splitChunks } from '../server/src/analysis/incremental/chunks';
export { RecordSet } from '../server/src/records/recordSet';
export { loadRecords, readRecordFiles, bundledDataDir, BUNDLED_FILES } from '../server/src/node/recordFiles';
export { hoverAt } from '../server/src/features/hover';
export { documentFor } from '../server/src/positions';
export { generateDraft, generateSyntheticRecords, Rng } from './generate';

/** The floor, exactly as the brief and the research notes state it: a bare remark + GFM parse of the whole text. */
export function parseFloor(text: string): unknown {
  return unified().use(remarkParse).use(remarkGfm).parse(text);
}
export { nearestNames, nearWordIndex } from '../server/src/records/nearest';
export { SERVER_EXEC_ARGV } from '../client/src/serverFlags';
