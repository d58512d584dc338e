/**
 * Every sentence Claim Check says to a writer, in English and Spanish. Checks pick the
 * catalogue of the analysis locale; placeholders are `{name}`.
 */

export type Locale = 'en' | 'es';

const en = {
  'uncited.held': 'No source cited for this claim about {names}{attributed}. The records hold: {held}.',
  'uncited.attributed': ' (an attribution phrase alone does not count here)',
  'uncited.none': 'No source cited for this claim about {names}, and no record holds a source for it yet.',
  'attribution.unlinked': '“{phrase}” points to {named}{more}, but nothing links it. Cite it so that readers can check.',
  'attribution.more': ' (and {count} more)',
  'figure.mismatch': 'The records give {said}, not {written}.',
  'figure.or': ', or ',
  'figure.quoteYear': 'The quoted words are from {source}, dated {date}, not {year}.',
  'misquote.differs': 'This quote differs from {source}: {changes}. The record reads “{replacement}”{status}.',
  'misquote.swap': '“{added}” where the source has “{removed}”',
  'misquote.added': '“{text}” is not in the source',
  'misquote.removed': 'the source also has “{text}”',
  'citation.none': '{cited} has no record about {names}.',
  'citation.better': ' Sources that do: {list}.',
  'citation.nobody': ' No recorded source speaks of it yet.',
  'unknown.program': '“{name}” looks like a program, but no record knows it. Add a record so that claims about it can be checked.',
  'suppression.noReason': 'This suppression gives no reason. Add “-- reason: …” so that a reviewer can see why the check is off.',
  'consistency.figure': 'This draft says {written} ({noun}); another draft says {others}. Check which figure the source gives.',
  'consistency.other': 'The other draft says {written}.',
  'fix.footnote': 'Cite “{title}” as a footnote',
  'fix.pandoc': 'Cite “{title}” as [@{id}]',
  'fix.link': 'Cite “{title}” as a link',
  'fix.instead': 'Cite “{title}” instead',
  'fix.change': 'Change {from} to {to}',
  'fix.quote': 'Restore the exact quote',
  'verification.confirmed': 'confirmed',
  'verification.probable': 'probable match, quote not checked',
  'verification.candidate': 'candidate match only',
  'verification.unidentified': 'document not yet identified',
  'quote.checked': 'quote checked against the source',
  'quote.unchecked': 'quote not yet checked against the source',
  and: ' and ',
};

export type MessageId = keyof typeof en;

const es: Record<MessageId, string> = {
  'uncited.held': 'Ninguna fuente citada para esta afirmación sobre {names}{attributed}. Los registros tienen: {held}.',
  'uncited.attributed': ' (aquí una atribución sola no basta)',
  'uncited.none': 'Ninguna fuente citada para esta afirmación sobre {names}, y ningún registro tiene aún una fuente para ella.',
  'attribution.unlinked': '«{phrase}» remite a {named}{more}, pero nada la enlaza. Cítela para que los lectores puedan comprobarlo.',
  'attribution.more': ' (y {count} más)',
  'figure.mismatch': 'Los registros dan {said}, no {written}.',
  'figure.or': ', o ',
  'figure.quoteYear': 'Las palabras citadas son de {source}, con fecha {date}, no de {year}.',
  'misquote.differs': 'Esta cita difiere de {source}: {changes}. El registro dice «{replacement}»{status}.',
  'misquote.swap': '«{added}» donde la fuente dice «{removed}»',
  'misquote.added': '«{text}» no está en la fuente',
  'misquote.removed': 'la fuente también dice «{text}»',
  'citation.none': '{cited} no tiene ningún registro sobre {names}.',
  'citation.better': ' Fuentes que sí: {list}.',
  'citation.nobody': ' Ninguna fuente registrada habla aún de ello.',
  'unknown.program': '«{name}» parece un programa, pero ningún registro lo conoce. Añada un registro para poder comprobar lo que se afirma de él.',
  'suppression.noReason': 'Esta supresión no da motivo. Añada «-- reason: …» para que quien revise sepa por qué se desactiva la comprobación.',
  'consistency.figure': 'Este borrador dice {written} ({noun}); otro borrador dice {others}. Compruebe qué cifra da la fuente.',
  'consistency.other': 'El otro borrador dice {written}.',
  'fix.footnote': 'Citar «{title}» como nota al pie',
  'fix.pandoc': 'Citar «{title}» como [@{id}]',
  'fix.link': 'Citar «{title}» como enlace',
  'fix.instead': 'Citar «{title}» en su lugar',
  'fix.change': 'Cambiar {from} por {to}',
  'fix.quote': 'Restaurar la cita exacta',
  'verification.confirmed': 'confirmada',
  'verification.probable': 'coincidencia probable, cita sin comprobar',
  'verification.candidate': 'solo coincidencia candidata',
  'verification.unidentified': 'documento aún no identificado',
  'quote.checked': 'cita comprobada con la fuente',
  'quote.unchecked': 'cita aún no comprobada con la fuente',
  and: ' y ',
};

const CATALOGUES: Record<Locale, Record<MessageId, string>> = { en, es };

/** Picks the locale Claim Check speaks for an editor or command-line locale ("es-MX" → "es"). */
export function toLocale(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The message `id` in `locale`, with its placeholders filled. */
export function msg(locale: Locale | undefined, id: MessageId, values: Record<string, string | number> = {}): string {
  return CATALOGUES[locale ?? 'en'][id].replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

const MONTHS: Record<Locale, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};

/** "5 September 2018" / "5 de septiembre de 2018"; "April 2019" / "abril de 2019"; "2016". */
export function formatDateParts(parts: number[], locale: Locale = 'en'): string {
  const [y, m, d] = parts;
  const month = m ? MONTHS[locale][m - 1] : undefined;
  if (locale === 'es') return month ? (d ? `${d} de ${month} de ${y}` : `${month} de ${y}`) : String(y);
  return month ? (d ? `${d} ${month} ${y}` : `${month} ${y}`) : String(y);
}
