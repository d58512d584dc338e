/**
 * What is not a claim, though it names a program: a title line, a caption, and a sentence with
 * nothing to check (a goal, a plan, a recommendation, with no figure or date). The rules are
 * stated in the README ("What is not a claim") and measured on test/realtext/.
 */

/** Words a title leaves in lower case ("Task Force in Guatemala", "Fuerza de Tarea de…"). */
const MINOR = new Set(
  'a an and as at but by for from in into of on or the to vs via with de del la las el los en y e o u para por con al un una sobre'.split(' '),
);

/**
 * A title line: the paragraph's only line, without final punctuation, written in capitals or
 * in title case (every word capitalised but the small ones), such as a headline or a caption
 * that is not a Markdown heading ("Guatemala Creates New Interagency Task Force").
 */
export function isTitleLine(text: string, soleSentenceOfParagraph: boolean): boolean {
  const line = text.trim();
  if (!soleSentenceOfParagraph || line.includes('\n')) return false;
  if (/[.!?;:…]["”’)\]]*$/u.test(line)) return false;
  const words = line.match(/[\p{L}][\p{L}\p{M}’'-]*/gu) ?? [];
  if (words.length < 2) return false;
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length > 0 && letters === letters.toUpperCase()) return true;
  const content = words.filter((w) => !MINOR.has(w.toLowerCase()));
  return content.length >= 2 && content.every((w) => /^\p{Lu}/u.test(w));
}

// "(Foto: Fuerza Naval de Honduras)", "(Photo: U.S. Army)", "Photo by Sgt. …": the words under a picture.
const CAPTION = /(?:^|\()\s*(?:Photos?|Fotos?|Photograph|Fotograf[ií]a|Imagen|Image)\s*(?::|by|por|courtesy|cortes[ií]a)/iu;

/** A caption: a paragraph that credits a photograph. */
export function isCaption(paragraphText: string): boolean {
  return CAPTION.test(paragraphText);
}

// A goal, a mission, a plan or a recommendation: what someone means to do, not what was done.
const INTENT = [
  /\b(?:goal|mission|aim|objective|purpose|vision)\b[^.;]{0,80}?\b(?:is|was|are|were)\s+to\b/iu,
  /\b(?:has|have|had)\s+plans\s+to\b/iu,
  // "…to fulfill the overarching goal: to interrupt the flow of cash…".
  /\b(?:goal|mission|aim|objective|purpose)\s*:\s*to\b|\b(?:objetivo|misi[oó]n|meta|prop[oó]sito)\s*:\s*\p{L}+(?:ar|er|ir)\b/iu,
  /\b(?:we|GAO|the\s+GAO)\s+(?:made|make|are\s+making|is\s+making)\s+(?:\p{L}+\s+){0,2}recommendations?\b/iu,
  // An appraisal: "…demonstrate the ability of the U.S. and regional partners…", "refleja el compromiso".
  /\b(?:demonstrates?|demonstrated|reflects?|underscores?|illustrates?|exemplifies|demuestra|demuestran|refleja|reflejan|ejemplifica)\s+(?:the|our|their|its|a|an|how|la|el|los|las|su|sus|c[oó]mo)\b/iu,
  // A part of a whole, appraised: "CBP One is a key component of DHS efforts to…".
  /\b(?:is|are|was|were)\s+(?:a|an|one)\s+(?:key|critical|vital|important|essential|central|integral|crucial)\s+(?:component|part|element|tool|pillar)s?\s+of\b/iu,
  /\b(?:es|son|era|fue)\s+(?:un|una|uno)\s+(?:componente|parte|elemento|herramienta|pilar|organizaci[oó]n|socio|aliado)\s+(?:clave|fundamental|esencial|importante|vital|central)\b/iu,
  /\b(?:is|are|was|were)\s+(?:a|an|one)\s+(?:key|critical|vital|important|essential|central|integral|crucial)\s+(?:organization|partner|ally)s?\s+(?:of|for|to)\b/iu,
  // Success, worth and rank, appraised: "continúa con éxito el combate…", "the most successful task force", "no tienen precio".
  /\b(?:contin[uú]an?|sigue|siguen)\s+con\s+[eé]xito\b|\bcontinues?\s+(?:to\s+)?successfully\b|\bsuccessfully\s+continues?\b|\bde\s+mayor\s+[eé]xito\b|\bmost\s+successful\b|\bno\s+tienen?\s+precio\b|\b(?:is|are)\s+(?:priceless|invaluable)\b/iu,
  // What something makes possible or furthers, appraised: "Each year's exercise enables the United States and its partners to
  // improve regional cooperation", "permite responder con rapidez", "promueve cooperación y seguridad regional".
  /\b(?:enables?|allows?|helps?)\s+(?:[\p{L}’']+\s+){1,6}?to\s+(?:improve|strengthen|enhance|build|foster|promote|deepen|expand|respond)\b|\bpermiten?\s+(?:responder|mejorar|fortalecer|ampliar|fomentar|promover)\b/iu,
  /\b(?:promotes?|fosters?|promueven?|fomentan?)\s+(?:(?:la|el|regional)\s+)?(?:cooperation|cooperaci[oó]n|security|seguridad|stability|estabilidad|partnerships?|alianzas?)\b/iu,
  // Thanks and appreciation: "She expressed appreciation for the continued commitment…".
  /\b(?:expressed|expresses|expressing)\s+(?:(?:his|her|their|its|our|deep|sincere)\s+)*(?:appreciation|gratitude|thanks)\b|\bthanked\b|\bagradeci(?:ó|eron)\b/iu,
  // A pointer to more information: "Additional information is also available on our … page".
  /\b(?:more|additional|further)\s+information\b[^.;]{0,40}?\b(?:is|are|can\s+be)\s+(?:also\s+)?(?:available|found)\b|^\s*(?:See|Visit|Consulte|Vea|Visite)\s+(?:below|above|our|the|this|abajo|arriba|nuestr[oa]|la|el)\b[^.;]{0,60}?\b(?:for|para)\s+(?:more|additional|further|m[aá]s)\s+(?:information|details|informaci[oó]n|detalles)\b|\bm[aá]s\s+informaci[oó]n\b[^.;]{0,40}?\b(?:est[aá]|se\s+encuentra)\s+disponible/iu,
  /\b(?:objetivo|misi[oó]n|meta|prop[oó]sito)\b[^.;]{0,80}?\b(?:es|era|ser[aá]|son)\s+(?:el\s+de\s+|la\s+de\s+)?(?:\p{L}+ar|\p{L}+er|\p{L}+ir)\b/iu,
  // What may happen, appraised: "…it reduces the potential for smugglers to exploit migrants", "reduce el riesgo de…".
  /\b(?:reduces?|reduced|lowers?|lowered|increases?|increased|raises?|raised|limits?|limited|minimi[sz]es?)\s+the\s+(?:potential|risk|likelihood|chances?|possibility|opportunit(?:y|ies))\s+(?:for|of|that|to)\b|\b(?:reduce|reducen|disminuye|disminuyen|aumenta|aumentan|limita|limitan)\s+(?:el\s+riesgo|la\s+posibilidad|las\s+posibilidades|la\s+probabilidad)\s+de\b/iu,
];

/**
 * Nothing checkable: the writer's recommendations (whatever their number), or no figure or date (no digit) and the sentence says what someone means or
 * plans to do, recommends, or how something reflects on someone, rather than what was done ("The goal of the IATF is to interdict
 * and disrupt threats").
 */
// The writer's own recommendations, counted or not: "Our 3 recommendations to ICE address these issues", "GAO is making 3 recommendations".
const RECOMMENDS = /\b(?:our|GAO['’]s)\s+(?:\p{N}+\s+)?recommendations\b|\b(?:we|GAO|the\s+GAO)\s+(?:made|make|are\s+making|is\s+making)\s+(?:[\p{L}\p{N}]+\s+){0,2}recommendations?\b/iu;

export function isNothingCheckable(text: string): boolean {
  if (RECOMMENDS.test(text)) return true;
  if (/\p{N}/u.test(text)) return false;
  return INTENT.some((re) => re.test(text));
}

// "By Col. Keith A. McKinley, commander of Joint Task Force-Bravo", "Por Dialogo", "…Destinee Sweeney, Fuerza de Tarea Conjunta Bravo, editado por Diálogo".
const BYLINE = /^\s*(?:By|Por)\s+\p{Lu}|,\s*(?:edited\s+by|editado\s+por)\s+\p{Lu}[^,;]*$/u;

/**
 * A byline or credit line: a line without final punctuation that starts "By" or "Por" and a name,
 * or ends "edited by" and a name. It says who wrote, not what was done.
 */
export function isByline(text: string): boolean {
  const line = text.trim();
  if (line.includes('\n') || /[.!?;:…]["”’)\]]*$/u.test(line)) return false;
  return BYLINE.test(line);
}

// A statute cited at the head of a line: "10 U.S.C. 333", "10 U.S.C.333", "P.L. 111-117", "Pub. L. 114-328".
const STATUTE_HEAD = /^\s*(?:\d{1,2}\s+U\.\s?S\.\s?C\.\s*(?:§+\s*)?\d+[a-z]?|P(?:ub)?\.\s?L\.\s+\d{2,3}-\d{1,3})\s*/u;

/**
 * A legal reference line: a statute's citation followed by its title, as a heading or a table
 * field ("10 U.S.C.333 Foreign Security Forces: Authority to Build Capacity"). Only the first
 * line is read; it names the law, it says nothing about it.
 */
export function isLegalReference(text: string): boolean {
  const head = STATUTE_HEAD.exec(text);
  if (!head) return false;
  const newline = text.indexOf('\n');
  const line = (newline < 0 ? text : text.slice(0, newline)).slice(head[0].length).replace(/:/g, ' ');
  return isTitleLine(line, true);
}

/**
 * A table's fields run together: several lines, none ending in punctuation, each a single
 * word ("S333", "Yes", "Permanent"), a title-case label or a legal reference. Nothing is said.
 */
export function isFieldLines(text: string): boolean {
  const lines = text.trim().split('\n');
  if (lines.length < 2) return false;
  return lines.every((raw) => {
    const line = raw.trim();
    if (line === '' || /[.!?;…]["”’)\]]*$/u.test(line)) return false;
    return /^\S+$/u.test(line) || isTitleLine(line, true) || isLegalReference(line);
  });
}

// A date as a dateline writes it: "July 29, 2013", "Sep 05, 2018", "25 agosto 2017", "junho 10, 2016",
// "Fri, 06/30/2023", "2019-05-29"; a weekday may lead.
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se(?:p)?tiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)\\.?';
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\\.?,?\\s+';
const DATE = new RegExp(
  `(?:${WEEKDAY})?(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+(?:de\\s+)?${MONTH}(?:\\s+de)?,?\\s+\\d{4}|\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}-\\d{2}-\\d{2})`,
  'iu',
);
// What a dateline's line may hold besides the date: a label ("Release Date", "Publicly Released:",
// "News |", "GAO-18-618 Published:") of up to four words, or a credit ("By Dialogo", "Por Antonio
// Ordoñez/Diálogo", "Kay Valle/Diálogo |").
const DATELINE_LABEL = /^(?:[\p{L}\p{N}.-]+\s+){0,3}[\p{L}\p{N}.-]+\s*[:|]$/u;
// A label on a line of its own ("Release Date"): up to three capitalised words, no figure.
const LABEL_LINE = /^\p{Lu}[\p{L}]*(?:\s+\p{Lu}?[\p{L}]*){0,2}$/u;
const CREDIT = /^(?:(?:By|Por)\s+\p{Lu}[^\n]*|\p{Lu}[\p{L}.'’ -]{1,60}\s*\/\s*\p{Lu}[\p{L}]+\s*\|?)$/u;

/**
 * A dateline: a paragraph (or a sentence of one) whose every line is a date, a date after a
 * short label or a credit, or a credit alone ("By Dialogo / July 29, 2013", "Release Date / Fri,
 * 06/30/2023", "Publicly Released: Sep 05, 2018.", "Kay Valle/Diálogo | 25 agosto 2017"). It says
 * when and by whom a text was published, not what a program did.
 */
export function isDateline(text: string): boolean {
  let dated = false;
  for (const raw of text.trim().split('\n')) {
    const line = raw.trim().replace(/[.]$/u, '');
    if (line === '') continue;
    const date = DATE.exec(line);
    if (date && line.slice(date.index + date[0].length).trim() === '') {
      const before = line.slice(0, date.index).trim();
      if (before !== '' && !DATELINE_LABEL.test(before) && !CREDIT.test(before)) return false;
      dated = true;
      continue;
    }
    if (CREDIT.test(line) || LABEL_LINE.test(line)) continue;
    return false;
  }
  return dated;
}
