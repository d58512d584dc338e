/** Where a passage stands in a web page's markup (pure, for the "open the source" command). */

/** The 0-based line of the markup that holds the passage's first words (tags and spaces between them allowed), or 0. */
export function lineInMarkup(markup: string, passage: string | undefined): number {
  const words = (passage ?? '').split(/\s+/).filter(Boolean).slice(0, 4);
  if (words.length === 0) return 0;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const at = new RegExp(escaped.join('(?:\\s|<[^>]*>|&nbsp;)+'), 'i').exec(markup)?.index;
  return at === undefined ? 0 : markup.slice(0, at).split('\n').length - 1;
}
