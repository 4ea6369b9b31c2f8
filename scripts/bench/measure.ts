/** Timing helpers shared by the benchmarks. */

export type Report = (label: string, value: string) => void;

/** Runs `work` `runs` times after `warmup` unmeasured runs; returns the median in milliseconds. */
export async function median(work: () => unknown, runs: number, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function ms(value: number, budget?: number): string {
  const figure = `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
  if (budget === undefined) return figure;
  return `${figure} (budget ${budget} ms: ${value <= budget ? 'within' : 'OVER'})`;
}
