/**
 * Deterministic generators for the performance bench and the incremental test:
 *
 * - `generateDraft`: an advocacy draft of a given size, built from the bundled records
 *   (dist/records/, compiled from data/): headings; paragraphs that mention programs by their real aliases, some
 *   cited (footnotes with definitions at the end, Pandoc `[@id]` with real source ids,
 *   inline links to the sources' URLs, reference links to definitions after the footnotes), some uncited, some attributed in prose ("according
 *   to 2016 HSI testimony"); figures, some right and some wrong; quotes, some exact record
 *   quotes and some slightly altered; lists, GFM tables, block quotes, fenced code, HTML
 *   comments, Spanish paragraphs, and a share of prose that mentions nothing.
 * - `generateSyntheticRecords`: N synthetic programs (3 aliases each) plus a few sources and
 *   claims, as record file texts for `RecordSet.fromTexts`.
 *
 * Everything comes from a seeded PRNG (mulberry32): the same options give the same text.
 */
import { loadRecords } from '../server/src/node/recordFiles';
import type { Claim, Program, RecordFileText, Source } from '../server/src/records/types';

const BUNDLED = loadRecords({ bundled: true, extra: [] });
const PROGRAMS: Program[] = [...BUNDLED.programs.values()].map((p) => p.value);
const SOURCES: Source[] = [...BUNDLED.sources.values()].map((s) => s.value);
const CLAIMS: Claim[] = [...BUNDLED.claims.values()].map((c) => c.value);

/** A small, fast, seeded PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Picks by weight: `[[weight, value], …]`. */
  weighted<T>(items: ReadonlyArray<readonly [number, T]>): T {
    const total = items.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1][1];
  }
}

// ---------------------------------------------------------------------------------------
// Vocabulary drawn from the records

const programs = PROGRAMS.filter((p) => p.kind === 'program');
const agencies = PROGRAMS.filter((p) => p.kind === 'agency');
const institutions = PROGRAMS.filter((p) => p.kind === 'institution');
const sourceById = new Map(SOURCES.map((s) => [s.id, s]));
const claimsByProgram = new Map<string, Claim[]>();
for (const c of CLAIMS) {
  const list = claimsByProgram.get(c.program) ?? [];
  list.push(c);
  claimsByProgram.set(c.program, list);
}
const quoteClaims = CLAIMS.filter((c) => c.quote && c.quote.split(/\s+/).length >= 6);
const figureClaims = CLAIMS.filter((c) => (c.figures ?? []).some((f) => f.unit !== 'year' && f.unit !== 'count'));
const citedPrograms = programs.filter((p) => (claimsByProgram.get(p.id) ?? []).length > 0);
const SPANISH_ALIAS = /[áéíóúñ]|\b(?:de|del|la|el|para|Fuerza|Fuerzas|Operación|Unidad|Comando|Policía|Iniciativa)\b/;

function englishAliases(p: Program): string[] {
  const all = [p.name, ...p.aliases].filter((a) => !SPANISH_ALIAS.test(a) && a.length < 70 && !/^\d/.test(a));
  return all.length > 0 ? all : [p.name];
}
function spanishAliases(p: Program): string[] {
  return [...p.aliases, ...(p.unconfirmedAliases ?? [])].filter((a) => SPANISH_ALIAS.test(a));
}
const spanishNamed = PROGRAMS.filter((p) => spanishAliases(p).length > 0);

function yearOf(s: Source | undefined): number | undefined {
  const y = s?.issued?.['date-parts']?.[0]?.[0];
  return typeof y === 'number' ? y : typeof y === 'string' ? Number(y) : undefined;
}

const AGENCY_WORD: Record<string, string> = { ice: 'ICE', hsi: 'HSI', dhs: 'DHS', cbp: 'CBP', fbi: 'FBI', state: 'State Department', southcom: 'Southern Command', gao: 'GAO', doj: 'Justice Department' };
const KIND_WORD: Record<string, string> = { testimony: 'testimony', 'press-release': 'release', 'gao-report': 'report', 'posture-statement': 'testimony', news: 'report', letter: 'letter' };

const COUNTRIES = ['Guatemala', 'Honduras', 'El Salvador', 'the Northern Triangle', 'Central America', 'Guatemala City', 'the Petén'];
const VERBS = [
  'expanded its work',
  'trained local units',
  'deployed advisers',
  'received new funding',
  'worked with vetted police units',
  'carried out joint operations',
  'shared intelligence with local prosecutors',
  'supported border interdiction',
  'opened a new office',
  'delivered vehicles and equipment',
];
const UNIT_WORDS: Record<string, string[]> = {
  person: ['police officers', 'agents', 'personnel', 'members', 'Marines', 'soldiers'],
  mile: ['miles'],
  organization: ['illicit organizations', 'criminal groups'],
  arrest: ['arrests'],
  vehicle: ['vehicles', 'jeeps'],
  week: ['weeks'],
  month: ['months'],
  day: ['days'],
  percent: ['percent'],
};
const PLAIN_SENTENCES = [
  'These deployments have not slowed migration.',
  'Families keep leaving because violence and poverty have not eased.',
  'Smugglers adapt quickly, and the routes shift within weeks.',
  'Corruption within security forces works to smugglers’ advantage.',
  'None of this is new, and none of it has lasted.',
  'Seeking asylum is not an illegal act.',
  'Tens of thousands of children and parents cross each month.',
  'The border is long, porous and crossed at dozens of informal sites.',
  'Reformers inside and outside government need patient support.',
  'Aid that builds institutions takes years to show results.',
  'Accountability for those on the take would change the incentives.',
  'Local prosecutors face threats, and some have had to leave the country.',
  'The numbers have moved in the wrong direction for a decade.',
  'Budgets grew while oversight stayed thin.',
  'Communities near the border saw little of the promised investment.',
  'It is hard to measure success when the goals keep changing.',
  'Migration rose again in the following year, by about 40 percent.',
  'Some 300 families were displaced in the first half of the year.',
];
const SPANISH_PLAIN = [
  'La migración no se detendrá mientras persistan la violencia y la pobreza.',
  'Las familias siguen saliendo cada mes hacia el norte.',
  'La corrupción dentro de las fuerzas de seguridad favorece a los traficantes.',
  'Ninguno de estos esfuerzos ha tenido resultados duraderos.',
  'Las comunidades fronterizas vieron poca de la inversión prometida.',
];
const SPANISH_VERBS = ['amplió su presencia', 'capacitó a unidades locales', 'recibió vehículos y equipo', 'operó en la frontera', 'trabajó con fiscales locales'];
const UNKNOWN_PROGRAMS = ['Operation Blue Harvest', 'Operation Northern Gate', 'Falcon Task Force', 'Jaguar Ridge Task Force', 'Fuerza de Tarea Quetzal', 'Operación Río Claro'];
const CODE_BLOCKS = [
  '```yaml\nprogram: tciu\nsince: 2015\ncountry: Guatemala\n```',
  '```json\n{ "program": "operation-citadel", "arrests": 210, "months": 15 }\n```',
  '```\nTODO: check the 2017 figures against the posture statement\n\nand ask the desk officer\n```',
  '```sh\npandoc draft.md --citeproc --bibliography data/sources.json -o draft.docx\n```',
];

// ---------------------------------------------------------------------------------------
// The draft

export interface DraftOptions {
  /** Target size in bytes (UTF-8); the draft ends at the first section boundary past it, plus its footnote definitions. */
  bytes: number;
  seed?: number;
}

class DraftWriter {
  private footnote = 0;
  readonly definitions: string[] = [];
  /** Link reference definitions ("[gao-18-618]: <https://…>"), kept in a block of their own after the footnotes. */
  readonly linkDefinitions: string[] = [];
  private readonly linkLabels = new Set<string>();
  /** Footnote labels already defined, by source id: later citations of the source reuse them. */
  private readonly labelBySource = new Map<string, string>();

  constructor(private readonly rng: Rng) {}

  alias(p: Program): string {
    return this.rng.pick(englishAliases(p));
  }

  /** A citation of `sourceId` in one of the three styles, or '' (uncited). */
  citation(sourceId: string | undefined, style: 'footnote' | 'pandoc' | 'link' | 'reference' | 'none'): string {
    const source = sourceId ? sourceById.get(sourceId) : undefined;
    if (!source || style === 'none') return '';
    if (style === 'pandoc') return ` [@${source.id}]`;
    if (style === 'link' && source.URL) return ` ([source](${source.URL}))`;
    if (style === 'reference' && source.URL) {
      if (!this.linkLabels.has(source.id)) {
        this.linkLabels.add(source.id);
        this.linkDefinitions.push(`[${source.id}]: <${source.URL}>`);
      }
      return ` ([source][${source.id}])`;
    }
    let label = this.labelBySource.get(source.id);
    if (!label || this.rng.chance(0.3)) {
      label = String(++this.footnote);
      this.labelBySource.set(source.id, label);
      const title = (source.title ?? source.id).replace(/[[\]*_`<>]/g, '');
      const ref = source.number ? `${source.number}, ` : '';
      this.definitions.push(`[^${label}]: ${ref}“${title}”${source.URL ? `, <${source.URL}>` : ''}.`);
    }
    return `[^${label}]`;
  }

  citeStyle(): 'footnote' | 'pandoc' | 'link' | 'reference' | 'none' {
    return this.rng.weighted([
      [35, 'footnote'],
      [15, 'pandoc'],
      [10, 'link'],
      [5, 'reference'],
      [35, 'none'],
    ] as const);
  }

  /** A source with a claim about the program (sometimes one without: a citation mismatch). */
  sourceFor(p: Program): string | undefined {
    const claims = claimsByProgram.get(p.id) ?? [];
    if (claims.length === 0 || this.rng.chance(0.08)) return this.rng.pick(SOURCES).id;
    return this.rng.pick(claims).source;
  }

  attribution(sourceId: string | undefined): string {
    const s = sourceId ? sourceById.get(sourceId) : undefined;
    const year = yearOf(s) ?? this.rng.int(2013, 2019);
    const agency = AGENCY_WORD[s?.custom?.agencies?.[0] ?? ''] ?? this.rng.pick(['HSI', 'ICE', 'DHS', 'FBI']);
    const kind = KIND_WORD[s?.custom?.kind ?? ''] ?? 'testimony';
    return this.rng.pick([`according to ${year} ${agency} ${kind}`, `according to ${agency} ${kind} from ${year}`, `according to the GAO`, `according to ${year} testimony`]);
  }

  /** One sentence about a program; returns the sentence with its citation. */
  mentionSentence(): string {
    const p = this.rng.pick(this.rng.chance(0.7) ? citedPrograms : programs);
    const kind = this.rng.weighted([
      [30, 'plain'],
      [18, 'figure'],
      [16, 'quote'],
      [14, 'attributed'],
      [10, 'two'],
      [6, 'unknown'],
      [6, 'agency'],
    ] as const);
    const country = this.rng.pick(COUNTRIES);
    const year = this.rng.int(2008, 2019);
    const source = this.sourceFor(p);
    const style = this.citeStyle();
    switch (kind) {
      case 'figure': {
        const claim = this.rng.pick(figureClaims);
        const program = PROGRAMS.find((x) => x.id === claim.program)!;
        const figure = this.rng.pick((claim.figures ?? []).filter((f) => f.unit !== 'year' && f.unit !== 'count'));
        const wrong = this.rng.chance(0.3);
        const value = wrong ? figure.value + this.rng.int(1, 9) * (figure.value > 100 ? 10 : 1) : figure.value;
        const written = figure.unit === 'usd' ? `$${value.toLocaleString('en-US')}` : value.toLocaleString('en-US');
        const unitWord = figure.unit === 'usd' ? '' : ` ${this.rng.pick(UNIT_WORDS[figure.unit] ?? ['units'])}`;
        const cue = this.rng.pick(figure.cues ?? ['reported']);
        const cite = this.citation(claim.source, style);
        return `Under ${this.alias(program)}, the ${cue} figure reached ${written}${unitWord} in ${yearOf(sourceById.get(claim.source)) ?? year}.${cite}`;
      }
      case 'quote': {
        const claim = this.rng.pick(quoteClaims);
        const program = PROGRAMS.find((x) => x.id === claim.program)!;
        let quote = claim.quote!.replace(/\s+/g, ' ').trim();
        if (this.rng.chance(0.35)) {
          // A slightly altered quote: one word swapped or dropped.
          const words = quote.split(' ');
          const i = this.rng.int(1, words.length - 2);
          if (this.rng.chance(0.5)) words[i] = this.rng.pick(['capable', 'many', 'several', 'regional', 'key']);
          else words.splice(i, 1);
          quote = words.join(' ');
        }
        const attributed = this.rng.chance(0.6) ? `, ${this.attribution(claim.source)}` : '';
        const cite = attributed && this.rng.chance(0.5) ? '' : this.citation(claim.source, style);
        return `${capitalise(this.alias(program))}${attributed}, “${quote.replace(/[.,]$/, '')}.”${cite}`;
      }
      case 'attributed':
        return `${capitalise(this.alias(p))} ${this.rng.pick(VERBS)} in ${country} in ${year}, ${this.attribution(source)}.${this.rng.chance(0.3) ? this.citation(source, style) : ''}`;
      case 'two': {
        const q = this.rng.pick(programs);
        return `In ${year}, ${this.alias(p)} worked with ${this.alias(q)} in ${country}.${this.citation(source, style)}`;
      }
      case 'unknown':
        return `${capitalise(this.alias(p))} also supported ${this.rng.pick(UNKNOWN_PROGRAMS)} in ${country}.${this.citation(source, style)}`;
      case 'agency': {
        const a = this.rng.pick([...agencies, ...institutions]);
        return `${capitalise(this.alias(a))} ${this.rng.pick(VERBS)} with ${this.alias(p)} in ${country}.${this.citation(source, style)}`;
      }
      default:
        return `${capitalise(this.alias(p))} ${this.rng.pick(VERBS)} in ${country} in ${year}.${this.citation(source, style)}`;
    }
  }

  plainSentence(): string {
    return this.rng.pick(PLAIN_SENTENCES);
  }

  spanishSentence(): string {
    if (this.rng.chance(0.4)) return this.rng.pick(SPANISH_PLAIN);
    const p = this.rng.pick(spanishNamed);
    const alias = this.rng.pick(spanishAliases(p));
    const year = this.rng.int(2010, 2019);
    return this.rng.pick([
      `Según la GAO, ${alias} ${this.rng.pick(SPANISH_VERBS)} en ${year}.`,
      `En ${year}, ${alias} ${this.rng.pick(SPANISH_VERBS)} en Guatemala.${this.citation(this.sourceFor(p), this.citeStyle())}`,
      `${capitalise(alias)} ${this.rng.pick(SPANISH_VERBS)} con 4.600 policías.`,
    ]);
  }

  paragraph(kind: 'mention' | 'plain' | 'spanish'): string {
    const n = this.rng.int(2, 6);
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) {
      if (kind === 'plain') sentences.push(this.plainSentence());
      else if (kind === 'spanish') sentences.push(this.spanishSentence());
      else sentences.push(this.rng.chance(0.75) ? this.mentionSentence() : this.plainSentence());
    }
    // Hard-wrap some paragraphs the way editors do.
    const text = sentences.join(' ');
    return this.rng.chance(0.3) ? wrap(text, 100) : text;
  }

  list(): string {
    const ordered = this.rng.chance(0.3);
    const items: string[] = [];
    const n = this.rng.int(3, 6);
    for (let i = 0; i < n; i++) {
      const marker = ordered ? `${i + 1}.` : '-';
      items.push(`${marker} ${this.rng.chance(0.8) ? this.mentionSentence() : this.plainSentence()}`);
      if (this.rng.chance(0.15)) items.push(`  - ${this.mentionSentence()}`);
      if (!ordered && this.rng.chance(0.05)) items.push(`- [ ] Check the figure above against ${this.alias(this.rng.pick(programs))} records.`);
    }
    return items.join('\n');
  }

  table(): string {
    const rows = ['| Program | Agency | Since | Source |', '| --- | --- | --- | ---: |'];
    const n = this.rng.int(3, 7);
    for (let i = 0; i < n; i++) {
      const p = this.rng.pick(citedPrograms);
      const agency = PROGRAMS.find((a) => a.id === p.agency[0]);
      const source = this.sourceFor(p);
      rows.push(`| ${this.alias(p)} | ${agency ? this.alias(agency) : 'n/a'} | ${this.rng.int(2007, 2019)} | ${this.citation(source, this.rng.pick(['footnote', 'pandoc'] as const)).trim() || '—'} |`);
    }
    return rows.join('\n');
  }

  blockquote(): string[] {
    const claim = this.rng.pick(quoteClaims);
    const program = PROGRAMS.find((x) => x.id === claim.program)!;
    let quote = claim.quote!.replace(/\s+/g, ' ').trim();
    if (this.rng.chance(0.3)) quote = quote.replace(/\b(the|and|of)\b/, 'its');
    const intro = `${capitalise(this.alias(program))} is described plainly, ${this.attribution(claim.source)}:`;
    return [intro, `> ${quote}${this.rng.chance(0.3) ? this.citation(claim.source, 'footnote') : ''}`];
  }

  code(): string {
    return this.rng.pick(CODE_BLOCKS);
  }

  comment(): string {
    return this.rng.pick([
      '<!-- claimcheck-disable-next-line uncited-claim -- reason: our own 2018 field notes -->',
      '<!-- TODO: add the 2019 figures -->',
      '<!-- claimcheck-disable figure-mismatch -->',
      '<!-- claimcheck-enable figure-mismatch -->',
    ]);
  }

  heading(level: number, n: number): string {
    const topic = this.rng.chance(0.5) ? this.alias(this.rng.pick(programs)) : this.rng.pick(['Background', 'What changed', 'Results', 'Oversight', 'Costs', 'Recommendations', 'Lo que sabemos']);
    return `${'#'.repeat(level)} ${n}. ${topic}`;
  }

  section(n: number): string[] {
    const blocks: string[] = [this.heading(this.rng.chance(0.2) ? 2 : 3, n)];
    const count = this.rng.int(3, 7);
    for (let i = 0; i < count; i++) {
      const kind = this.rng.weighted([
        [40, 'mention'],
        [22, 'plain'],
        [9, 'list'],
        [5, 'table'],
        [5, 'quote'],
        [4, 'code'],
        [8, 'spanish'],
        [3, 'comment'],
        [2, 'rule'],
        [2, 'subheading'],
      ] as const);
      switch (kind) {
        case 'mention':
        case 'plain':
        case 'spanish':
          blocks.push(this.paragraph(kind));
          break;
        case 'list':
          blocks.push(this.list());
          break;
        case 'table':
          blocks.push(this.table());
          break;
        case 'quote':
          blocks.push(...this.blockquote());
          break;
        case 'code':
          blocks.push(this.code());
          break;
        case 'comment':
          blocks.push(this.comment() + '\n' + this.paragraph('mention'));
          break;
        case 'rule':
          blocks.push('---');
          break;
        case 'subheading':
          blocks.push(`#### ${this.rng.pick(['Notes', 'Figures', 'In brief', 'Sources'])}`);
          break;
      }
    }
    return blocks;
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** A deterministic advocacy draft of about `bytes` bytes. */
export function generateDraft({ bytes, seed = 1 }: DraftOptions): string {
  const rng = new Rng(seed);
  const w = new DraftWriter(rng);
  const blocks: string[] = ['# U.S. security programs in Central America: what the record shows', '*Draft for review. Figures and quotes to be checked against the sources.*'];
  let size = blocks.join('\n\n').length;
  let defsSize = 0;
  for (let n = 1; size + defsSize < bytes; n++) {
    const before = w.definitions.length;
    for (const b of w.section(n)) {
      blocks.push(b);
      size += Buffer.byteLength(b) + 2;
    }
    for (const d of w.definitions.slice(before)) defsSize += Buffer.byteLength(d) + 1;
  }
  const links = w.linkDefinitions.length > 0 ? `\n${w.linkDefinitions.join('\n')}\n` : '';
  return `${blocks.join('\n\n')}\n\n${w.definitions.join('\n')}\n${links}`;
}

// ---------------------------------------------------------------------------------------
// Synthetic records

const SYLLABLES = ['ka', 'zu', 'vre', 'qo', 'lin', 'tar', 'mex', 'ondo', 'pil', 'ras', 'quen', 'dor', 'zal', 'ivo', 'trak', 'nul', 'bex', 'yor', 'fen', 'gul'];

/** A pseudo-word, distinct for every `n` (bijective base-20 over syllables, plus a fixed tail). */
function pseudoWord(n: number): string {
  let s = '';
  let i = n;
  do {
    s += SYLLABLES[i % SYLLABLES.length];
    i = Math.floor(i / SYLLABLES.length);
  } while (i > 0);
  return capitalise(s) + 'q';
}

export interface SyntheticRecordOptions {
  programs: number;
  seed?: number;
  /** Sources to create (default: a few, one per 10,000 programs, at least 3). */
  sources?: number;
  /** Claims to create (default: one per 1,000 programs, at least 5). */
  claims?: number;
}

/** N synthetic programs with 3 aliases each, plus a few sources and claims, as record file texts. */
export function generateSyntheticRecords({ programs: n, seed = 7, sources, claims }: SyntheticRecordOptions): RecordFileText[] {
  const rng = new Rng(seed);
  const programs: Program[] = [];
  for (let i = 0; i < n; i++) {
    const word = pseudoWord(i);
    const acronym = `${word.slice(0, 3).toUpperCase()}${i.toString(36).toUpperCase()}`;
    programs.push({
      id: `synthetic-${i}`,
      kind: 'program',
      name: `${word} Program`,
      // "Operation X" shares its first word with real aliases, so the trie is probed deeper.
      aliases: [`Operation ${word}`, acronym, `${word} ${pseudoWord(i + n)} Unit`],
      agency: [rng.pick(['ice', 'hsi', 'fbi', 'dea', 'southcom'])],
      type: 'synthetic',
      country: ['Guatemala'],
    });
  }
  const sourceCount = sources ?? Math.max(3, Math.floor(n / 10_000));
  const sourceList: Source[] = [];
  for (let i = 0; i < sourceCount; i++) {
    sourceList.push({
      id: `synthetic-source-${i}`,
      type: 'report',
      title: `Synthetic report ${i} on ${pseudoWord(i)} programs`,
      issued: { 'date-parts': [[rng.int(2008, 2022)]] },
      URL: `https://example.org/synthetic/${i}`,
      custom: { verification: 'candidate', documentConfirmed: false, kind: 'gao-report', agencies: ['gao'], role: 'related' },
    });
  }
  const claimCount = claims ?? Math.max(5, Math.floor(n / 1_000));
  const claimList: Claim[] = [];
  for (let i = 0; i < claimCount; i++) {
    const program = programs[rng.int(0, programs.length - 1)];
    const source = sourceList[rng.int(0, sourceList.length - 1)];
    claimList.push({
      id: `synthetic-claim-${i}`,
      program: program.id,
      source: source.id,
      fact: `${program.name} trained ${rng.int(10, 900)} officers.`,
      figures: [{ value: rng.int(10, 900), unit: 'person', label: 'officers trained', cues: ['train'] }],
    });
  }
  return [
    { path: 'synthetic/programs.json', text: JSON.stringify(programs) },
    { path: 'synthetic/sources.json', text: JSON.stringify(sourceList) },
    { path: 'synthetic/claims.json', text: JSON.stringify(claimList) },
  ];
}
