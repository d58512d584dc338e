/** The README's list of finding codes is the registry's: a check added without its row fails here. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CHECKS, WORKSPACE_CHECKS } from '../../server/src/checks';

it('lists every finding code in the README with its default severity', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning|info|hint) \|/gm)].map((m) => [m[1], m[2]]);
  expect(rows).toEqual([...CHECKS, ...WORKSPACE_CHECKS].map((c) => [c.code, c.defaultSeverity]));
});
