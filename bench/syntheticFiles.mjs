// The 100,000 synthetic programs written as record files, for the child processes that measure
// the peak RSS (bench/rss.mjs reads its records from files, as the server does).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the synthetic record files under `out`/synthetic-<programs>/ and returns their paths. */
export function writeSyntheticRecords(core, out, programs = 100_000) {
  const dir = join(out, `synthetic-${programs}`);
  mkdirSync(dir, { recursive: true });
  return core.generateSyntheticRecords({ programs }).map((f) => {
    const path = join(dir, f.path.split('/').pop());
    writeFileSync(path, f.text);
    return path;
  });
}
