/**
 * What a sentence that names no program is about: the one program its paragraph named before
 * it, or else the one its document is about at that point (the topic: the program the last
 * paragraph or heading that named any named alone). It is read as about that program only when
 * it says something checkable — a figure, a date or a place — and names no other program or
 * task force, only agencies that run the program ("CBP processed 1,000 appointments per day"
 * after a paragraph about CBP One), and its opening words are not about the threat the
 * program works against ("Drug trafficking-related violence claimed…", "An MS-13 presence…").
 * One candidate or none: a wrong reading is worse than none.
 */
import type { RecordSet } from '../records/recordSet';
import { isClaimSubject } from '../records/subjects';
import { namesPlace } from './frame';

/** Whether the sentence states something checkable: a figure or date (it holds a number) or a place. */
export function statesCheckable(text: string, numbers: readonly unknown[]): boolean {
  return numbers.length > 0 || namesPlace(text);
}

// The threat a program works against, named in a sentence's opening words: what the sentence is about.
const THREAT =
  /(?<![\p{L}\p{N}])(?:violence|violent\s+crime|crime|criminals?|gangs?|ms-13|mara\s+salvatrucha|barrio\s+18|18th\s+street|cartels?|drug\s+trafficking|traffickers|dtos?|homicides?|murders?|smugglers|smuggled|violencia|crimen|delincuencia|pandillas?|maras|narcotr[aá]fico|narcotraficantes|homicidios?|asesinatos?)(?![\p{L}\p{N}])/iu;
const OPENING_WORDS = 8;

/** Whether the sentence's opening words (its first eight) name the threat rather than the program's work. */
export function opensOnThreat(text: string): boolean {
  const words = text.trim().split(/\s+/u, OPENING_WORDS).join(' ');
  return THREAT.test(words);
}

/**
 * Whether the names a sentence holds leave it free to be about `program`: none is a program or
 * a task force or unit (a claim subject), and every agency it names runs the program.
 */
export function namesOnlyItsAgencies(mentioned: readonly string[], program: string, records: RecordSet): boolean {
  if (mentioned.length === 0) return true;
  const agencies = records.program(program)?.agency ?? [];
  return mentioned.every((id) => isPlainAgency(id, records) && agencies.includes(id));
}

/** Whether a record is an agency that is not itself a claim subject (a task force or unit: records/subjects.ts). */
function isPlainAgency(id: string, records: RecordSet): boolean {
  const entry = records.program(id);
  return entry !== undefined && entry.kind === 'agency' && !isClaimSubject(entry);
}

// A sentence ends with its final period, question or exclamation mark (closing quotes or brackets may follow).
const ENDS_AS_SENTENCE = /[.!?]["”’)\]]*\s*$/u;
// A sentence that opens on a name and "is"/"are" says what that name's bearer is ("U.S. SOUTHCOM is responsible for…"): it is about that one.
const DEFINES_NAME = /^[\s*_]*(?:(?:The|La|El|Los|Las)\s+)?(?:U\.S\.\s+)?\p{Lu}[\p{L}\p{N}.’'-]*(?:\s+(?:of|de|del|\p{Lu}[\p{L}\p{N}.’'-]*)){0,6}\s+(?:is|are|es|son)\s/u;
// What someone allegedly did is about them (the suspects of a case), not about the program that caught them.
const ALLEGED = /(?<![\p{L}])(?:allegedly|presuntamente|supuestamente)(?![\p{L}])/iu;
// A quotation: someone's words, about what they choose; not read as about the document's program. A few
// words in quotation marks are a name or a motto ("the Space Available (“Space A”) seats", "el lema “Unidos navegamos”").
const QUOTED = /[“«]([^”»]*)[”»]|"([^"]*)"/gu;
const QUOTE_MARK = /["“”«»]/u;
const QUOTED_WORDS = 5;

function quotesSomeone(text: string): boolean {
  if (!QUOTE_MARK.test(text)) return false;
  for (const m of text.matchAll(QUOTED)) if ((m[1] ?? m[2]).split(/\s+/u).filter(Boolean).length >= QUOTED_WORDS) return true;
  // A mark left unpaired opens or closes a quotation that runs beyond the sentence.
  return QUOTE_MARK.test(text.replace(QUOTED, ''));
}

/**
 * Whether a sentence may be read as about a program it does not name (before knowing which): a
 * whole sentence (it ends with a period, not a colon or nothing: not a list's introduction, item
 * or table line), no quotation, something checkable, an opening not about the threat, and no
 * name but agencies'.
 */
export function mayBeCarried(text: string, numbers: readonly unknown[], mentioned: ReadonlyArray<{ program: string }>, records: RecordSet): boolean {
  if (!ENDS_AS_SENTENCE.test(text) || quotesSomeone(text) || DEFINES_NAME.test(text) || ALLEGED.test(text)) return false;
  if (!statesCheckable(text, numbers) || opensOnThreat(text)) return false;
  return mentioned.every((m) => isPlainAgency(m.program, records));
}
