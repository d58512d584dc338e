/**
 * The settings and the README's table of codes are generated from the check registry
 * (scripts/generated.ts, `npm run generate`): this fails when a committed file drifts from it,
 * e.g. a check added, renamed or given another default without regenerating.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../server/src/checks';
import { generatedFiles } from '../../scripts/generated';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe.each(generatedFiles(read))('$path', ({ path, text }) => {
  it('is what the check registry generates (npm run generate)', () => {
    expect(read(path)).toBe(text);
  });
});

it('generates from the registry: a changed default or a new check changes the files', () => {
  const first = REGISTRY[0] as { defaultSeverity: string };
  const saved = first.defaultSeverity;
  try {
    first.defaultSeverity = saved === 'hint' ? 'error' : 'hint';
    const files = generatedFiles(read);
    for (const path of ['package.json', 'README.md']) expect(files.find((f) => f.path === path)!.text, path).not.toBe(read(path));
  } finally {
    first.defaultSeverity = saved;
  }
});

it('lists every finding code in the README with its default severity', () => {
  const rows = [...read('README.md').matchAll(/^\| `([a-z-]+)` \| (error|warning|info|hint) \|/gm)].map((m) => [m[1], m[2]]);
  expect(rows).toEqual(REGISTRY.map((c) => [c.code, c.defaultSeverity]));
});
