import { defineConfig } from 'vitest/config';

// `npm test -w supabase-local`: the platform's own two projects. The product's root config lists the
// same two files beside its own projects.
export default defineConfig({
  test: { projects: ['vitest.unit.config.ts', 'vitest.conformance.config.ts'] },
});
