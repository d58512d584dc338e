import { AliasIndex, fold, guardsCommonWord, MAX_ALIAS_WORDS, type AliasEntry, type AliasIndexOptions } from './aliasIndex';
import { parseRecordFile, type ParsedRecordFile } from './loader';
import { recordProblem } from './problems';
import type { Claim, Located, ProblemId, ProblemSeverity, Program, RecordFileText, RecordProblem, Source } from './types';

let nextGeneration = 1;

/**
 * Every record in force: bundled files first, then users' files, later entries overriding
 * earlier ones by id. Cross-references are checked here; an entry with a dangling reference
 * is reported and left out, everything else keeps serving.
 */
export class RecordSet {
  readonly programs = new Map<string, Located<Program>>();
  readonly sources = new Map<string, Located<Source>>();
  readonly claims = new Map<string, Located<Claim>>();
  readonly claimsByProgram = new Map<string, Claim[]>();
  readonly claimsBySource = new Map<string, Claim[]>();
  readonly problems: RecordProblem[] = [];
  readonly aliasIndex: AliasIndex;
  /** Changes whenever the records do; analysis caches key on it. */
  readonly generation = nextGeneration++;
  private readonly sourceByUrl = new Map<string, string>();
  private readonly sourceByNumber = new Map<string, string>();
  /** Ids that a user file overrode, with the file that did. */
  readonly overridden = new Map<string, string>();

  /** The files' locators, while the constructor reports problems; dropped after, with the files' texts they hold. */
  private locators: Map<string, NonNullable<ParsedRecordFile['locate']>> | undefined = new Map();

  constructor(
    files: ParsedRecordFile[],
    private readonly options: AliasIndexOptions = {},
  ) {
    for (const f of files) {
      this.problems.push(...f.problems);
      if (f.locate) this.locators?.set(f.path, f.locate);
    }
    for (const f of files) {
      for (const p of f.programs) this.put(this.programs, p);
      for (const s of f.sources) this.put(this.sources, s);
      for (const c of f.claims) this.put(this.claims, c);
    }
    this.checkReferences();
    this.aliasIndex = this.buildAliasIndex();
    for (const { value: s } of this.sources.values()) {
      for (const url of [s.URL, s.custom?.seenAt, ...(s.custom?.alternateUrls ?? [])]) if (url) this.sourceByUrl.set(normalizeUrl(url), s.id);
      if (s.number) this.sourceByNumber.set(s.number.toLowerCase(), s.id);
    }
    this.locators = undefined;
  }

  /** Parses the given files and builds the record set. */
  static fromTexts(files: RecordFileText[], options: AliasIndexOptions = {}): RecordSet {
    return new RecordSet(files.map(parseRecordFile), options);
  }

  private put<T extends { id: string }>(map: Map<string, Located<T>>, entry: Located<T>): void {
    const earlier = map.get(entry.value.id);
    if (earlier && earlier.origin.file !== entry.origin.file) this.overridden.set(entry.value.id, entry.origin.file);
    map.set(entry.value.id, entry);
  }

  private problem(entry: Located<unknown>, path: Array<string | number>, id: ProblemId, values: Record<string, string | number>, severity: ProblemSeverity): void {
    const { file, index } = entry.origin;
    const locate = index === undefined ? undefined : this.locators?.get(file);
    const offset = (index !== undefined && locate?.(index, path)) || 0;
    const start = entry.origin.pointer ?? (entry.origin.index === undefined ? [] : [entry.origin.index]);
    const field = '/' + [...start, ...path].join('/');
    this.problems.push(recordProblem({ file: entry.origin.file, offset, field }, id, values, severity));
  }

  private checkReferences(): void {
    for (const [id, entry] of this.claims) {
      const c = entry.value;
      const missingProgram = !this.programs.has(c.program);
      const missingSource = !this.sources.has(c.source);
      if (missingProgram) this.problem(entry, ['program'], 'problem.missingProgram', { id, program: c.program }, 'error');
      if (missingSource) this.problem(entry, ['source'], 'problem.missingSource', { id, source: c.source }, 'error');
      if (missingProgram || missingSource) {
        this.claims.delete(id);
        continue;
      }
      c.figures?.forEach((f, i) =>
        f.alternatives?.forEach((alt, j) => {
          if (!this.sources.has(alt.source)) this.problem(entry, ['figures', i, 'alternatives', j, 'source'], 'problem.unknownSource', { source: alt.source }, 'warning');
        }),
      );
      push(this.claimsByProgram, c.program, c);
      push(this.claimsBySource, c.source, c);
    }
    for (const entry of this.programs.values()) {
      entry.value.agency.forEach((a, i) => {
        const target = this.programs.get(a)?.value;
        if (!target) this.problem(entry, ['agency', i], 'problem.unknownAgency', { agency: a }, 'warning');
      });
      for (const key of ['started', 'suspended', 'ended'] as const) {
        const source = entry.value.status?.[key]?.source;
        if (source && !this.sources.has(source)) this.problem(entry, ['status', key, 'source'], 'problem.unknownSource', { source }, 'warning');
      }
      entry.value.status?.events?.forEach((e, i) => {
        if (e.source && !this.sources.has(e.source)) this.problem(entry, ['status', 'events', i, 'source'], 'problem.unknownSource', { source: e.source }, 'warning');
      });
    }
  }

  private buildAliasIndex(): AliasIndex {
    type Placed = AliasEntry & { where: [Located<Program>, Array<string | number>] };
    // Entries are made one at a time as the index takes them: a list of every alias would be a
    // large passing peak in memory with many records.
    const programs = this.programs;
    function* entries(): Generator<Placed> {
      for (const entry of programs.values()) {
        const p = entry.value;
        // Aliases the record marks ambiguous may be shared with another record that marks them so (AliasEntry.shared).
        const ambiguous = p.ambiguousAliases?.length ? new Set(p.ambiguousAliases.map((a) => fold(a.alias))) : undefined;
        const shared = (alias: string) => (ambiguous?.has(fold(alias)) ? { shared: true, ...(guardsCommonWord(p, alias) ? { guarded: true } : {}) } : {});
        for (let i = 0; i < p.aliases.length; i++) yield { alias: p.aliases[i], target: p.id, ...shared(p.aliases[i]), where: [entry, ['aliases', i]] };
        const unconfirmed = p.unconfirmedAliases ?? [];
        for (let i = 0; i < unconfirmed.length; i++) yield { alias: unconfirmed[i], target: p.id, unconfirmed: true, ...shared(unconfirmed[i]), where: [entry, ['unconfirmedAliases', i]] };
        // A program is always found by its own name, unless that name is another entry's alias.
        yield { alias: p.name, target: p.id, where: [entry, ['name']] };
      }
    }
    const index = new AliasIndex(entries(), this.options);
    for (const conflict of index.conflicts) {
      const { where } = conflict.entry as Placed;
      if (conflict.reason === 'too-short') this.problem(where[0], where[1], 'problem.aliasShort', { alias: conflict.entry.alias }, 'error');
      else if (conflict.reason === 'common-word') this.problem(where[0], where[1], 'problem.aliasCommon', { alias: conflict.entry.alias, language: conflict.language ?? '' }, 'error');
      else if (where[1][0] === 'name') continue;
      else if (conflict.reason === 'empty') this.problem(where[0], where[1], 'problem.aliasEmpty', { alias: conflict.entry.alias }, 'error');
      else if (conflict.reason === 'too-long') this.problem(where[0], where[1], 'problem.aliasTooLong', { alias: conflict.entry.alias.slice(0, 80), max: MAX_ALIAS_WORDS }, 'error');
      else this.problem(where[0], where[1], 'problem.aliasTaken', { alias: conflict.entry.alias, takenBy: conflict.takenBy ?? '', target: conflict.entry.target }, 'warning');
    }
    return index;
  }

  program(id: string): Program | undefined {
    return this.programs.get(id)?.value;
  }

  source(id: string): Source | undefined {
    return this.sources.get(id)?.value;
  }

  claimsAbout(programId: string): Claim[] {
    return this.claimsByProgram.get(programId) ?? [];
  }

  claimsFrom(sourceId: string): Claim[] {
    return this.claimsBySource.get(sourceId) ?? [];
  }

  /** The source whose URL (or a known copy's URL) this is. */
  sourceForUrl(url: string): string | undefined {
    return this.sourceByUrl.get(normalizeUrl(url));
  }

  /** The source with this report number, e.g. "GAO-18-618". */
  sourceForNumber(number: string): string | undefined {
    return this.sourceByNumber.get(number.toLowerCase());
  }

  /** Report numbers known to the records, for finding them in footnote text. */
  reportNumbers(): string[] {
    return [...this.sourceByNumber.keys()];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Compares URLs without scheme, "www.", trailing slash or fragment. */
export function normalizeUrl(url: string): string {
  return url
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/#.*$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}
