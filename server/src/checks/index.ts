/** The ordered registry of checks; a check's code is its file name, diagnostic code and settings key. */
import type { Check, CheckInfo, WorkspaceCheck } from './types';
import { uncitedClaim } from './uncitedClaim';
import { attributionWithoutLink } from './attributionWithoutLink';
import { figureMismatch } from './figureMismatch';
import { misquote } from './misquote';
import { citationMismatch } from './citationMismatch';
import { unknownProgram } from './unknownProgram';
import { suppressionWithoutReason } from './suppressionWithoutReason';
import { inconsistentFigure } from './inconsistentFigure';
import { quoteNotInSource } from './quoteNotInSource';
import { figureNotInSource } from './figureNotInSource';

/** Checks over one document, in the order they run. */
export const CHECKS: readonly Check[] = [uncitedClaim, attributionWithoutLink, figureMismatch, misquote, quoteNotInSource, figureNotInSource, citationMismatch, unknownProgram, suppressionWithoutReason];

/** Checks that compare several drafts; they run over a workspace or a folder, not one document. */
export const WORKSPACE_CHECKS: readonly WorkspaceCheck[] = [inconsistentFigure];

/** Every check, in the order the settings and the README list them. */
export const REGISTRY: readonly CheckInfo[] = [...CHECKS, ...WORKSPACE_CHECKS];

/** Every finding code. */
export const FINDING_CODES: readonly string[] = REGISTRY.map((c) => c.code);

export type { Check, CheckFinding, CheckInfo, CrossDraftFinding, DraftModel, WorkspaceCheck } from './types';
