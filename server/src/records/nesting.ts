/**
 * Finds the entries of a JSON record file that nest deeper than any record needs, in one linear
 * scan that builds nothing. Parsers and validators walk nested values recursively: an entry
 * nested thirty thousand levels deep overflows the stack, and the whole file would be lost. Such
 * entries are reported and left out; their siblings load as usual.
 */

/** No record nests anywhere near this deep (a claim's figures: entry → figures → figure → alternatives → item). */
export const MAX_RECORD_DEPTH = 32;

export interface DeepEntry {
  /** Where the entry (an element of the top-level array) starts and ends in the text. */
  start: number;
  end: number;
}

/**
 * The top-level array elements of `text` that nest deeper than `limit`, and whether the file's
 * root itself does (outside any element). Strings are skipped, so brackets in them do not count.
 */
export function findDeepEntries(text: string, limit = MAX_RECORD_DEPTH): { entries: DeepEntry[]; rootTooDeep: boolean } {
  const entries: DeepEntry[] = [];
  let depth = 0;
  let rootIsArray = false;
  let elementStart = -1;
  let tooDeep = false;
  let rootTooDeep = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
      continue;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (depth === 0) rootIsArray = c === 91;
      else if (depth === 1 && rootIsArray) {
        elementStart = i;
        tooDeep = false;
      }
      depth++;
      if (depth > limit) {
        if (elementStart >= 0) tooDeep = true;
        else rootTooDeep = true;
      }
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth === 0) continue;
      depth--;
      if (depth === 1 && elementStart >= 0) {
        if (tooDeep) entries.push({ start: elementStart, end: i + 1 });
        elementStart = -1;
      }
    }
  }
  // An element never closed: it runs to the end of the text.
  if (elementStart >= 0 && tooDeep) entries.push({ start: elementStart, end: text.length });
  return { entries, rootTooDeep };
}

/**
 * The text with each deep entry replaced by `null` and spaces (line breaks kept), so that offsets,
 * lines and the siblings stay where they were and no parser ever sees the deep value.
 */
export function blankEntries(text: string, entries: DeepEntry[]): string {
  if (entries.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { start, end } of entries) {
    out += text.slice(at, start) + 'null' + text.slice(start + 4, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}
