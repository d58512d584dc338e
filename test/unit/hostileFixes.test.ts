/**
 * Fixes applied to real shapes of drafts and written from hostile records: each fix, once
 * applied, clears its finding and is not offered again; what it writes is Markdown that reads
 * back as the record's text (no link, HTML, emphasis or control character of the record's making);
 * footnote definitions are not swallowed by a code fence or an HTML comment left open.
 */
import { describe, expect, it } from 'vitest';
import { citeEveryClaim } from '../../server/src/analysis/citeAll';
import { DocumentAnalyzer } from '../../server/src/analysis/incremental/analyzer';
import { DEFAULT_OPTIONS, type AnalysisOptions, type CitationStyle } from '../../server/src/analysis/model';
import { RecordSet } from '../../server/src/records/recordSet';
import { applyEdits } from '../helpers/records';

const json = (v: unknown) => JSON.stringify(v, null, 2);
const ESC = '\u001b';

function records(sources: Array<{ id: string; title?: string; URL?: string; quote?: string }>): RecordSet {
  return RecordSet.fromTexts([
    { path: 'programs.json', text: json([{ id: 'zorblax-unit', kind: 'program', name: 'Zorblax Unit', aliases: ['Zorblax Unit'], agency: [] }]) },
    {
      path: 'sources.json',
      text: json(sources.map((s) => ({ id: s.id, type: 'report', title: s.title ?? 'Annual report', URL: s.URL ?? 'https://example.org/r', issued: { 'date-parts': [[2020, 2, 3]] } }))),
    },
    {
      path: 'claims.json',
      text: json(
        sources.map((s, i) => ({ id: `c${i}`, program: 'zorblax-unit', source: s.id, fact: 'The unit trains officers.', ...(s.quote ? { quote: s.quote, quoteVerified: true } : {}) })),
      ),
    },
  ]);
}

function analyse(set: RecordSet, text: string, options: Partial<AnalysisOptions> = {}) {
  const analyzer = new DocumentAnalyzer(set);
  return analyzer.analyzeWithContext(text, { ...DEFAULT_OPTIONS, ...options });
}

const uncited = (set: RecordSet, text: string, style: CitationStyle) => analyse(set, text, { citationStyle: style }).analysis.findings.filter((f) => f.code === 'uncited-claim');

/** Applies the first fix of the first uncited-claim finding, as often as it is offered (at most 3 times). */
function applyUntilDone(set: RecordSet, text: string, style: CitationStyle): { text: string; applied: number } {
  let applied = 0;
  for (; applied < 3; applied++) {
    const f = uncited(set, text, style)[0];
    if (!f || f.fixes.length === 0) break;
    text = applyEdits(text, f.fixes[0].edits);
  }
  return { text, applied };
}

const STYLES: CitationStyle[] = ['footnote', 'pandoc', 'link'];
const CLAIM = 'The Zorblax Unit trains officers in Guatemala';

describe('a citation fix belongs to its sentence', () => {
  const set = records([{ id: 'zorblax-report' }]);
  const endings = {
    'a closing straight quote': '."',
    'a closing curly quote': '.”',
    'a closing parenthesis': '.)',
    'a trailing zero-width space': '.\u200b',
    'a trailing right-to-left mark': '.\u200f',
    'a trailing isolate': '.\u2069',
    'a closing quote and a zero-width space': '.”\u200b',
  };
  for (const [name, ending] of Object.entries(endings)) {
    for (const style of STYLES) {
      it(`${style}: after ${name}, one application clears the finding`, () => {
        const draft = `Officers say “${CLAIM}${ending}\n`.replace('Officers say “', ending.includes('”') ? 'Officers say “' : ending.includes('"') ? 'Officers say "' : ending.includes(')') ? 'Officers say (' : 'Officers say ');
        expect(uncited(set, draft, style)).toHaveLength(1);
        const { text, applied } = applyUntilDone(set, draft, style);
        expect(applied).toBe(1);
        expect(uncited(set, text, style)).toHaveLength(0);
      });
    }
    it(`cite every claim: after ${name}, one application clears every finding`, () => {
      for (const style of STYLES) {
        const draft = `${CLAIM}${ending}\n\nAnd the Zorblax Unit works in Honduras${ending}\n`;
        const { analysis, context } = analyse(set, draft, { citationStyle: style });
        expect(analysis.findings.filter((f) => f.code === 'uncited-claim')).toHaveLength(2);
        const after = applyEdits(draft, citeEveryClaim(context, analysis.findings));
        expect(uncited(set, after, style)).toHaveLength(0);
      }
    });
  }
});

describe('footnote definitions are not swallowed', () => {
  const set = records([{ id: 'zorblax-report' }]);
  const openings = {
    'an unclosed backtick fence': '```js\nconst x = 1;',
    'an unclosed tilde fence with a blank line': '~~~~\ncode\n\n',
    'an unclosed HTML comment': '<!-- notes for later\nstill notes',
    'an unclosed fence after a closed one': '```\na\n```\n\n```\nb\n',
  };
  for (const [name, tail] of Object.entries(openings)) {
    it(`by ${name} at the draft's end`, () => {
      const draft = `${CLAIM}.\n\n${tail}`;
      const { text, applied } = applyUntilDone(set, draft, 'footnote');
      expect(applied).toBe(1);
      expect(uncited(set, text, 'footnote')).toHaveLength(0);
      const { analysis } = analyse(set, text);
      expect(analysis.footnotes.map((f) => f.sources)).toEqual([['zorblax-report']]);
    });
  }

  it('and a closed fence or comment is left as it is', () => {
    const draft = `${CLAIM}.\n\n\`\`\`\ncode\n\`\`\`\n\n<!-- done -->\n`;
    const fix = uncited(set, draft, 'footnote')[0].fixes[0];
    const text = applyEdits(draft, fix.edits);
    expect(text).toMatch(/\n```\ncode\n```\n\n<!-- done -->\n\n\[\^zorblax-report\]: [^\n]*\n$/);
  });
});

describe('record text written into the draft', () => {
  const hostileIds = ['x](command:workbench.action.terminal.new)', '<img/src/onerror=alert(1)>', '_under_', 'a&amp;b', 'a~b~c', 'trailing.'];
  for (const id of hostileIds) {
    for (const style of STYLES) {
      it(`${style}: the source id ${JSON.stringify(id)} is cited so that it reads back, with no markup of its own`, () => {
        const set = records([{ id, title: `Title ${ESC}]0;x\u0007 [t](command:y) <b>b</b>\r\n[^1]: injected` }]);
        const draft = `${CLAIM}.\n`;
        const { text, applied } = applyUntilDone(set, draft, style);
        expect(applied).toBe(1);
        expect(uncited(set, text, style)).toHaveLength(0);
        const added = text.slice(CLAIM.length);
        expect(added).not.toMatch(/\]\(command:|<img|<b>|\r/);
        expect(added).not.toContain(ESC);
        expect(added).not.toContain('\u0007');
        // The title's line break did not start a definition of its own.
        expect(added).not.toMatch(/\n\[\^1\]:/);
        const { analysis } = analyse(set, text);
        expect([...new Set(analysis.citations.flatMap((c) => c.sources))]).toEqual([id]);
      });
    }
  }

  it('a URL with controls, overrides and angle brackets is encoded inside its angle brackets', () => {
    const set = records([{ id: 'r', URL: `https://example.org/a>${ESC}[2J<c\u202e` }]);
    expect(set.problems).toEqual([]);
    const { text } = applyUntilDone(set, `${CLAIM}.\n`, 'link');
    expect(text).toContain('(<https://example.org/a%3E%1B[2J%3Cc%E2%80%AE>)');
    expect(uncited(set, text, 'link')).toHaveLength(0);
  });

  it('restoring a quote writes the record words as text, not as a link, HTML or emphasis', () => {
    const quote = 'the *vetted* unit_a trains [officers](command:x) <b>quickly</b> in ten weeks';
    const set = records([{ id: 'zr', quote }]);
    const draft = 'The Zorblax Unit said that “the vetted unit_a trains officers quickly in ten weeks” in its report [@zr].\n';
    const misquote = analyse(set, draft).analysis.findings.find((f) => f.code === 'misquote');
    expect(misquote?.fixes).toHaveLength(1);
    const text = applyEdits(draft, misquote!.fixes[0].edits);
    expect(text).not.toMatch(/(?<!\\)\]\(command:/);
    expect(text).not.toContain('<b>');
    expect(analyse(set, text).analysis.findings.filter((f) => f.code === 'misquote')).toEqual([]);
  });
});
