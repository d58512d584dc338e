/** The ordered registry of checks; a check's code is its file name, diagnostic code and settings key. */
import type { Check } from './types';
import { uncitedClaim } from './uncitedClaim';
import { attributionWithoutLink } from './attributionWithoutLink';
import { figureMismatch } from './figureMismatch';
import { misquote } from './misquote';
import { citationMismatch } from './citationMismatch';
import { unknownProgram } from './unknownProgram';
import { suppressionWithoutReason } from './suppressionWithoutReason';

export const CHECKS: readonly Check[] = [uncitedClaim, attributionWithoutLink, figureMismatch, misquote, citationMismatch, unknownProgram, suppressionWithoutReason];

export type { Check, CheckFinding } from './types';

/** Checks that compare several drafts; they run over a workspace or a folder, not one document. */
export const WORKSPACE_CHECKS: ReadonlyArray<Omit<Check, 'check'>> = [
  {
    code: 'inconsistent-figure',
    description: 'The same program and kind of figure stated differently in two drafts (4,600 officers in one, 6,400 in another).',
    defaultSeverity: 'warning',
  },
];
