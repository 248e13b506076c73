import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      // The platform's own projects: its unit tests and its conformance tests on a stack of their own.
      'packages/supabase-local/vitest.unit.config.ts',
      'packages/supabase-local/vitest.conformance.config.ts',
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'db',
          include: ['supabase/tests/**/*.test.ts'],
          environment: 'node',
          // One fresh local stack (its own Postgres and gateway on free ports) with our migrations and seed.
          globalSetup: ['supabase/tests/setup/global-stack.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Test files share one stack; two cores do not gain from more than two workers.
          maxWorkers: 2,
          // Lets `vitest run` take every project: unit first, then the ones with a stack.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
