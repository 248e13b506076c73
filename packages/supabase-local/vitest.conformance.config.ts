import { defineProject } from 'vitest/config';

// The platform's conformance tests: supabase-js (and raw HTTP/WebSocket) against one fresh stack that
// runs the fixture project in test/project.
export default defineProject({
  test: {
    name: 'platform',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/setup/global-stack.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files share one stack; two cores do not gain from more than two workers.
    maxWorkers: 2,
    // Lets `vitest run` take every project: unit first, then the ones with a stack.
    sequence: { groupOrder: 1 },
  },
});
