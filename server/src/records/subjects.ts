/**
 * What a claim is about: a program, or an agency or institution the records mark as a claim
 * subject (a task force or unit that runs operations, written about as a program is). Other
 * agencies and institutions (departments, commands, partner institutions) are named in claims
 * but are not what makes a sentence one.
 */
import type { Program } from './types';

export function isClaimSubject(p: Pick<Program, 'kind' | 'claimSubject'> | undefined): boolean {
  return p !== undefined && (p.kind === 'program' || p.claimSubject === true);
}
