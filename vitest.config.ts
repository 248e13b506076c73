import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['supabase/local/**/*.test.ts', 'lib/**/*.test.ts', 'components/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'api',
          include: ['supabase/tests/**/*.test.ts'],
          environment: 'node',
          // One fresh local stack (its own Postgres and gateway on free ports) for the whole run.
          globalSetup: ['supabase/tests/setup/global-stack.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Test files share one stack; two cores do not gain from more than two workers.
          maxWorkers: 2,
          // Lets `vitest run` take both projects: unit first, then api with its own worker count.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
