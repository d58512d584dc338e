/**
 * Attribution phrases ("according to 2016 HSI testimony", "explains the GAO", "a 2016
 * Southern Command release reads", "GAO found", "según la GAO") and their resolution to
 * candidate sources by year, agency and kind of source.
 */
import type { RecordSet } from '../records/recordSet';
import type { Source } from '../records/types';
import { Intervals } from './intervals';

export interface RawAttribution {
  /** Offsets of the phrase in the sentence's plain text. */
  start: number;
  end: number;
  text: string;
  year?: number;
  /** Ids of agencies named in the phrase. */
  agencies: string[];
  /** Source kinds the phrase names (testimony, press-release, gao-report, news, letter…). */
  kinds: string[];
  /** "the same testimony": refers back to the previous attribution. */
  same: boolean;
  /**
   * Said by someone source-like ("…, the U.S. embassy said", "officials announced", "dijo a
   * Diálogo el coronel…"): an attribution even when it names no agency or kind of source; it
   * resolves to recorded sources only through what it does name (resolveAttribution).
   */
  speech?: boolean;
}

/** News outlets an attribution may name, as regular-expression sources, case-sensitive ("the Post", "Prensa Libre"). */
export const NEWS_NAMES = ['Post', 'Guardian', 'Times', 'Reuters', 'AP', 'Associated Press', 'Intercept', 'Axios', 'Prensa Libre', 'Peri[oó]dico', 'Di[aá]logo', 'Soy502', 'Milenio', 'InSight Crime', 'Plaza P[uú]blica', 'N[oó]mada', 'HSToday'];

/** Nouns that name a kind of source ("a 2016 release", "el informe"). */
export const SOURCE_NOUNS = ['release', 'testimony', 'report', 'letter', 'statement', 'study', 'article', 'story', 'comunicado', 'informe', 'testimonio', 'carta'];
/** Those that "the same …" refers back with ("the same testimony", "el mismo informe"). */
const SAME_NOUNS = SOURCE_NOUNS.filter((n) => !['study', 'article', 'story'].includes(n));
const SAME = new RegExp(`\\b(?:the same|that|this|esa misma|ese mismo|el mismo|la misma)\\s+(?:${SAME_NOUNS.join('|')})\\b`, 'i');

/** The words that name a kind of source, and the source kinds (records' `custom.kind`) each stands for. */
const KIND_WORDS: Array<[RegExp, string[]]> = [
  [/\b(?:testimony|testified|testifying|testimonio|posture statement|hearing|declaración|declaró|told Congress|told lawmakers|told legislators|told senators|told the Senate|told the House|told a congressional|testificó|testificaron|ante el Congreso)\b/i, ['testimony', 'posture-statement']],
  [/\b(?:release|press release|comunicado|web story|statement)\b/i, ['press-release']],
  [/\b(?:GAO|Government Accountability Office|report|informe)\b/i, ['gao-report', 'report']],
  [/\b(?:letter|carta)\b/i, ['letter']],
  [new RegExp(`\\b(?:reporters?|article|reported in|newspaper|periodistas?|art[ií]culo|${[...NEWS_NAMES, 'elPeri[oó]dico'].join('|')})\\b`), ['news']],
];

// Verbs end where the word ends: a "\\b" would not see the end of "afirmó" (its accent is not an ASCII word character).
const VERBS =
  '(?:reads|read|explains|explained|says|said|states|stated|notes|noted|finds|found|reports|reported|describes|described|asserts|asserted|adds|added|writes|wrote|testified|concluded|concludes|estimates|estimated|' +
  'indica|indicó|señala|señaló|afirma|afirmó|informa|informó|explica|explicó|reporta|reportó|dice|dijo|declara|declaró|sostiene|sostuvo|concluye|concluyó|escribe|escribió)';
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)';
// Where a pattern that starts with a run of words may begin: at a word's start only (a quote
// mark may open the word: "‘Jaguar’"). A run of letters tried from every position of a long
// word costs the square of its length.
const WORD_START = "(?<![\\p{L}\\p{N}\\p{M}]|[\\p{L}\\p{N}][’'.-])";
const DESCRIPTOR = "(?:(?:a|an|another|the|that|this|its|la|el|una|un|otro|otra)\\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|\\d{4})\\s+){0,2}[\\p{L}’'.\\- ]{0,60}?";

const KIND_THEN_VERB = `(?:${SOURCE_NOUNS.join('|')})(?:\\s+de\\s+(?:19|20)\\d\\d)?\\s+${VERBS}(?![\\p{L}\\p{N}])`;
// The descriptor pattern is tried from every character of a sentence; most sentences have no
// kind of source followed by a verb at all, and this finds that in one cheap pass.
const MAY_DESCRIBE = new RegExp(KIND_THEN_VERB, 'iu');
const DESCRIBED = new RegExp(`${DESCRIPTOR}${KIND_THEN_VERB}`, 'giu');

// Each pattern captures the attribution phrase as a whole.
const PATTERNS: RegExp[] = [
  // according to 2016 HSI testimony / according to testimony from then-Secretary John Kelly / according to GAO
  /\b(?:according to|as reported by|per|según|de acuerdo con)\s+(?:the\s+|la\s+|el\s+)?[^,;:.“”"()]{1,90}/giu,
  // a 2016 Southern Command release reads / the same testimony describes / el comunicado de 2016 afirmó
  DESCRIBED,
  // afirmó … en su testimonio de 2016 / en su informe de 2018 (before the bare "afirmó el ICE", which would take its start)
  /\b(?:(?:afirmó|declaró|dijo|señaló|explicó|indicó|sostuvo|informó)(?![\p{L}\p{N}])[^.;:]{0,80}?\s)?en su (?:testimonio|informe|comunicado|carta|declaración)(?: ante [^.;:,]{1,60}?)? de (?:(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de )?(?:19|20)\d\d\b/giu,
  // explains the U.S. Government Accountability Office (GAO) / reads an April letter to president Trump
  new RegExp(`\\b${VERBS}\\s+(?:the\\s+|la\\s+|el\\s+)?(?:U\\.S\\.\\s+)?(?:Government Accountability Office|GAO|elPeri[oó]dico|[\\p{Lu}][\\p{L}\\-]*(?:\\s+[\\p{Lu}][\\p{L}\\-]*){0,3}|(?:a|an|another)\\s+[^,;:.“”"()]{1,60}?(?:letter|release|report|statement|testimony))(?:\\s*\\([A-Z]+\\))?`, 'gu'),
  // GAO found / the FBI reported
  new RegExp(`\\b(?:the\\s+)?(?:GAO|Government Accountability Office|FBI|DHS|ICE|CBP|HSI|DOJ|DEA|SOUTHCOM|Southern Command|State Department)\\s+${VERBS}(?![\\p{L}\\p{N}])`, 'gu'),
  // Southern Command’s commander explained / the commander of Southern Command asserted
  new RegExp(`${WORD_START}(?:(?:[\\p{Lu}][\\p{L}’'.\\-]*\\s+){1,3})?(?:commander|director|secretary|chief|head|officials?|spokes(?:person|man|woman)|ambassador|comandante|director|portavoz)(?:\\s+of\\s+(?:the\\s+)?(?:[\\p{Lu}][\\p{L}.\\-]*\\s*){1,3})?\\s+${VERBS}(?![\\p{L}\\p{N}])`, 'gu'),
  // ICE told Congress in 2016 / a 2016 HSI official told lawmakers
  new RegExp(
    `${WORD_START}(?:(?:(?:19|20)\\d\\d\\s+)?(?:(?!(?:As|And|But|When|While|Since|So)\\s)[\\p{Lu}][\\p{L}’'.-]*\\s+){1,3}(?:officials?\\s+)?)?told\\s+(?:Congress|lawmakers|legislators|senators|the\\s+(?:Senate|House)|a\\s+congressional\\s+(?:committee|subcommittee|panel|hearing))(?:\\s+in\\s+(?:19|20)\\d\\d)?`,
    'gu',
  ),
  // funcionarios del HSI testificaron ante el Congreso en 2016 / el portavoz de la DEA afirmó
  /\b(?:[Ff]uncionari[oa]s?|[Oo]ficiales|[Pp]ortavoz|[Dd]irector(?:a)?|[Cc]omandante|[Ee]mbajador(?:a)?)\s+(?:del?\s+|de\s+la\s+)?(?:[\p{Lu}][\p{L}.-]*\s+){1,3}(?:dijo|dijeron|declaró|declararon|afirmó|afirmaron|testificó|testificaron|informó|informaron|explicó|explicaron)(?:\s+ante\s+el\s+Congreso)?(?:\s+en\s+(?:19|20)\d\d)?/gu,
  // as The Intercept reported in November 2018 / the Post revealed / Prensa Libre informó en 2019
  new RegExp(
    `${WORD_START}(?:(?:as|como)\\s+)?(?:(?:the|The|el|El|la|La)\\s+)?[\\p{Lu}][\\p{L}\\p{N}’'.-]*(?:\\s+[\\p{Lu}][\\p{L}\\p{N}’'.-]*){0,3}\\s+(?:reported|reports|revealed|reveals|documented|informó|reveló|publicó|reportó)(?:\\s+(?:in|on|en)\\s+(?:${MONTH}\\s+(?:de\\s+)?)?(?:19|20)\\d\\d)?`,
    'gu',
  ),
  // 2017 FBI testimony (without a verb)
  /\b(?:19|20)\d\d\s+(?:[\p{Lu}][\p{L}.-]*\s+){1,3}(?:testimony|release|report)\b/gu,
];

// Speech and report verbs, English and Spanish, in the past and present ("said", "indicó",
// "informaron"). "announced" with "today" is the dateline of an agency's own release ("CBP
// today announced the expansion…"): its author announcing its own action, not a source.
const SPEECH_VERB =
  '(?:said|says|stated|states|told|announced|announces|added|noted|explained|confirmed|reported|indicated|highlighted|emphasized|emphasised|stressed|underscored|praised|' +
  'dijo|dijeron|indicó|indicaron|informó|informaron|declaró|declararon|afirmó|afirmaron|señaló|señalaron|explicó|explicaron|anunció|anunciaron|aseguró|aseguraron|agregó|añadió|comentó|expresó|manifestó|precisó|destacó|detalló|confirmó|confirmaron)';
// Who may be a source: an office, officials, a spokesperson, a titled person (a rank may be abbreviated: "Col. Arriaga"), in English or Spanish.
const SOURCE_NOUN =
  '(?:(?:Col|Gen|Adm|Lt|Capt|Maj|Sgt|Cpl|Cnel|Gral|Tte|Sgto)\\.|embassy|ministry|department|office|officials?|authorities|spokes(?:person|man|woman)|commander|director|secretary|ambassador|attach[ée]|general|colonel|admiral|captain|major|lieutenant|sergeant|agent|chief|prosecutor|minister|president|governor|administrator|commissioner|officer|sources?|' +
  'embajada|ministerio|departamento|oficina|funcionari[oa]s?|oficiales|autoridades|portavoz|voceros?|comandante|directora?|secretari[oa]|embajador(?:a)?|agregad[oa]|coronel|almirante|capit[áa]n|teniente|sargento|agentes?|jefe|fiscal|ministr[oa]|presidente|gobernador|fuentes)';
const NOT_WORD = '(?![\\p{L}\\p{N}])';
// "officials announced", "the U.S. embassy said", "ICE headquarters officials said", "Díaz said" after a quote.
const SUBJECT_THEN_VERB = new RegExp(
  `${WORD_START}(?:(?:the|The|la|La|el|El|las|Las|los|Los)\\s+)?(?:[\\p{L}.’'-]+\\s+){0,4}?${SOURCE_NOUN}${NOT_WORD}(?:\\s+(?:of|de|del|de la)\\s+(?:the\\s+|la\\s+|el\\s+|los\\s+)?(?:[\\p{Lu}][\\p{L}.’'-]*\\s*){1,4}?)?(?:\\s+[\\p{Lu}][\\p{L}.’'-]*){0,3}\\s+(?:(?:today|also|recently|hoy|también)\\s+)?${SPEECH_VERB}${NOT_WORD}`,
  'giu',
);
// "…, the U.S. embassy said" / "…”, dijo a Diálogo el coronel" / "said HSI Guatemala Attaché Angel Ortiz" / "informaron fuentes oficiales".
// ("the United States Department…" is a name, not "states" said by a department.)
const VERB_THEN_SUBJECT = new RegExp(
  `${WORD_START}(?<!United\\s+)${SPEECH_VERB}${NOT_WORD}(?:\\s+(?:a\\s+Di[aá]logo|to\\s+Di[aá]logo|en\\s+un\\s+comunicado|in\\s+a\\s+(?:prepared\\s+)?statement))?\\s+(?:(?:the|la|el|las|los|un|una)\\s+)?(?:[\\p{L}.’'-]+\\s+){0,4}?${SOURCE_NOUN}${NOT_WORD}`,
  'giu',
);
// A quotation closed and then said by someone named: "“…,” said Attorney General Garland", "…”, declaró en un comunicado Ash Carter", "…,” Holsey said".
const AFTER_QUOTE = new RegExp(
  `(?<=[”"»][,.]?\\s{0,3}|,[”"»]\\s{0,3})(?:${SPEECH_VERB}${NOT_WORD}(?:\\s+(?:a\\s+Di[aá]logo|to\\s+Di[aá]logo|en\\s+un\\s+comunicado|in\\s+a\\s+(?:prepared\\s+)?statement))?(?:\\s+(?:el|la|the))?(?:\\s+[\\p{Lu}][\\p{L}.’'-]*){1,8}|(?:[\\p{Lu}][\\p{L}.’'-]*\\s+){1,8}${SPEECH_VERB}${NOT_WORD})`,
  'gu',
);
// "…, the exercise director, U.S. Army Lt. Col. Innis Bryant, said.": the speaker named in apposition, then the verb.
const APPOSITIVE_SAID = new RegExp(
  `,\\s+(?:the|The|el|la)\\s+(?:[\\p{L}’'-]+\\s+){0,3}${SOURCE_NOUN}${NOT_WORD}(?:\\s+(?:of|de|del)\\s+[^,]{1,60})?,\\s+(?:[\\p{Lu}][\\p{L}.’'-]*\\s+){1,8}?[\\p{Lu}][\\p{L}.’'-]*,\\s+${SPEECH_VERB}${NOT_WORD}`,
  'gu',
);
// "told Diálogo", "dijo a Diálogo", "in an interview with Diálogo": an outlet the words were said to.
const TOLD_OUTLET = new RegExp(`${WORD_START}(?:told|said\\s+to|in\\s+an\\s+interview\\s+with|dijo\\s+a|dijeron\\s+a|explicó\\s+a|comentó\\s+a|declaró\\s+a|en\\s+entrevista\\s+con)\\s+(?:the\\s+)?(?:${NEWS_NAMES.join('|')})${NOT_WORD}`, 'gu');
// "according to officials", "de acuerdo con fuentes oficiales", "según la embajada".
const ACCORDING_TO_SOURCE = new RegExp(`${WORD_START}(?:according\\s+to|per|según|de\\s+acuerdo\\s+con)\\s+(?:(?:the|la|el|las|los)\\s+)?(?:[\\p{L}.’'-]+\\s+){0,4}?${SOURCE_NOUN}${NOT_WORD}`, 'giu');
// "Source: Republican Policy Committee" / "Fuente: Ministerio de Defensa", a line that closes a paragraph.
const SOURCE_LINE = /^\s*(?:Sources?|Fuentes?)\s*:\s*\S.*$/u;

/** Patterns whose phrase is an attribution by its shape alone, with or without a named agency or kind of source. */
// "What GAO Found", the heading of a report's findings (its sentences are attributed to the report).
const FINDINGS_HEADING = /^\s*What\s+(?:the\s+)?(?:\p{Lu}{2,}|We)\s+(?:Found|Finds)\b/gu;
// "The FBI on September 6, 2013 released the following:": what follows is the agency's text.
// "…difundió la siguiente actualización con respecto a…:" names what follows before the colon.
const RELEASED_FOLLOWING = /\b(?:released|issued|published|publicó|emitió|difundió)\s+(?:the\s+following|lo\s+siguiente|(?:la|el)\s+siguiente\s+\p{L}+)(?=\s*:|[^.;:]{0,300}:\s*$)/gu;
// A body publishing its own statistics or data ("CBP released operational statistics today"), a
// law stating what it provides ("10 U.S.C. 333 provides…", "The act also provides…", "…was enacted
// by the … Act") or cited by its public law number anywhere ("…appropriated … in P.L. 111-117"), an oversight body asked to review ("GAO was asked to
// review this program"): the text names its own source, and there is no other to cite.
const SELF_SOURCED = new RegExp(
  [
    '\\b(?:released|publishe[sd]|issued|publicó|difundió)\\s+(?:its\\s+|their\\s+|the\\s+|new\\s+)?(?:[\\p{L}-]+\\s+){0,2}(?:statistics|data|figures|numbers|estadísticas|datos|cifras)(?![\\p{L}\\p{N}])',
    '(?<![\\p{L}\\p{N}])(?:\\d{1,2}\\s+U\\.\\s?S\\.\\s?C\\.\\s*(?:§+\\s*)?\\d+[a-z]?|P(?:ub)?\\.\\s?L\\.\\s+\\d{2,3}-\\d{1,3}|(?:The|the|This|this)\\s+(?:act|law|statute))\\s+(?:also\\s+)?(?:provides|provided|authorizes|authorized|requires|required|places|placed|establishes|established|appropriates|appropriated|permits|allows|directs|prohibits)(?![\\p{L}\\p{N}])',
    '\\b(?:enacted|established|authorized|created)\\s+(?:by|in|under)\\s+(?:the\\s+)?(?:[\\p{Lu}(\\d][\\p{L}\\p{N}()]*\\s+){1,10}?(?:Act|Authorization\\s+Act|NDAA)\\b',
    '(?<![\\p{L}\\p{N}])P(?:ub)?\\.\\s?L\\.\\s+\\d{2,3}-\\d{1,3}(?![\\p{N}])',
    '\\b(?:GAO|OIG|CRS|we)\\s+(?:was|were)\\s+asked\\s+to\\s+(?:review|examine|assess|evaluate|report)\\b',
  ].join('|'),
  'gu',
);
// An oversight body's own review: "GAO compared controls…", "This report reviews…", "of 29 participants reviewed by GAO";
// and the writers' own findings in the first person: "We found that ICE…", "Our review found…", "Constatamos que…".
const REVIEWED = /\b(?:(?:GAO|OIG|CRS|[Tt]his\s+(?:report|study|review))\s+(?:reviewed|reviews|compared|compares|analyzed|analyzes|examined|examines|assessed|assesses|identified|identifies)|(?:reviewed|analyzed|examined|assessed)\s+by\s+(?:the\s+)?(?:GAO|OIG|CRS)|[Ww]e\s+(?:also\s+)?(?:found|find|reviewed|identified|determined|estimated)|[Oo]ur\s+(?:review|analysis|work|investigation)\s+(?:found|finds|showed|shows)|(?:[Ee]ncontramos|[Cc]onstatamos|[Hh]allamos)\s+que)\b/gu;
// "El Coronel Robert Wagner, jefe del grupo militar de la Embajada…, dijo que…", "Col. Jane Doe, the task force's commander, said": a titled speaker by name, an apposition, then the verb.
const TITLE = "(?:Coronel|Colonel|Col\\.|General|Gen\\.|Almirante|Admiral|Adm\\.|Capit[áa]n|Captain|Capt\\.|Teniente|Lieutenant|Lt\\.|Sargento|Sergeant|Sgt\\.|Comandante|Commander|Directora?|Embajador(?:a)?|Ambassador|Secretari[oa]|Secretary|Ministr[oa]|Minister|Presidente|President|Fiscal|Jefe|Chief)";
const TITLED_APPOSITION_SAID = new RegExp(`${WORD_START}${TITLE}(?:\\s+[\\p{Lu}][\\p{L}.’'-]*){1,4},\\s+[^,;:“”"]{1,120}?,\\s+${SPEECH_VERB}${NOT_WORD}`, 'gu');
const SPEECH_PATTERNS: RegExp[] = [FINDINGS_HEADING, RELEASED_FOLLOWING, REVIEWED, SELF_SOURCED, TOLD_OUTLET, AFTER_QUOTE, APPOSITIVE_SAID, TITLED_APPOSITION_SAID, VERB_THEN_SUBJECT, SUBJECT_THEN_VERB, ACCORDING_TO_SOURCE];
// A dateline's "today announced": the release's author, not a source (see SPEECH_VERB).
const SELF_ANNOUNCED = /\b(?:today\s+announced|announced\s+today|hoy\s+anunci[óa])\b/i;

/** Whether findAttributions may find a phrase by its verb or shape alone (a cheap test, looser than the patterns). */
export function maySpeak(text: string): boolean {
  return MAY_SPEAK.test(text);
}
const MAY_SPEAK = /sa[iy]|stat|told|announc|added|noted|explain|confirm|report|indic|dij|inform|declar|afirm|señal|explic|anunci|asegur|agreg|añadi|coment|expres|manifest|precis|destac|detall|según|seg[uú]n|accord|acuerdo|per\s|Found|Finds|interview|entrevista|released|issued|published|publicó|emitió|difundió|provide|authoriz|requir|plac|establish|appropriat|permit|allow|direct|prohibit|enact|creat|asked|P(?:ub)?\.\s?L\.|highlight|emphasi|stress|underscor|praise|review|compar|analy|examin|assess|identif|find|determin|estimat|encontramos|constatamos|hallamos/i;

/** Whether a chunk may hold a findings heading ("### What GAO Found"), whose attribution its section takes. */
export function mayHoldFindingsHeading(chunk: string): boolean {
  return /^ {0,3}#{1,6}[ \t]+What\s/m.test(chunk) || /^What\s.*\n[=-]+\s*$/m.test(chunk);
}

/** Whether an attributed sentence introduces the text that follows it ("…released the following:"). */
export function introducesWhatFollows(text: string): boolean {
  return /:\s*$/u.test(text) && /\b(?:the\s+following|lo\s+siguiente|(?:la|el)\s+siguiente)(?![\p{L}])/iu.test(text);
}

/** Whether a sentence is a "Source:"/"Fuente:" line, which attributes the paragraph it closes. */
export function isSourceLine(text: string): boolean {
  return SOURCE_LINE.test(text);
}

/** Finds attribution phrases in a sentence's plain text. `agenciesIn` names the agencies in a span. */
export function findAttributions(text: string, agenciesIn: (start: number, end: number) => string[]): RawAttribution[] {
  const found: RawAttribution[] = [];
  // "that year" takes the sentence's first year; found once, not once per phrase.
  let sentenceYear: [RegExpExecArray | null] | undefined;
  const describes = MAY_DESCRIBE.test(text);
  for (const re of [...PATTERNS, ...SPEECH_PATTERNS]) {
    if (re === DESCRIBED && !describes) continue;
    const speech = SPEECH_PATTERNS.includes(re);
    // One pattern's matches never overlap each other: test them against the earlier patterns' phrases.
    const taken = new Intervals(found);
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      let start = m.index;
      let end = start + m[0].length;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      if (taken.overlaps(start, end)) continue;
      const phrase = text.slice(start, end);
      const kinds = [...new Set(KIND_WORDS.filter(([re]) => re.test(phrase)).flatMap(([, k]) => k))];
      const agencies = agenciesIn(start, end);
      const yearMatch = /\b((?:19|20)\d\d)\b/.exec(phrase) ?? (/\b(?:that|the same|ese|aquel) (?:year|año)\b/i.test(phrase) ? (sentenceYear ??= [/\b((?:19|20)\d\d)\b/.exec(text)])[0] : null);
      // A phrase that names neither a kind of source nor an agency is not an attribution ("according to plan"), unless someone source-like says it.
      if (kinds.length === 0 && agencies.length === 0 && !speech) continue;
      if (speech && SELF_ANNOUNCED.test(phrase)) continue;
      // A report describing its own review names no other source to cite.
      const own = re === REVIEWED || re === SELF_SOURCED;
      found.push({ start, end, text: phrase, year: yearMatch ? Number(yearMatch[1]) : undefined, agencies: own ? [] : agencies, kinds: own ? [] : kinds, same: SAME.test(phrase), ...(speech ? { speech: true } : {}) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The year a source was issued, if the record says. */
export function sourceYear(source: Source): number | undefined {
  const y = source.issued?.['date-parts']?.[0]?.[0];
  const n = typeof y === 'string' ? Number(y) : y;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Candidate sources for an attribution, best first: same year, an agency in common, the
 * kind it names; sources with a claim about one of `programs` rank first.
 */
export function resolveAttribution(
  attribution: RawAttribution,
  records: RecordSet,
  programs: string[],
  context: { agencies: string[]; years: number[] } = { agencies: [], years: [] },
): string[] {
  const scored: Array<{ id: string; score: number }> = [];
  // Said by someone the records cannot name (officials, a general): no source to point to.
  if (attribution.speech && attribution.agencies.length === 0 && attribution.kinds.length === 0 && attribution.year === undefined) return [];
  for (const { value: source } of records.sources.values()) {
    const year = sourceYear(source);
    if (attribution.year !== undefined && year !== attribution.year) continue;
    const kind = source.custom?.kind;
    if (attribution.kinds.length > 0 && kind && !attribution.kinds.includes(kind)) continue;
    const agencies = source.custom?.agencies ?? [];
    const agencyMatch = attribution.agencies.length === 0 || attribution.agencies.some((a) => agencies.includes(a) || isPartOf(records, a, agencies));
    if (!agencyMatch) continue;
    const about = programs.some((p) => records.claimsFrom(source.id).some((c) => c.program === p));
    if (!about && programs.length > 0) continue;
    let score = about ? 4 : 0;
    if (attribution.agencies.length > 0) score += 2;
    if (attribution.year !== undefined) score += 1;
    // "according to testimony from its commander": the sentence around the phrase says whose, and when.
    if (attribution.agencies.length === 0 && context.agencies.some((a) => agencies.includes(a) || isPartOf(records, a, agencies))) score += 2;
    if (attribution.year === undefined && year !== undefined && context.years.includes(year)) score += 1;
    score += outletScore(attribution.text, source);
    scored.push({ id: source.id, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.id);
}

/**
 * Whether the phrase names the publication a source appeared in: 3 for its whole name ("the
 * Washington Post revealed"), 2 for the last word of it alone ("the Post revealed"), else 0.
 */
function outletScore(phrase: string, source: Source): number {
  const outlet = (source['container-title'] ?? source.publisher ?? '').replace(/\s*\([^)]*\)/g, '').replace(/^the\s+/i, '').trim();
  if (!outlet) return 0;
  const words = (s: string) => s.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const said = words(phrase);
  const name = words(outlet);
  const lower = said.map((w) => w.toLowerCase());
  const at = lower.findIndex((_, i) => name.every((w, j) => lower[i + j] === w.toLowerCase()));
  if (at >= 0) return 3;
  const last = name[name.length - 1];
  return last && last.length >= 4 && /^\p{Lu}/u.test(last) && said.includes(last) ? 2 : 0;
}

/** HSI testimony is ICE testimony: an agency matches the agencies above it. */
function isPartOf(records: RecordSet, agency: string, sourceAgencies: string[]): boolean {
  const parents = records.program(agency)?.agency ?? [];
  return parents.some((p) => sourceAgencies.includes(p)) || sourceAgencies.some((s) => (records.program(s)?.agency ?? []).includes(agency));
}
