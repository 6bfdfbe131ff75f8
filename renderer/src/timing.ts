/**
 * Steps of opening and editing the grid as User Timing measures ("grid:fetch", "grid:prepare"...):
 * DevTools' performance panel shows them and test/bench/grid.bench.ts prints them. Only the
 * latest of each name is kept, so a long session does not pile them up.
 */
function measure(name: string, start: number): void {
  performance.clearMeasures(name);
  performance.measure(name, { start });
}

export function timed<T>(name: string, step: () => T): T {
  const start = performance.now();
  try {
    return step();
  } finally {
    measure(name, start);
  }
}

export async function timedAsync<T>(name: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    measure(name, start);
  }
}
