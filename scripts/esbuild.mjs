// The esbuild settings every bundle shares: the extension, the server and the CLI
// (scripts/build.mjs), the benchmark's core (bench/run.mjs) and the generator
// (scripts/generate.mjs). The remark packages are ESM-only; esbuild turns them into
// CommonJS so the extension host and plain `node` can load the bundles.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Escapes every non-ASCII character left in a bundle. esbuild escapes them in strings but leaves
 * them in regular expressions and comments, and a script with one non-ASCII character is held by
 * V8 as a string of two bytes a character for as long as it runs: the server's 3 MB bundle took
 * 5.7 MB of heap instead of 2.9. `\uXXXX` means the same character in a regular expression with
 * or without the u flag, a surrogate pair's two halves included; the build fails where a
 * backslash stands before such a character (an identity escape, which the escape would break).
 */
// eslint-disable-next-line no-control-regex -- every character past U+007F
const NON_ASCII = /[^\x00-\x7f]/g;

const asciiOnly = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      const file = build.initialOptions.outfile;
      if (result.errors.length > 0 || !file || build.initialOptions.write === false) return;
      const text = readFileSync(file, 'utf8');
      const at = text.search(NON_ASCII);
      if (at < 0) return;
      for (const m of text.matchAll(NON_ASCII)) {
        if (text[m.index - 1] === '\\') throw new Error(`${file}: a backslash before a non-ASCII character at offset ${m.index}; it cannot be escaped`);
      }
      writeFileSync(file, text.replace(NON_ASCII, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')));
    });
  },
};

export const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  // jsonc-parser's UMD build hides its requires from the bundler; take the ESM builds.
  mainFields: ['module', 'main'],
  // Some ESM dependencies (fdir, under tinyglobby) read import.meta.url, which CommonJS lacks.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  plugins: [asciiOnly],
};
