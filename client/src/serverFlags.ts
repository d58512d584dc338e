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
 *
 * `--heap-growing-percent=20`: after each full collection, the old generation may grow by 20 %
 * of what is live before the next, instead of up to several times it. Loading 100,000 programs
 * and checking the 1 MB draft otherwise let the heap reach about twice what they keep, and the
 * process kept the pages: 283 MB peak RSS with them instead of 334–335 MB, 181–190 MB with the
 * bundled records instead of 189–191 MB. It costs more collections: the first full check of the
 * 1 MB draft with the bundled records takes about 20 % more time at the median (3–27 %), with
 * the 100,000 programs 0–4 % (README, Performance).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4', '--heap-growing-percent=20'];
