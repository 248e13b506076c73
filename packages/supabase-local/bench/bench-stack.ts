// What the platform's benchmarks need: a fresh stack of the conformance project (no migrations) in a
// process of its own (src/stack-process.ts), and latency percentiles.
import path from 'node:path';
import { type StackProcess, type StackProcessOptions, startStackProcess } from '../src/stack-process';

export { percentile } from '../src/percentile';

const PROJECT = path.resolve(import.meta.dirname, '../test/project');

export type BenchStack = StackProcess;

export function startBenchStack(
  options: Omit<StackProcessOptions, 'workdir'> = { name: 'bench' },
): Promise<BenchStack> {
  return startStackProcess({ ...options, workdir: PROJECT });
}
