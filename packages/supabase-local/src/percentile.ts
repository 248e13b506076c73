/** The p-th percentile of ascending-sorted values (nearest rank): the benchmarks' one definition. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
