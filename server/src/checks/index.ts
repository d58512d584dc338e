/** The ordered registry of checks; a check's code is its file name, diagnostic code and settings key. */
import type { Check } from './types';
import { uncitedClaim } from './uncitedClaim';
import { attributionWithoutLink } from './attributionWithoutLink';
import { figureMismatch } from './figureMismatch';
import { misquote } from './misquote';
import { citationMismatch } from './citationMismatch';
import { unknownProgram } from './unknownProgram';

export const CHECKS: readonly Check[] = [uncitedClaim, attributionWithoutLink, figureMismatch, misquote, citationMismatch, unknownProgram];

export type { Check, CheckFinding } from './types';
