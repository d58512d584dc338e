// `npm run generate`: writes the files made from the check registry (scripts/generated.ts).
// `--check` writes nothing and exits 1 when a committed file differs.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { common } from './esbuild.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'claimcheck-generate-'));
try {
  const outfile = join(dir, 'generated.cjs');
  await build({ ...common, entryPoints: [join(ROOT, 'scripts', 'generated.ts')], outfile });
  const { generatedFiles } = createRequire(import.meta.url)(outfile);
  const check = process.argv.includes('--check');
  let drift = 0;
  for (const { path, text } of generatedFiles((p) => readFileSync(join(ROOT, p), 'utf8'))) {
    if (readFileSync(join(ROOT, path), 'utf8') === text) continue;
    drift++;
    if (check) console.error(`${path} differs from what the check registry generates; run npm run generate`);
    else {
      writeFileSync(join(ROOT, path), text);
      console.log(`wrote ${path}`);
    }
  }
  if (check && drift > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
