/**
 * `claimcheck records lint`: what a schema cannot see in a set of records. Aliases that two
 * entries share or that match the same words (a plural), aliases that are common English or
 * Spanish words, claims without evidence, sources without an address, and verified quotes that
 * are not inside their excerpt.
 */
import { fold, guardsCommonWord } from './aliasIndex';
import { quoteInExcerpt } from './evidence';
import type { RecordSet } from './recordSet';
import type { Located, Origin, RecordProblem, Source } from './types';

export type LintCode =
  | 'record-problem'
  | 'duplicate-alias'
  | 'overlapping-alias'
  | 'common-word-alias'
  | 'claim-without-evidence'
  | 'source-without-url'
  | 'quote-not-in-excerpt'
  | 'verified-without-evidence';

export interface LintFinding {
  code: LintCode;
  severity: 'error' | 'warning';
  file: string;
  /** 0-based line of the entry; for record problems, -1 and `offset` instead (the host turns it into a line and column). */
  line: number;
  column: number;
  offset?: number;
  field: string;
  message: string;
}

export interface LintOptions {
  /** Lower-cased frequent words, with their language and rank. */
  commonWords: Map<string, { language: string; rank: number }>;
}

const ACRONYM = /^(?=(?:.*\p{Lu}){2})[\p{Lu}\p{N}\p{M}]+$/u;
const WORDS = /[\p{L}\p{N}\p{M}]+/gu;

/** Why a source has no address, when its note says so ("URL not found", "no primary copy", a placeholder). */
const NO_URL_REASON = /\b(?:url|address|primary copy)\b[^.]*\b(?:not|no|null|never|unconfirmed)\b|\bno primary\b|\bnot (?:found|seen|identified)\b|\bplaceholder\b/i;

function at(origin: Origin, path: Array<string | number>): Pick<LintFinding, 'file' | 'line' | 'column' | 'field'> {
  const start = origin.pointer ?? (origin.index === undefined ? [] : [origin.index]);
  return { file: origin.file, line: origin.line, column: 0, field: '/' + [...start, ...path].join('/') };
}

/** An alias's words as the alias index keys them (accents and case folded, acronyms kept, "Operación" as "Operation"). */
function storedKey(alias: string): string[] {
  return (alias.match(WORDS) ?? []).map((w) => (ACRONYM.test(w) ? `A${w}` : fold(w).replace(/^operacion$/, 'operation')));
}

/** The other keys the same words match when a draft writes them: a last plural "s" or "es" dropped, as the index does. */
function pluralKeys(keys: string[]): string[] {
  const last = keys[keys.length - 1];
  if (!last || last.startsWith('A')) return [];
  const head = keys.slice(0, -1);
  const out: string[] = [];
  if (last.length > 3 && last.endsWith('s')) out.push([...head, last.slice(0, -1)].join(' '));
  if (last.length > 4 && last.endsWith('es')) out.push([...head, last.slice(0, -2)].join(' '));
  return out;
}

export function lintRecords(records: RecordSet, options: LintOptions): LintFinding[] {
  const out: LintFinding[] = [];
  for (const p of records.problems) out.push(fromProblem(p));

  // Aliases, by the words they are stored under.
  type Placed = { entry: string; alias: string; origin: Origin; path: Array<string | number>; keys: string[]; shared: boolean };
  const byKey = new Map<string, Placed[]>();
  const placed: Placed[] = [];
  for (const { value: p, origin } of records.programs.values()) {
    const all: Array<[string, Array<string | number>]> = [
      ...p.aliases.map((a, i): [string, Array<string | number>] => [a, ['aliases', i]]),
      ...(p.unconfirmedAliases ?? []).map((a, i): [string, Array<string | number>] => [a, ['unconfirmedAliases', i]]),
    ];
    const ambiguous = new Set((p.ambiguousAliases ?? []).map((a) => fold(a.alias)));
    for (const [alias, path] of all) {
      const keys = storedKey(alias);
      const one: Placed = { entry: p.id, alias, origin, path, keys, shared: ambiguous.has(fold(alias)) };
      placed.push(one);
      const key = keys.join(' ');
      byKey.set(key, [...(byKey.get(key) ?? []), one]);
      if (keys.length === 1 && !keys[0].startsWith('A') && !guardsCommonWord(p, alias)) {
        const word = alias.match(WORDS)![0];
        const common = options.commonWords.get(word.toLowerCase()) ?? options.commonWords.get(fold(word));
        if (common)
          out.push({
            code: 'common-word-alias',
            severity: 'error',
            ...at(origin, path),
            message: `The alias "${alias}" of ${p.id} is a common ${common.language} word (rank ${common.rank}): it would be found in ordinary prose. Write it in capitals if it is an acronym, or use a longer name.`,
          });
      }
    }
  }
  for (const one of placed) {
    // The same words stored for two entries: a draft's mention goes to one of them only.
    // Words that both entries mark ambiguous are shared: the context decides (records/context.ts).
    const twins = (byKey.get(one.keys.join(' ')) ?? []).filter((o) => o.entry !== one.entry && !(o.shared && one.shared));
    const first = twins[0];
    if (first && placed.indexOf(first) < placed.indexOf(one))
      out.push({ code: 'duplicate-alias', severity: 'error', ...at(one.origin, one.path), message: `The alias "${one.alias}" of ${one.entry} is also an alias of ${first.entry} ("${first.alias}").` });
    // A plural alias whose singular is another entry's: the same words in a draft match both.
    for (const key of pluralKeys(one.keys)) {
      const other = (byKey.get(key) ?? []).find((o) => o.entry !== one.entry);
      if (other)
        out.push({ code: 'overlapping-alias', severity: 'warning', ...at(one.origin, one.path), message: `The alias "${one.alias}" of ${one.entry} matches the same words as "${other.alias}" of ${other.entry}.` });
    }
  }

  for (const { value: c, origin } of records.claims.values()) {
    if (!c.evidence) {
      out.push({ code: 'claim-without-evidence', severity: 'warning', ...at(origin, []), message: `The claim ${c.id} has no evidence (the excerpt it was read from and its address).` });
      if (c.quoteVerified === true)
        out.push({ code: 'verified-without-evidence', severity: 'error', ...at(origin, ['quoteVerified']), message: `The claim ${c.id} marks its quote verified but records no excerpt to verify it against.` });
    } else if (c.quote && c.quoteVerified === true && !quoteInExcerpt(c.quote, c.evidence.excerpt)) {
      out.push({ code: 'quote-not-in-excerpt', severity: 'error', ...at(origin, ['quote']), message: `The verified quote of ${c.id} is not inside its excerpt: “${c.quote.slice(0, 80)}”.` });
    }
  }

  for (const s of records.sources.values()) if (lacksUrl(s)) out.push({ code: 'source-without-url', severity: 'warning', ...at(s.origin, []), message: `The source ${s.value.id} has no URL, and its note does not say why.` });
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field));
}

function lacksUrl({ value: s }: Located<Source>): boolean {
  if (s.URL) return false;
  if (s.custom?.checked === 'none') return false;
  return !NO_URL_REASON.test(s.note ?? '');
}

function fromProblem(p: RecordProblem): LintFinding {
  return { code: 'record-problem', severity: p.severity, file: p.file, line: -1, column: -1, offset: p.offset, field: p.field, message: p.message };
}
