/**
 * Record problems carry a message id and its values, so that the editor and the command line
 * can say them in the writer's language; `message` keeps the English text for logs and tests.
 */
import { msg, type Locale } from '../l10n/messages';
import type { ProblemId, ProblemSeverity, RecordProblem } from './types';

/** A problem at a place in a record file. */
export function recordProblem(
  at: { file: string; offset: number; field: string },
  id: ProblemId,
  values: Record<string, string | number> = {},
  severity: ProblemSeverity = 'error',
): RecordProblem {
  return { ...at, id, values, severity, message: problemText({ id, values }, 'en') };
}

/** The problem's message in `locale`; a schema problem about the entry itself names it so. */
export function problemText(p: Pick<RecordProblem, 'id' | 'values'>, locale: Locale | undefined): string {
  let values = p.values;
  if ('field' in values && values.field === '') values = { ...values, field: msg(locale, 'problem.theEntry') };
  if (p.id === 'problem.invalidJson') values = { ...values, detail: jsonError(String(values.detail), locale) };
  return msg(locale, p.id, values);
}

/** jsonc-parser's error codes in Spanish (English is made from the code itself). */
const JSON_ERRORS_ES: Record<string, string> = {
  InvalidSymbol: 'símbolo no válido',
  InvalidNumberFormat: 'número mal escrito',
  PropertyNameExpected: 'se esperaba el nombre de una propiedad',
  ValueExpected: 'se esperaba un valor',
  ColonExpected: 'se esperaban dos puntos',
  CommaExpected: 'se esperaba una coma',
  CloseBraceExpected: 'se esperaba una llave de cierre',
  CloseBracketExpected: 'se esperaba un corchete de cierre',
  EndOfFileExpected: 'se esperaba el final del archivo',
  InvalidCommentToken: 'los comentarios no se admiten',
  UnexpectedEndOfComment: 'comentario sin cerrar',
  UnexpectedEndOfString: 'texto sin cerrar',
  UnexpectedEndOfNumber: 'número sin terminar',
  InvalidUnicode: 'secuencia Unicode no válida',
  InvalidEscapeCharacter: 'secuencia de escape no válida',
  InvalidCharacter: 'carácter no válido',
};

function jsonError(code: string, locale: Locale | undefined): string {
  if (locale === 'es' && code in JSON_ERRORS_ES) return JSON_ERRORS_ES[code];
  // "CommaExpected" → "comma expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
