/**
 * The V8 options the language server runs with (client/src/extension.ts passes them as the
 * server process's execArgv; bench/rss.mjs is run with them, so that its peak RSS is the
 * server's).
 *
 * `--max-semi-space-size=4`: V8's young generation keeps up to three semi-spaces of 16 MB each
 * by default, pages the process holds on to once they have been used. Loading many records and
 * checking a large draft make a great deal of short-lived garbage, so they fill it: with the
 * bundled records plus 100,000 programs and the 1 MB draft open, 4 MB semi-spaces take the peak
 * RSS down by 30–45 MB, and by about 20 MB with the bundled records alone, with no steady
 * full-check slowdown a busy machine let the bench see (README, Performance).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4'];
