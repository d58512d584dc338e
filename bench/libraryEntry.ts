/**
 * What the source-library bench needs, bundled by bench/library.mjs with esbuild into
 * bench/.build/library.cjs, so the bench times the same code the server runs.
 */
export { LibraryService } from '../server/src/node/library/service';
export { LibraryIndex } from '../server/src/library/library';
export { indexDocument, locatePassage, passageQuery } from '../server/src/library/document';
export { tokenizeWords } from '../server/src/library/text';
