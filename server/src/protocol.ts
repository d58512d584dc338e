/**
 * What the client and the server both name: the custom request methods (as vscode-eslint
 * keeps its protocol in one file) and the `source` of the diagnostics the server publishes.
 * Their parameter and result types live beside the handlers in server/src/features/.
 */

/** Checks every draft of the workspace; answers with counts by code (features/workspaceCheck.ts). */
export const CHECK_WORKSPACE_METHOD = 'claimcheck/checkWorkspace';
/** The recorded sources a draft cites, as CSL-JSON (features/citedSources.ts). */
export const CITED_SOURCES_METHOD = 'claimcheck/citedSources';
/** The programs and sources a selection could be recorded under (features/recordClaim.ts). */
export const RECORD_CHOICES_METHOD = 'claimcheck/recordChoices';
/** Adds a claim to the workspace's records (features/recordClaim.ts). */
export const RECORD_CLAIM_METHOD = 'claimcheck/recordClaim';

/** The `source` of every diagnostic the server publishes, on drafts and on record files. */
export const DIAGNOSTIC_SOURCE = 'Claim Check';
