/**
 * References by description: "the unit", "the task force", "this program", "esta unidad",
 * "la fuerza de tarea", "dicha operación", "the mission", "este curso", "the app". Each resolves
 * to the program named before it in the same paragraph whose kind fits (a unit, task force,
 * operation, program, initiative, agreement, exercise, school, process, mission, course, body,
 * app, return flights) and whose number fits ("these groups" needs a plural name); only when
 * exactly one program fits — a wrong resolution is worse than none. A description that nothing
 * in its paragraph fits (an open description) may take the one program of its kind that the
 * section's heading names, or else the one named earlier in the document (NamedSoFar).
 */
import { isClaimSubject } from '../records/subjects';
import type { RecordSet } from '../records/recordSet';
import type { Program } from '../records/types';

/** The kinds a description may name. */
export type DescribedKind =
  | 'unit'
  | 'task-force'
  | 'operation'
  | 'program'
  | 'initiative'
  | 'agreement'
  | 'exercise'
  | 'school'
  | 'process'
  | 'mission'
  | 'course'
  | 'body'
  | 'app'
  | 'return-flights'
  | 'command'
  | 'authority';

/** Every kind, in a fixed order (NamedSoFar's slots). */
const KINDS: readonly DescribedKind[] = ['unit', 'task-force', 'operation', 'program', 'initiative', 'agreement', 'exercise', 'school', 'process', 'mission', 'course', 'body', 'app', 'return-flights', 'command', 'authority'];

export interface DescriptionMention {
  /** Offsets in the paragraph's text. */
  start: number;
  end: number;
  target: string;
  text: string;
}

// Nouns of a description and the kinds each may stand for; the plural forms are marked.
/**
 * Acronyms that name a kind of program, read as descriptions when written bare, without a
 * determiner ("support IATF training" after "IATF Tecun Uman"), or after one ("This IATF"): the
 * same one, and its letters with two neighbours swapped, as writers mistype it ("ITAF personnel").
 */
const KIND_ACRONYMS = ['IATF'];
function withSwaps(acronym: string): string[] {
  const out = [acronym];
  for (let i = 0; i + 1 < acronym.length; i++) out.push(acronym.slice(0, i) + acronym[i + 1] + acronym[i] + acronym.slice(i + 2));
  return [...new Set(out)];
}
const ACRONYM_WORDS = KIND_ACRONYMS.flatMap(withSwaps);

/**
 * The nouns a description is made of, each once (as pattern sources, matched without regard to
 * case): its singular and plural forms, the kinds of record it stands for, and whether it is read
 * only where no "of"/"de" follows ("the mission of the army" is the army's purpose, "el curso de
 * acción" no course). The patterns below are all made from this list. Where a longer noun begins
 * with a shorter one ("fuerzas de tarea", "fuerzas"), the longer comes first.
 */
const DESCRIPTION_NOUNS: ReadonlyArray<{ one: string; many?: string; kinds: DescribedKind[]; notOf?: true }> = [
  { one: 'task force', many: 'task forces', kinds: ['task-force'] },
  { one: 'fuerza de tarea', many: 'fuerzas de tarea', kinds: ['task-force'] },
  // "This IATF", "the IATF": one inter-agency task force (the record of them all is named in the plural).
  { one: ACRONYM_WORDS.join('|').toLowerCase(), many: ACRONYM_WORDS.map((w) => `${w}s`).join('|').toLowerCase(), kinds: ['task-force'] },
  { one: 'unit', many: 'units', kinds: ['unit', 'task-force'] },
  { one: 'unidad', many: 'unidades', kinds: ['unit', 'task-force'] },
  { one: 'group', many: 'groups', kinds: ['unit', 'task-force'] },
  { one: 'grupo', many: 'grupos', kinds: ['unit', 'task-force'] },
  { one: 'fuerza', many: 'fuerzas', kinds: ['task-force', 'unit'] },
  { one: 'force', kinds: ['task-force', 'unit'] },
  { one: 'operation', many: 'operations', kinds: ['operation'] },
  { one: 'operación|operacion', many: 'operaciones', kinds: ['operation'] },
  { one: 'program', many: 'programs', kinds: ['program'] },
  { one: 'programa', many: 'programas', kinds: ['program'] },
  { one: 'initiative', many: 'initiatives', kinds: ['initiative'] },
  { one: 'iniciativa', many: 'iniciativas', kinds: ['initiative'] },
  { one: 'agreement', many: 'agreements', kinds: ['agreement'] },
  { one: 'acuerdo', many: 'acuerdos', kinds: ['agreement'] },
  { one: 'exercise', many: 'exercises', kinds: ['exercise'] },
  { one: 'ejercicio', many: 'ejercicios', kinds: ['exercise'] },
  { one: 'academy|institute|academia|instituto', many: 'academies|academias', kinds: ['school'] },
  { one: 'process|proceso', many: 'processes|procesos', kinds: ['process'] },
  // A mission is a deployment's ("the USNS Comfort mission"); an effort is an exercise's, operation's or initiative's.
  { one: 'mission|misión|mision', many: 'missions|misiones', kinds: ['mission'], notOf: true },
  { one: 'course|curso', many: 'courses|cursos', kinds: ['course'], notOf: true },
  { one: 'institution|institución|institucion', many: 'institutions|instituciones', kinds: ['body'], notOf: true },
  { one: 'app', many: 'apps', kinds: ['app'], notOf: true },
  { one: 'effort|esfuerzo', many: 'efforts|esfuerzos', kinds: ['exercise', 'operation', 'initiative', 'mission'], notOf: true },
  { one: 'command|comando', many: 'commands|comandos', kinds: ['command'], notOf: true },
  // An investigation is an operation's ("Operation Black Jack. This investigation…"); an event an exercise's ("the culminating event").
  { one: 'investigation|investigación|investigacion', many: 'investigations|investigaciones', kinds: ['operation'], notOf: true },
  { one: 'event|evento', many: 'events|eventos', kinds: ['exercise'], notOf: true },
  // An authority is a policy's or a law's ("Title 42 … en virtud de esa facultad").
  { one: 'authority|facultad', many: 'authorities|facultades', kinds: ['authority'], notOf: true },
  // An organization is a task force's or a unit's ("la FTC-Bravo es una organización…").
  { one: 'organization|organisation|organización|organizacion', many: 'organizations|organisations|organizaciones', kinds: ['task-force', 'unit'], notOf: true },
];
const forms = (n: { one: string; many?: string }) => (n.many ? `${n.one}|${n.many}` : n.one);
const NOUNS: ReadonlyArray<[RegExp, DescribedKind[]]> = DESCRIPTION_NOUNS.map((n) => [new RegExp(`^(?:${forms(n)})$`, 'i'), n.kinds]);
const NOT_OF = new RegExp(`^(?:${DESCRIPTION_NOUNS.filter((n) => n.notOf).map(forms).join('|')})$`, 'i');
const PLURAL_NOUN = new RegExp(`^(?:${DESCRIPTION_NOUNS.flatMap((n) => (n.many ? [n.many] : [])).join('|')})$`, 'i');
// Every form of the nouns, the plural first, and the flights of an air service (RETURN_FLIGHTS below):
// what the description pattern looks for after a determiner.
const NOUN_WORDS = [...DESCRIPTION_NOUNS.map((n) => (n.many ? `${n.many}|${n.one}` : n.one)), 'flights?'].join('|');
// Whether a text may hold a description at all: any of the nouns, anywhere (a cheap test before the patterns).
const ANY_NOUN = new RegExp(NOUN_WORDS, 'i');

// "These return operations", "the removal flights": the flights of an air operation, not an operation by name.
const RETURN_FLIGHTS = /^(?:return|removal|repatriation|deportation)$/i;
const FLIGHT_NOUN = /^(?:operations?|flights?)$/i;

// "His unit", "her unit": the unit of a person named before, itself named before.
const EN_SINGULAR = 'the|this|that|its|his|her';
const EN_PLURAL = 'these|those|the';
const ES_SINGULAR = 'la|el|del|al|esta|este|esa|ese|dicha|dicho|la misma|el mismo|dicha|aquella|aquel';
const ES_PLURAL = 'las|los|estas|estos|dichas|dichos|esas|esos';
// A determiner, then the noun; what follows must not make it a name or another thing
// ("the Task Force Bravo", "la fuerza aérea", "the program's" is fine).
const DESCRIPTION = new RegExp(
  `(?<![\\p{L}\\p{N}])(${EN_SINGULAR}|${EN_PLURAL}|${ES_SINGULAR}|${ES_PLURAL})\\s+((?:[\\p{L}\\p{N}][\\p{L}\\p{N}-]*\\s+){0,2}?)(${NOUN_WORDS})(?![\\p{L}\\p{N}])`,
  'giu',
);
// Up to two words may stand between the determiner and the noun ("the multinational exercise",
// "the two-week exercise"): in lower case, and none that points elsewhere ("the other program").
// A country's name before the noun is its branch of the program named ("The Guatemala program also includes…").
const COUNTRY = /^(?:Guatemala|Guatemalan|Honduras|Honduran|El|Salvador|Salvadoran|Mexico|Mexican|Panama|Panamanian|Belize|Belizean|Nicaragua|Nicaraguan|Costa|Rica|Rican|Colombia|Colombian)$/u;
const NOT_MODIFIER = /^(?:other|another|same|next|previous|prior|former|latter|last|first|second|third|earlier|later|similar|such|different|new|proposed|planned|future|otr[oa]s?|mism[oa]s?|anterior|siguiente|nuev[oa]s?|of|de|del|and|y|or|o|to|a|in|en|for|para|by|por|with|con|that|which|que|is|was|are|were|es|fue)$/i;
// Words after "fuerza"/"force"/"unit" that make it something else: the air force, the armed forces, a police unit's kind.
const NOT_AFTER = /^\s*(?:aérea|aerea|naval|pública|publica|armada|armadas|militar|militares|policial|letal|de\s+(?:ley|trabajo|voluntad)|of\s+(?:law|arms|habit)|multiplier|protection|commander|level|price|cost|[\p{Lu}][\p{L}]*)/u;
const PLURAL_DETERMINER = /^(?:these|those|las|los|estas|estos|dichas|dichos|esas|esos)$/i;

/** The kinds a record is, from its name, aliases and type ("joint military-police unit", "Operation Martillo"). */
export function describedKinds(program: Program): Set<DescribedKind> {
  const words = [program.name, ...program.aliases, program.type ?? ''].join(' | ').toLowerCase();
  const kinds = new Set<DescribedKind>();
  if (/task forces?|fuerzas? de tarea|\bfti\b|\biatf\b|\bjtf\b/.test(words)) kinds.add('task-force');
  if (/\bunits?\b|\bunidad|\bteams?\b|\bsquad|\bbrigade/.test(program.type ?? '')) kinds.add('unit');
  if (/^operations?\b|^operaci[oó]n|\boperation\b/.test((program.type ?? '').toLowerCase()) || /^(?:operation|operaci[oó]n) /i.test(program.name)) kinds.add('operation');
  if (/\bprogram|\btraining|\boffice\b|\bcourse\b/.test(program.type ?? '')) kinds.add('program');
  if (/initiative|iniciativa|strategy|estrategia/.test(words)) kinds.add('initiative');
  // Named an agreement, or entered into by agreements ("287(g) agreements").
  if (/agreement|acuerdo/.test(words)) kinds.add('agreement');
  if (/\bexercise|ejercicio/.test(program.type ?? '')) kinds.add('exercise');
  if (/\bacadem|\binstitut|\bschool\b|\bescuela/.test(`${program.name} ${program.type ?? ''}`.toLowerCase())) kinds.add('school');
  if (/\bprocess|\bproceso/.test(`${program.name} ${program.type ?? ''}`.toLowerCase())) kinds.add('process');
  if (/\bmission|\bmisi[oó]n|\bdeployment/.test(`${program.name} ${program.type ?? ''}`.toLowerCase())) kinds.add('mission');
  // A course is given by a training program, not by the academy that hosts it.
  if (/\btraining|\bcourse|\bcurso/.test(program.type ?? '') && !/institution|academ|school|escuela/.test(program.type ?? '')) kinds.add('course');
  if (program.kind === 'agency' || program.kind === 'institution') kinds.add('body');
  if (/\bapp\b|mobile application|aplicaci[oó]n m[oó]vil/.test(words)) kinds.add('app');
  if (/\bair operations\b|\bflights\b|\bvuelos\b/.test(`${program.name} ${program.type ?? ''}`.toLowerCase())) kinds.add('return-flights');
  if (/\bcommand\b|\bcomando\b/.test(`${program.name} ${program.type ?? ''}`.toLowerCase())) kinds.add('command');
  if (/\bpolicy\b|\bpol[ií]tica\b/.test(program.type ?? '') || /^(?:Title|T[ií]tulo) \d/.test(program.name)) kinds.add('authority');
  return kinds;
}

/** Whether a record is named as several ("Inter-Agency Task Forces", type "joint military-police units"). */
const PLURAL_WORD = /(?:forces|units|teams|groups|academies|processes|unidades|fuerzas|procesos)\b/i;
const pluralCache = new WeakMap<Program, boolean>();
function isPlural(program: Program): boolean {
  let plural = pluralCache.get(program);
  if (plural === undefined) pluralCache.set(program, (plural = PLURAL_WORD.test(`${program.name} ${program.type ?? ''}`)));
  return plural;
}

/**
 * Whether a description of that number fits the record: a plural one fits a record named as
 * several, or one also named in the plural ("Border Enforcement Security Task Forces"); a
 * singular one fits a record not named as several.
 */
const pluralAliasCache = new WeakMap<Program, boolean>();
// An alias in the plural: a record also named so ("287(g) agreements") fits "the partner agreements".
const PLURAL_ALIAS = /(?:forces|units|teams|groups|academies|processes|agreements|unidades|fuerzas|procesos|acuerdos)\b/i;
function fitsNumber(program: Program, plural: boolean): boolean {
  if (!plural) return !isPlural(program);
  if (isPlural(program)) return true;
  let named = pluralAliasCache.get(program);
  if (named === undefined) pluralAliasCache.set(program, (named = program.aliases.some((a) => PLURAL_ALIAS.test(a))));
  return named;
}

// Kinds whose descriptions fit whatever number the record's name has: an air service flies "these
// return flights", a training program is given as "these courses".
const ANY_NUMBER: ReadonlySet<DescribedKind> = new Set(['return-flights', 'course']);

/** Whether a record is of one of the kinds and of the number a description names. */
function fits(program: Program, kinds: readonly DescribedKind[], plural: boolean): boolean {
  const own = kindsOf(program);
  return kinds.some((kind) => own.has(kind) && (ANY_NUMBER.has(kind) || fitsNumber(program, plural)));
}

const kindCache = new WeakMap<Program, Set<DescribedKind>>();
function kindsOf(program: Program): Set<DescribedKind> {
  let kinds = kindCache.get(program);
  if (!kinds) kindCache.set(program, (kinds = describedKinds(program)));
  return kinds;
}

// A determiner and a noun with only spaces or emphasis markers between: a raw chunk whose prose may hold a description.
const MAY_HOLD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${EN_SINGULAR}|${EN_PLURAL}|${ES_SINGULAR}|${ES_PLURAL})[\\s*_~]+(?:[\\p{L}\\p{N}][\\p{L}\\p{N}-]*[\\s*_~]+){0,2}?(?:${NOUN_WORDS})(?![\\p{L}\\p{N}])`, 'iu');

/** Whether a raw chunk may hold a description (its emphasis markers not yet removed). */
export function mayHoldDescription(chunk: string): boolean {
  return (mayDescribe(chunk) && MAY_HOLD.test(chunk)) || MAY_BE_BARE.test(chunk);
}

/** Whether the text may hold a description at all (a cheap test before the pattern). */
export function mayDescribe(text: string): boolean {
  return ANY_NOUN.test(text) || MAY_BE_BARE.test(text);
}

/** A description that nothing named before it in its paragraph fits: the section's heading may (resolveOpen). */
export interface OpenDescription {
  /** Offsets in the paragraph's text. */
  start: number;
  end: number;
  text: string;
  kinds: DescribedKind[];
  plural: boolean;
  /**
   * Set when the paragraph named a program or institution before it (of another kind: "Transnational Anti-Gang
   * Unit: This program…"): the description is more likely about that one than about a program
   * named in an earlier paragraph, so it does not reach back beyond the section's heading.
   */
  afterProgram?: boolean;
}

/**
 * The program an open description stands for among those its section's heading names: the
 * one whose kind and number fit, when exactly one does.
 */
export function resolveOpen(d: Pick<OpenDescription, 'kinds' | 'plural'>, headingPrograms: readonly string[], records: RecordSet): string | undefined {
  const fitting = headingPrograms.filter((id) => {
    const program = records.program(id);
    return program !== undefined && fits(program, d.kinds, d.plural);
  });
  return fitting.length === 1 ? fitting[0] : undefined;
}

/**
 * The descriptions in a paragraph that resolve, each to the one program named before it in
 * the paragraph whose kind and number fit. `named` are the paragraph's mentions by name, in order.
 * Those that nothing named before them fits are added to `open`, if given.
 */
export function resolveDescriptions(
  text: string,
  named: ReadonlyArray<{ start: number; end: number; target: string }>,
  records: RecordSet,
  open?: OpenDescription[],
): DescriptionMention[] {
  if ((named.length === 0 && !open) || !mayDescribe(text)) return [];
  const out: DescriptionMention[] = [];
  // Whether a program was named before the description: descriptions come in order, so a cursor walks the names once.
  let passed = 0;
  let programBefore = false;
  for (const m of descriptionMatches(text)) {
    const end = m.index + m[0].length;
    // A preposition fused with the article ("del programa", "al ejercicio") is not part of the description.
    const start = FUSED.test(m[1]) ? end - m[2].length - m[3].length : m.index;
    for (; passed < named.length && named[passed].end <= start; passed++) if (records.program(named[passed].target)?.kind !== 'agency') programBefore = true;
    // Inside a name found by the records ("the Joint Task Force"), or the start of a name ("the Task Force Bravo").
    if (named.some((n) => n.start < end && start < n.end)) continue;
    if (NOT_AFTER.test(text.slice(end, end + 20))) continue;
    // "the unit" preceded by a capitalised word is part of a name ("the Anti-Gang Unit").
    const modifiers = m[2].split(/\s+/).filter(Boolean);
    if (modifiers.some((w) => (/^\p{Lu}/u.test(w) && !COUNTRY.test(w)) || NOT_MODIFIER.test(w))) continue;
    const noun = m[3];
    const after = text.slice(end, end + 12);
    // "the Institute" stands for a name given before; "the Institute for …" begins another name.
    if (/^\p{Lu}/u.test(noun) && !/^\p{Lu}/u.test(m[1]) && /^\s+(?:of|for|on|de|del|para)\s/i.test(after)) continue;
    if (NOT_OF.test(noun) && /^\s+(?:of|to|de|del|para|and\s+control|y\s+control)\b/i.test(after)) continue;
    const returnFlights = FLIGHT_NOUN.test(noun) && modifiers.length > 0 && RETURN_FLIGHTS.test(modifiers[modifiers.length - 1]);
    const kinds: DescribedKind[] = returnFlights ? ['return-flights'] : (NOUNS.find(([re]) => re.test(noun.toLowerCase()))?.[1] ?? []);
    if (kinds.length === 0) continue;
    const plural = PLURAL_DETERMINER.test(m[1]) || PLURAL_NOUN.test(noun);
    const candidates: string[] = [];
    for (let k = named.length - 1; k >= 0; k--) {
      const n = named[k];
      if (n.end > start) continue;
      const program = records.program(n.target);
      if (!program || candidates.includes(n.target)) continue;
      if (fits(program, kinds, plural)) candidates.push(n.target);
    }
    if (candidates.length === 0) {
      const term = definedTerm(text, start, named, records);
      if (term) {
        out.push({ start, end, target: term, text: text.slice(start, end) });
        continue;
      }
    }
    if (candidates.length === 0 && open) open.push({ start, end, text: text.slice(start, end), kinds, plural, ...(programBefore ? { afterProgram: true } : {}) });
    if (candidates.length !== 1) continue;
    out.push({ start, end, target: candidates[0], text: text.slice(start, end) });
  }
  return out;
}

const FUSED = /^(?:del|al)$/i;

const BARE_ACRONYM = new RegExp(`(?<![\\p{L}\\p{N}-])()()((?:${ACRONYM_WORDS.join('|')})s?)(?![\\p{L}\\p{N}-])`, 'gu');
const MAY_BE_BARE = new RegExp(ACRONYM_WORDS.join('|'));
const DETERMINER_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${EN_SINGULAR}|${EN_PLURAL}|${ES_SINGULAR}|${ES_PLURAL})\\s+$`, 'iu');

/** The descriptions' matches in text order: a determiner and a noun, or a bare acronym of a kind (its determiner and modifiers empty). */
function* descriptionMatches(text: string): Generator<RegExpMatchArray & { index: number }> {
  const withDeterminer = text.matchAll(DESCRIPTION);
  const bare = MAY_BE_BARE.test(text) ? text.matchAll(BARE_ACRONYM) : [][Symbol.iterator]();
  let a = withDeterminer.next();
  let b = bare.next();
  for (;;) {
    // A bare acronym after a determiner is the description that starts with the determiner.
    while (!b.done && DETERMINER_BEFORE.test(text.slice(Math.max(0, b.value.index! - 12), b.value.index))) b = bare.next();
    if (a.done && b.done) return;
    if (!a.done && (b.done || a.value.index! <= b.value.index!)) {
      yield a.value as RegExpMatchArray & { index: number };
      a = withDeterminer.next();
    } else if (!b.done) {
      yield b.value as RegExpMatchArray & { index: number };
      b = bare.next();
    }
  }
}

/**
 * A paragraph that opens with a name and a colon defines that name ("Transnational Anti-Gang
 * (TAG) Unit: This program combines…"): a description that opens the definition stands for the
 * one program named in the term, whatever its kind.
 */
function definedTerm(text: string, start: number, named: ReadonlyArray<{ start: number; end: number; target: string }>, records: RecordSet): string | undefined {
  if (start > 160) return undefined;
  const before = text.slice(0, start);
  const colon = /:\s*$/.exec(before);
  if (!colon || /[.:;!?]/.test(before.slice(0, colon.index))) return undefined;
  let found: string | undefined;
  for (const n of named) {
    if (n.start >= colon.index) break;
    if (!isClaimSubject(records.program(n.target))) continue;
    if (found !== undefined && found !== n.target) return undefined;
    found = n.target;
  }
  return found;
}

/** The slots a record fills when named (its kinds, "+" for the plural), worked out once per record: every mention of the document is added on every version. */
const slotCache = new WeakMap<Program, readonly string[]>();
function slotsOf(program: Program): readonly string[] {
  let slots = slotCache.get(program);
  if (!slots) {
    const found: string[] = [];
    for (const kind of kindsOf(program)) {
      for (const plural of [false, true]) if (ANY_NUMBER.has(kind) || fitsNumber(program, plural)) found.push(plural ? `${kind}+` : kind);
    }
    slotCache.set(program, (slots = found));
  }
  return slots;
}

/**
 * What the document has named so far, read by kind and number: for each kind and number, the
 * one program named so far that fits, or the mark that several do. An open description resolves
 * to the one program its kinds and number hold, when exactly one does. Adding a mention costs a
 * few steps per kind, and so does resolving a description: the document is read once, front to
 * back, never searched backwards.
 */
export class NamedSoFar {
  /** Per slot (a kind, "+" for the plural): the one program that fits, or null when several do. */
  private slots = new Map<string, string | null>();
  /** The one program (a record of kind program, or a claim subject: records/subjects.ts) named so far, or null when several are. */
  private program: string | null | undefined;
  /** The program named last (a record of kind program or a claim subject: another institution or agency named since does not count). */
  private latest: string | undefined;
  private key: string | undefined = '';
  private last = '';

  constructor(private readonly records: RecordSet) {}

  /** Adds a program named (by name or description) at this point of the document. */
  add(id: string): void {
    if (id === this.last) return;
    this.last = id;
    const program = this.records.program(id);
    if (!program) return;
    if (isClaimSubject(program) && this.program !== id && this.program !== null) {
      this.program = this.program === undefined ? id : null;
      this.key = undefined;
    }
    if (isClaimSubject(program) && this.latest !== id) {
      this.latest = id;
      this.key = undefined;
    }
    for (const slot of slotsOf(program)) {
      const held = this.slots.get(slot);
      if (held === id || held === null) continue;
      this.slots.set(slot, held === undefined ? id : null);
      this.key = undefined;
    }
  }

  /**
   * The one program named so far whose kind and number fit the description, if exactly one does
   * and no other program has been named since ("…Operation Hornet…. A 2017 FBI web
   * story describes the program:" is not about a program named before Operation Hornet).
   */
  resolve(d: Pick<OpenDescription, 'kinds' | 'plural'>): string | undefined {
    let found: string | undefined;
    for (const kind of d.kinds) {
      const held = this.slots.get(d.plural ? `${kind}+` : kind);
      if (held === null) return undefined;
      if (held === undefined) continue;
      if (found !== undefined && found !== held) return undefined;
      found = held;
    }
    return found === this.latest || !isClaimSubject(this.records.program(found ?? '')) ? found : undefined;
  }

  /** The one program named so far, if exactly one has been (a sentence that names none may be about it). */
  only(): string | undefined {
    return this.program ?? undefined;
  }

  /** The state as a string: equal strings resolve every description alike. */
  signature(): string {
    if (this.key === undefined) {
      const parts: string[] = [this.program === undefined ? '' : (this.program ?? '*'), this.latest ?? ''];
      for (const kind of KINDS) {
        for (const slot of [kind, `${kind}+`]) {
          const held = this.slots.get(slot);
          if (held !== undefined) parts.push(`${slot}=${held ?? '*'}`);
        }
      }
      this.key = parts.join(';');
    }
    return this.key;
  }

  /** Forgets everything, or takes another state's content (a section starts with what the document's opening named). */
  reset(to?: NamedSoFar): void {
    this.slots = to ? new Map(to.slots) : new Map();
    this.program = to?.program;
    this.latest = to?.latest;
    this.key = to ? to.key : '';
    this.last = '';
  }

  copy(): NamedSoFar {
    const other = new NamedSoFar(this.records);
    other.reset(this);
    return other;
  }
}

/** A title's reading of a program it describes without naming it (resolveTitle). */
export interface TitleReading {
  /** Offsets where resolveTitle's `toSource` maps the title's text (its mentions' offsets). */
  start: number;
  end: number;
  text: string;
  target: string;
  /** The record of several (a family: "Inter-Agency Task Forces") whose name in the singular the title used. */
  replaces?: string;
}

// A kind written in a title after one to three capitalised words and before none ("U.S. Marine Task Force deploys…").
const TITLE_WORD = String.raw`(?:U\.S\.|[\p{Lu}][\p{L}\p{N}]*(?:-[\p{Lu}][\p{L}\p{N}]*)*)`;
const TITLE_DESCRIPTION = new RegExp(
  String.raw`(?<![\p{L}\p{N}.-])((?:${TITLE_WORD}\s+){1,3})(Task Force|Fuerza de Tarea|Unit|Unidad|Exercise|Ejercicio|Initiative|Iniciativa)(?![\p{L}\p{N}-]|\s+\p{Lu})`,
  'gu',
);
const TITLE_KINDS: Record<string, DescribedKind[]> = {
  'task force': ['task-force'],
  'fuerza de tarea': ['task-force'],
  unit: ['unit', 'task-force'],
  unidad: ['unit', 'task-force'],
  exercise: ['exercise'],
  ejercicio: ['exercise'],
  initiative: ['initiative'],
  iniciativa: ['initiative'],
};

/** Whether a title may describe a program without naming it, or name a record of several in the singular: a cheap test before resolveTitle. */
export function mayDescribeInTitle(title: string, mentions: ReadonlyArray<{ program: string; text: string }>, records: RecordSet): boolean {
  if (/Task Force|Fuerza de Tarea|Unit|Unidad|Exercise|Ejercicio|Initiative|Iniciativa/.test(title)) return true;
  return mentions.some((m) => isFamilyInSingular(m, records));
}

function isFamilyInSingular(m: { program: string; text: string }, records: RecordSet): boolean {
  const program = records.program(m.program);
  return program !== undefined && isPlural(program) && !/s$/i.test(m.text);
}

/**
 * Offsets of `mentions` and of the readings are where `toSource` maps the title's text.
 *
 * A document's title may describe the program the text is about without naming it ("U.S. Marine
 * Task Force deploys to Guatemala"), or name the record of several it is one of in the singular
 * ("U.S. Army Supports New Guatemalan Inter-Agency Task Force"): either stands for the one program
 * of that kind that the rest of the document names, when exactly one does (`body`, the programs
 * named after the title, in any order). A title over a text that names several keeps its words
 * as they are: a record of several stays itself ("Guatemala integra nueva fuerza de tarea
 * interinstitucional" over four FTIs).
 */
export function resolveTitle(
  title: string,
  toSource: (offset: number, isEnd?: boolean) => number,
  mentions: ReadonlyArray<{ start: number; end: number; program: string; text: string }>,
  body: ReadonlySet<string>,
  records: RecordSet,
): TitleReading[] {
  const inTitle = new Set(mentions.map((m) => m.program));
  const only = (kinds: readonly DescribedKind[]): string | undefined => {
    let found: string | undefined;
    for (const id of body) {
      if (inTitle.has(id)) continue;
      const program = records.program(id);
      if (!program || !isClaimSubject(program) || !fits(program, kinds, false)) continue;
      if (found !== undefined) return undefined;
      found = id;
    }
    return found;
  };
  const out: TitleReading[] = [];
  for (const m of mentions) {
    if (!isFamilyInSingular(m, records)) continue;
    const target = only([...kindsOf(records.program(m.program)!)]);
    if (target) out.push({ start: m.start, end: m.end, text: m.text, target, replaces: m.program });
  }
  if (title.length > 300) return out;
  for (const d of title.matchAll(TITLE_DESCRIPTION)) {
    const start = toSource(d.index);
    const end = toSource(d.index + d[0].length, true);
    if (mentions.some((m) => m.start < end && start < m.end)) continue;
    const target = only(TITLE_KINDS[d[2].toLowerCase()]);
    if (target) out.push({ start, end, text: d[0], target });
  }
  return out.sort((a, b) => a.start - b.start);
}
