// The types of validators.js, which scripts/validators.mjs generates from data/schema/ at build time.
import type { ValidateFunction } from 'ajv';

/** An entry of a list file (.claimcheck/programs.json, sources.json, claims.json). */
export declare const itemPrograms: ValidateFunction;
export declare const itemSources: ValidateFunction;
export declare const itemClaims: ValidateFunction;
/** A one-record file: data/programs/<id>.json's entry and its claims, data/sources/<id>.json. */
export declare const filePrograms: ValidateFunction;
export declare const fileSources: ValidateFunction;
export declare const fileClaims: ValidateFunction;
