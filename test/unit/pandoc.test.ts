/**
 * The Pandoc round trip: drafts cited with the `[@key]` fixes render with
 * `pandoc --citeproc` over the bundled and the writer's own sources, with no missing
 * citation; and the sources a draft cites export as one CSL-JSON bibliography.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentAnalyzer } from '../../server/src/analysis/incremental/analyzer';
import { citedSources } from '../../server/src/analysis/export';
import { DEFAULT_OPTIONS } from '../../server/src/analysis/model';
import { bundledDataDir, loadRecords } from '../../server/src/node/recordFiles';
import { applyEdits } from '../helpers/records';

const ROOT = join(__dirname, '..', '..');
const ZOTERO = join(ROOT, 'test', 'fixtures', 'workspace', 'zotero');
const pandoc = spawnSync('pandoc', ['--version']).status === 0;

function render(markdown: string, bibliographies: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-render-'));
  const file = join(dir, 'draft.md');
  writeFileSync(file, markdown);
  return spawnSync('pandoc', ['--citeproc', ...bibliographies.flatMap((b) => ['--bibliography', b]), '-t', 'plain', file], { encoding: 'utf8' });
}

describe.skipIf(!pandoc && !process.env.CI)('pandoc round trip', () => {
  const records = loadRecords({ bundled: true, extra: [join(ZOTERO, '.claimcheck')] });
  const bibliographies = [join(bundledDataDir(), 'sources.json'), join(ZOTERO, '.claimcheck', 'My Library.json')];

  it.each([join(ROOT, 'examples', 'draft-border-training.md'), join(ROOT, 'examples', 'seed-commentary.md'), join(ZOTERO, 'draft.md')])(
    'renders %s cited with [@key] fixes, with no missing citation',
    (path) => {
      const text = readFileSync(path, 'utf8');
      const options = { ...DEFAULT_OPTIONS, citationStyle: 'pandoc' as const };
      const analyzer = new DocumentAnalyzer(records);
      const cited = applyEdits(text, analyzer.citeAll(text, options));
      expect(cited).toMatch(/\[@[^\]]+\]/);
      expect(analyzer.analyze(cited, options).findings.filter((f) => f.code === 'uncited-claim')).toEqual([]);
      const result = render(cited, bibliographies);
      expect(result.status).toBe(0);
      expect(result.stderr).not.toMatch(/not found|WARNING/i);
    },
  );

  it('exports the cited sources as a bibliography that is enough on its own', () => {
    const text = applyEdits(readFileSync(join(ZOTERO, 'draft.md'), 'utf8'), new DocumentAnalyzer(records).citeAll(readFileSync(join(ZOTERO, 'draft.md'), 'utf8'), { ...DEFAULT_OPTIONS, citationStyle: 'pandoc' }));
    const sources = citedSources(new DocumentAnalyzer(records).analyze(text), records);
    expect(sources.map((s) => s.id)).toContain('ramirez2019');
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-export-'));
    writeFileSync(join(dir, 'cited.json'), JSON.stringify(sources));
    const result = render(text, [join(dir, 'cited.json')]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/Ramírez/);
  });
});
