/**
 * Cost ratios for the tests that guard against superlinear work. They compare two runs of the
 * same code in the same process, never a time against a fixed budget, and keep the fastest of
 * several runs: noise from other test files running beside them only ever adds time, so the
 * minimum is the steadiest estimate of what the code itself costs.
 */
export function fastestMs(run: () => void, times = 5): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * How much longer `run` takes on `factor` times the input than on the input itself. Linear work
 * gives about `factor` and quadratic work `factor²`; with a factor of 16, a quadratic term that
 * is still small beside the linear work shows clearly, and a busy machine cannot blur the two.
 */
export function growthRatio(run: (scale: number) => void, factor: number): number {
  run(1);
  run(factor); // warm both sizes up: compiled code, grown heaps
  const small = fastestMs(() => run(1), 7);
  const large = fastestMs(() => run(factor), 3);
  return large / small;
}

