/**
 * The ways writers write a recorded name, generated when the alias index is built
 * (aliasIndex.ts), so that matching stays one pass over the text whatever their number:
 *
 * - words that mean the same in a program's name, folded to one key: "Operación"/"Operation",
 *   "Interinstitucional"/"Interagencial"/"Interagencias"/"Interagency", "American"/"America",
 *   "Sur"/"South" ("Fuerza de Tarea Interagencial Chortí" is "Fuerza de Tarea Interinstitucional
 *   Chortí"; "Central American Regional Security Initiative" is CARSI's name);
 * - the word order of "X Task Force" and "Task Force X";
 * - "Campaign X" for "Operation X" (a key shared by the words, above);
 * - the Spanish of a military task force's name: "Joint Task Force-Bravo" is "Fuerza de Tarea
 *   Conjunta Bravo", "Joint Interagency Task Force South" "Fuerza de Tarea Conjunta Interagencial Sur";
 * - possessives ("JTFA’s", "SPMAGTF's") and acronyms' plurals ("TCIUs"), hyphens, dashes and
 *   spaces between words are read by the index itself (aliasIndex.ts).
 */

/** Folded words that stand for the same word in a name, each to its key. */
export const SAME_WORD: ReadonlyMap<string, string> = new Map([
  ['operacion', 'operation'],
  ['campaign', 'operation'],
  ['campana', 'operation'],
  ['interinstitucional', 'interagency'],
  ['interagencial', 'interagency'],
  ['interagencias', 'interagency'],
  ['interagencia', 'interagency'],
  ['interinstitucionales', 'interagency'],
  ['interagenciales', 'interagency'],
  ['american', 'america'],
  ['sur', 'south'],
]);

/**
 * The other spellings of an alias that the index also holds, besides the alias itself:
 * "Tecun Uman Task Force" ↔ "Task Force Tecun Uman".
 */
export function nameVariants(alias: string): string[] {
  const out: string[] = [];
  const trailing = /^(.+?)\s+(Task\s+Forces?)$/iu.exec(alias.trim());
  if (trailing && !/\b(?:Joint|Interagency|Inter-Agency|Anti-Gang|National)$/iu.test(trailing[1]) && /^\p{Lu}/u.test(trailing[1])) out.push(`${trailing[2]} ${trailing[1]}`);
  const leading = /^(Task\s+Forces?)\s+(\p{Lu}.*)$/u.exec(alias.trim());
  if (leading) out.push(`${leading[2]} ${leading[1]}`);
  const spanish = /^(Joint\s+Interagency|Joint|Interagency|Inter-Agency)?\s*Task\s+Force([\s\-\u2010\u2011\u2013]+)(\p{Lu}.*)$/u.exec(alias.trim());
  if (spanish) {
    const kind = spanish[1] ? { joint: ' Conjunta', 'joint interagency': ' Conjunta Interagencial', interagency: ' Interagencial', 'inter-agency': ' Interagencial' }[spanish[1].toLowerCase().replace(/\s+/g, ' ')] : '';
    out.push(`Fuerza de Tarea${kind}${spanish[2]}${spanish[3]}`);
  }
  return out.filter((v) => v !== alias);
}
