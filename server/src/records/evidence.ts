/**
 * Whether a quote lies inside the excerpt it was read from, typography aside: curly and
 * straight quotation marks, dashes, white space, editorial brackets ("conduct[ing]",
 * "TCO [transnational criminal organization]"), an ellipsis between the quoted pieces, the
 * quote's own trailing punctuation and the case of its first letter.
 */
const QUOTES = /[‘’‚‛“”„‟«»‹›'"`´]/g;
const DASHES = /[\u2010-\u2015\u2212-]/g;

/** The excerpt's or the quote's text with its typography made plain. */
export function plainTypography(s: string): string {
  return s.normalize('NFC').replace(QUOTES, '"').replace(DASHES, '-').replace(/\s+/g, ' ').trim();
}

/** The quote's pieces (split at an ellipsis), each without editorial brackets or edge punctuation. */
function quotePieces(quote: string): string[] {
  return plainTypography(quote.replace(/\[[^\]]*\]/g, ' '))
    .split(/\s*(?:…|\.\.\.)\s*/)
    .map((p) => p.replace(/^[\s"'.,;:!?-]+|[\s"'.,;:!?-]+$/g, '').replace(/\s+/g, ' '))
    .filter((p) => p.length > 0);
}

/** True when every piece of the quote is found in the excerpt, in order. */
export function quoteInExcerpt(quote: string, excerpt: string): boolean {
  const text = plainTypography(excerpt);
  const pieces = quotePieces(quote);
  if (pieces.length === 0) return false;
  let from = 0;
  for (const [i, piece] of pieces.entries()) {
    const forms = i === 0 ? [piece, piece[0].toLowerCase() + piece.slice(1), piece[0].toUpperCase() + piece.slice(1)] : [piece];
    const found = forms.map((f) => text.indexOf(f, from)).filter((n) => n >= 0);
    if (found.length === 0) return false;
    from = Math.min(...found) + piece.length;
  }
  return true;
}
